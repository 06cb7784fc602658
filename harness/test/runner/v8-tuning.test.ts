import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILDER_WORKER_V8_FLAGS, builderWorkerV8Flags } from '../../src/runner/isolated/v8-tuning.js';

describe('the builder workers V8 settings', () => {
  it('names only flags this Node V8 knows: setFlagsFromString ignores an unknown one without a word', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of BUILDER_WORKER_V8_FLAGS) {
      const name = flag.replace(/=.*$/, '');
      expect(known, `${name} is not one of this Node's V8 options`).toContain(`  ${name} (`);
    }
  });

  it("sets them unless STEPSCORE_V8_DEFAULTS=1 asks for V8's own", () => {
    expect(builderWorkerV8Flags({})).toEqual(BUILDER_WORKER_V8_FLAGS);
    expect(builderWorkerV8Flags({ STEPSCORE_V8_DEFAULTS: '0' })).toEqual(BUILDER_WORKER_V8_FLAGS);
    expect(builderWorkerV8Flags({ STEPSCORE_V8_DEFAULTS: '1' })).toEqual([]);
  });
});
