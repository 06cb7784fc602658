// `stepscore score --backend moto`: the CLI starts moto_server, the Integration level runs against it, and the
// server is stopped afterwards.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStepscore } from '../cli/cli-runner.js';
import { builderRegistry } from '../support/repository-project.js';

describe('stepscore score --backend moto', () => {
  it('scores the Integration level of every registered builder on moto_server, and no moto_server is left', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stepscore-score-moto-'));
    try {
      const run = await runStepscore(['score', '--backend', 'moto', '--level', '4', '--json', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as {
        run: { backend: string; levels: number[] };
        builders: { builder: string; levels: Record<string, number | null>; ran: number }[];
      };
      expect(summary.run).toMatchObject({ backend: 'moto', levels: [4] });
      expect(summary.builders.map((b) => b.builder)).toEqual(builderRegistry.names().sort());
      for (const b of summary.builders) {
        expect(b.ran).toBeGreaterThan(0);
        expect(b.levels['4']).not.toBeNull();
        const file = JSON.parse(await readFile(join(out, 'builders', `${b.builder}.json`), 'utf8')) as { checks: { id: string; servedBy?: string }[] };
        const served = file.checks.filter((c) => c.servedBy !== undefined);
        expect(served.length, `${b.builder}: no check says which backend served it`).toBeGreaterThan(0);
        for (const check of served) expect(check.servedBy, check.id).toMatch(/^moto( \(served by mock: .+\))?$/);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
