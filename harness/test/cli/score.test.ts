import { profileCheckIds } from '../../src/profiles/index.js';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderRegistry } from '../support/repository-project.js';
import { ANSI_ESCAPE, runStepscore } from './cli-runner.js';

const registered = builderRegistry.names().sort();

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stepscore-score-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const readJson = async (path: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

describe('stepscore score on every registered builder', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runStepscore>>;
  beforeAll(async () => {
    out = join(work, 'full');
    run = await runStepscore(['score', '--out', out]);
  }, 120_000);

  it('exits 0 and prints a line per builder and a summary line, plain when not a terminal', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^stepscore \\S+ — ${registered.length} builders, levels L1, L2, L3, L4, backend mock`));
    for (const builder of registered)
      expect(run.stdout).toMatch(new RegExp(`^✓ ${builder} {2}100\\.0 Excellent · no blockers · passed (\\d+)/\\1(, \\d+ n/a)?$`, 'm'));
    expect(run.stdout).toMatch(
      new RegExp(`^Summary: ${registered.length} builders \\(${registered.length} Excellent\\); no blockers; all \\d+ checks that ran passed$`, 'm'),
    );
    expect(run.stdout).toContain(`Reports written to ${out}/`);
    expect(run.stdout).not.toMatch(ANSI_ESCAPE);
  });

  it('on a clean catalogue prints at most 3 lines per builder plus a summary, none longer than 100 characters', () => {
    const lines = run.stdout.split('\n');
    const report = lines.slice(0, lines.findIndex((l) => l.startsWith('Summary: ')) + 1);
    const builders = registered.length;
    // The run line, a blank line, the builders' lines, the summary.
    expect(report.length - 3).toBeLessThanOrEqual(3 * builders);
    expect(lines.filter((l) => l.length > 100)).toEqual([]);
    expect(run.stdout).not.toMatch(/│|┌|─/);
  });

  it('writes summary.json, a JSON per builder, report.md, report.html and junit.xml', async () => {
    expect((await readdir(out)).sort()).toEqual(['builders', 'junit.xml', 'report.html', 'report.md', 'summary.json']);
    expect((await readdir(join(out, 'builders'))).sort()).toEqual(registered.map((n) => `${n}.json`));
    const summary = await readJson(join(out, 'summary.json'));
    expect(summary).toMatchObject({
      schema: 'stepscore.summary',
      schemaVersion: 2,
      run: { backend: 'mock', levels: [1, 2, 3, 4], builders: registered, shard: null },
    });
    const builders = summary.builders as { builder: string; overall: number; rating: string; ran: number }[];
    for (const b of builders) {
      // The summary agrees with the builder's own file.
      const own = await readJson(join(out, 'builders', `${b.builder}.json`));
      expect(own.score).toMatchObject({ overall: b.overall, rating: b.rating, ran: b.ran });
      expect((own.checks as unknown[]).length).toBe(profileCheckIds(builderRegistry.get(b.builder).stepType).length);
    }
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain(
      '| Builder | Blockers | L1 | L2 | L3 | L4 | Overall | Rating | Passed/Ran | Not applicable |',
    );
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toMatch(/<testsuite name="PyTorchTraining" tests="\d+"/);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<svg class="level-chart" data-builder="XGBoostTraining"');
  });
});

describe('stepscore score options', () => {
  // One run that both tests below read: each stepscore score starts a builder worker (about a second of CPU).
  describe('with --json and bars every builder meets', () => {
    let out: string;
    let run: Awaited<ReturnType<typeof runStepscore>>;
    beforeAll(async () => {
      out = join(work, 'json');
      run = await runStepscore(['score', '--level', '1', '--out', out, '--json', '--min-score', '100', '--min-rating', 'excellent']);
    }, 60_000);

    it('--json prints only the summary JSON on stdout, the same as summary.json', async () => {
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(await readJson(join(out, 'summary.json')));
      expect(run.stderr).toContain(`Reports written to ${out}/`);
    });

    it('--min-score and --min-rating exit 0 when every builder is at or above the bar', () => {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain('below --min-');
    });
  });

  it("--builder and --level select what runs, and keep the other builders' files in the folder", async () => {
    const out = join(work, 'selected');
    await mkdir(join(out, 'builders'), { recursive: true });
    await writeFile(join(out, 'builders', 'PyTorchTraining.json'), '{"kept": true}\n');
    const run = await runStepscore(['score', '--builder', 'xgboosttraining', '--level', '2', '--level', 'L3', '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { run: { builders: string[]; levels: number[] }; builders: { levels: Record<string, number | null> }[] };
    expect(summary.run).toMatchObject({ builders: ['XGBoostTraining'], levels: [2, 3] });
    expect(summary.builders[0]?.levels['1']).toBeNull();
    expect(summary.builders[0]?.levels['2']).not.toBeNull();
    const own = await readJson(join(out, 'builders', 'XGBoostTraining.json'));
    expect(new Set((own.checks as { level: number }[]).map((c) => c.level))).toEqual(new Set([2, 3]));
    expect(await readFile(join(out, 'builders', 'PyTorchTraining.json'), 'utf8')).toBe('{"kept": true}\n');
    expect(run.stderr).toContain("Partial run: the other builders' files in builders/ were kept");
  }, 60_000);

  it('--verbose lists every check, and NO_COLOR keeps a terminal plain', async () => {
    const before = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
    try {
      const run = await runStepscore(['score', '--level', '1', '--builder', 'PyTorchTraining', '--out', join(work, 'verbose'), '--verbose'], { tty: true });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ {2}pass level1\.\w+ — /m);
      expect(run.stdout).not.toMatch(ANSI_ESCAPE);
    } finally {
      if (before === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = before;
    }
  }, 60_000);

  it('colours the builder lines on a terminal', async () => {
    const run = await runStepscore(['score', '--level', '1', '--builder', 'PyTorchTraining', '--out', join(work, 'tty')], { tty: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(ANSI_ESCAPE);
  }, 60_000);

  it('documents the exit codes in --help', async () => {
    const run = await runStepscore(['score', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toMatch(/1 {2}a builder is below --min-score or --min-rating/);
    expect(run.stdout).toMatch(/2 {2}bad input: an unknown builder or level/);
    for (const option of [
      '--builder',
      '--level',
      '--concurrency',
      '--check-timeout',
      '--backend',
      '--out',
      '--json',
      '--min-score',
      '--min-rating',
      '--shard',
      '--nightly',
    ]) {
      expect(run.stdout).toContain(option);
    }
  });
});

describe('stepscore score on bad input exits 2 and says what to do', () => {
  it.each([
    [['--builder', 'NoSuchTraining'], `Unknown builder 'NoSuchTraining': the registered builders are ${builderRegistry.names().join(', ')} (see`],
    [['--level', '5'], '--level 5 is not a level: use 1 (Interface), 2 (Specification), 3 (Step Creation) or 4 (Integration)'],
    [['--min-score', 'high'], '--min-score high is not valid: give a score from 0 to 100'],
    [['--min-score', '101'], '--min-score 101 is not valid'],
    [['--min-rating', 'Superb'], '--min-rating Superb is not a rating: use one of "Excellent", "Good", "Satisfactory", "Needs Work", "Poor"'],
    [['--concurrency', '0'], '--concurrency 0 is not valid'],
    [['--check-timeout', 'soon'], '--check-timeout soon is not valid: give the time limit per check in milliseconds'],
    [['--check-timeout', '5'], '--check-timeout 5 is not valid'],
    [['--backend', 'aws'], '--backend aws is not a backend: use mock or moto'],
    [['--shard', '3/2'], '--shard 3/2 is not valid: the index must be between 1 and 2'],
    [['--nightly', '--shard', '1/2'], '--nightly cannot be combined with --shard'],
    [['--history', 'h.jsonl'], '--history and --baseline only apply with --nightly'],
  ])('%j', async (args, message) => {
    const run = await runStepscore(['score', ...args, '--out', join(work, 'never')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${message}`);
    expect(run.stdout).toBe('');
  });

  it('an output folder that cannot be written, before anything runs', async () => {
    const file = join(work, 'a-file');
    await writeFile(file, 'not a folder');
    const run = await runStepscore(['score', '--out', join(file, 'reports')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: Cannot write reports to .*a-file\/reports \(ENOTDIR\): choose another folder with --out/);
    expect(run.stdout).toBe('');
  });
});
