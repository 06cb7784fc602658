// `pnpm test:builders` split with vitest's own --shard and joined with --merge-reports: the builder lines at the
// end of the merged run cover every level, though each shard ran only some of them.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderRegistry } from '../support/repository-project.js';

const builders = builderRegistry.names();

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VITEST = join(ROOT, 'node_modules', '.bin', 'vitest');
const run = promisify(execFile);

/** The environment without the variables of the vitest running this test, and without colours. */
function cleanEnv(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !['NODE_OPTIONS', 'TEST', 'FORCE_COLOR'].includes(key));
  return { ...Object.fromEntries(inherited), NO_COLOR: '1' };
}

let blobs: string;
beforeAll(async () => {
  blobs = await mkdtemp(join(tmpdir(), 'stepscore-vitest-shards-'));
});
afterAll(async () => {
  await rm(blobs, { recursive: true, force: true });
});

describe('pnpm test:builders with --shard and --merge-reports', () => {
  it('splits the level files between shards and merges them into a full summary per builder', async () => {
    // The shards run at once, as a CI matrix runs them.
    const shards = await Promise.all(
      ['1/2', '2/2'].map((shard) => {
        const output = join(blobs, `blob-${shard.replace('/', '-')}.json`);
        const args = ['run', '--project', 'builders', `--shard=${shard}`, '--reporter=default', '--reporter=blob', `--outputFile.blob=${output}`];
        return run(VITEST, args, { cwd: ROOT, env: cleanEnv(), maxBuffer: 16 << 20 });
      }),
    );
    // Each shard runs two of the four level files.
    for (const { stdout } of shards) expect(stdout).toContain('Test Files  2 passed (2)');
    expect((await readdir(blobs)).sort()).toEqual(['blob-1-2.json', 'blob-2-2.json']);

    const merged = await run(VITEST, ['run', `--merge-reports=${blobs}`], { cwd: ROOT, env: cleanEnv(), maxBuffer: 16 << 20 });
    expect(merged.stdout).toContain('Test Files  4 passed (4)');
    // Every level ran checks, though each shard ran only two of the four level files.
    expect(merged.stdout).toMatch(new RegExp(`^stepscore \\S+ — ${builders.length} builders, levels L1, L2, L3, L4, backend mock$`, 'm'));
    // Each builder's line counts all its tests (checks that ran, and n/a ones); together, the merged run's tests.
    const tests = Number(/Tests .*\((\d+)\)/.exec(merged.stdout)?.[1] ?? 0);
    let counted = 0;
    for (const builder of builders) {
      const line = new RegExp(`^[✓✗] ${builder} {2}[\\d.]+ [\\w ]+ · .* · (?:passed|failed) \\d+/(\\d+)(?:[^,\\n]*, (\\d+) n/a)?`, 'm').exec(merged.stdout);
      expect(line, merged.stdout).not.toBeNull();
      counted += Number(line?.[1]) + Number(line?.[2] ?? 0);
    }
    expect(counted).toBe(tests);
  }, 240_000);
});
