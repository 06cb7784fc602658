// Every exit code every command documents, produced for real and compared with its --help and the README.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builderRegistry } from '../../../builders/registry.js';
import { COMMANDS, type CommandName, documentedCodes, EXIT_CODES, type ExitCode } from '../../src/cli/exit-codes.js';
import type { RunReport } from '../../src/report/run-report.js';
import { reportFiles } from '../../src/report/report-files.js';
import { writeReportFiles } from '../../src/report/write-report-files.js';
import { brokenBuilder, fabricatedReport, healthyBuilder } from '../report/fabricated-results.js';
import { runStepscore } from './cli-runner.js';

// The clean catalogue never scores below a bar, so the one scenario that needs a failing run replaces the run's
// results with fabricated ones; every other scenario runs the real command.
const fakeRun = vi.hoisted(() => ({ report: undefined as RunReport | undefined }));
vi.mock('../../src/cli/score-run.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/cli/score-run.js')>();
  return { ...real, scoreRun: async (options: Parameters<typeof real.scoreRun>[0]) => fakeRun.report ?? real.scoreRun(options) };
});

let work: string;
let shards: string[];
let unknownVersionConfig: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stepscore-exit-'));
  const of = ['BrokenTraining', 'HealthyTraining'];
  shards = [];
  for (const [index, result] of [brokenBuilder(), healthyBuilder()].entries()) {
    const folder = join(work, `shard-${index + 1}`);
    await writeReportFiles(folder, reportFiles(fabricatedReport([result], { shard: { index: index + 1, count: 2, of } })));
    shards.push(folder);
  }
  unknownVersionConfig = join(work, 'unknown-version.json');
  // A config the schema accepts that the builder cannot build from: the training image cannot be chosen when the
  // instance type is decided only when the pipeline runs and no image_uri is given.
  await writeFile(
    unknownVersionConfig,
    JSON.stringify({ ...builderRegistry.get('PyTorchTraining').defaultConfig, training_instance_type: { Get: 'Parameters.TrainingInstanceType' } }),
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Scenario {
  readonly argv: () => string[];
  readonly fake?: () => RunReport;
}

const out = (name: string) => join(work, 'out', name);

/** One command line per documented code of every command. */
const SCENARIOS: Record<CommandName, Partial<Record<ExitCode, Scenario>>> = {
  list: { 0: { argv: () => ['list', '--json'] }, 2: { argv: () => ['list', '--no-such-option'] } },
  render: {
    0: { argv: () => ['render', 'PyTorchTraining', '--json'] },
    1: { argv: () => ['render', 'PyTorchTraining', '--config', unknownVersionConfig, '--json'] },
    2: { argv: () => ['render', 'NoSuchTraining'] },
  },
  match: { 0: { argv: () => ['match', 'input_path', 'processed_data', '--json'] }, 2: { argv: () => ['match', 'input_path'] } },
  score: {
    0: { argv: () => ['score', '--builder', 'PyTorchTraining', '--level', '1', '--out', out('score-0'), '--json'] },
    1: {
      argv: () => ['score', '--builder', 'PyTorchTraining', '--out', out('score-1'), '--min-score', '90', '--json'],
      fake: () => fabricatedReport([brokenBuilder()]),
    },
    2: { argv: () => ['score', '--level', '5'] },
  },
  merge: {
    0: { argv: () => ['merge', ...shards, '--out', out('merge-0'), '--json'] },
    1: { argv: () => ['merge', ...shards, '--out', out('merge-1'), '--min-rating', 'Good', '--json'] },
    2: { argv: () => ['merge', shards[0] as string, '--out', out('merge-2')] },
  },
  'baseline update': {
    0: { argv: () => ['baseline', 'update', '--from', out('merge-0'), '--baseline', join(work, 'baseline.json')] },
    2: { argv: () => ['baseline', 'update', '--from', join(work, 'no-such-folder'), '--baseline', join(work, 'baseline.json')] },
  },
};

/** The codes and their text under "Exit codes:" in a help text. */
function helpCodes(help: string): Map<number, string> {
  const block = help.slice(help.indexOf('Exit codes')).split('\n\n')[0] ?? '';
  const codes = new Map<number, string>();
  let current: number | undefined;
  for (const line of block.split('\n').slice(1)) {
    const start = /^ {2}(\d) {2}(.*)$/.exec(line);
    if (start) {
      current = Number(start[1]);
      codes.set(current, start[2] as string);
    } else if (current !== undefined) codes.set(current, `${codes.get(current)} ${line.trim()}`);
  }
  return codes;
}

describe.each(COMMANDS)('stepscore %s', (command) => {
  it('documents in --help exactly the exit codes of the table, each with its meaning', async () => {
    const help = await runStepscore([...command.split(' '), '--help']);
    expect(help.code).toBe(0);
    const codes = helpCodes(help.stdout);
    expect([...codes.keys()]).toEqual(documentedCodes(command));
    for (const code of documentedCodes(command)) expect(codes.get(code)).toBe(EXIT_CODES[command][code]);
  });

  it.each(documentedCodes(command))(
    'exits %i in the documented case',
    async (code) => {
      const scenario = SCENARIOS[command][code];
      expect(scenario, `a scenario for ${command} exit code ${code}`).toBeDefined();
      fakeRun.report = scenario?.fake?.();
      try {
        const run = await runStepscore(scenario?.argv() ?? []);
        expect(run.code, `${command} ${scenario?.argv().join(' ')}\n${run.stderr}`).toBe(code);
        if (code !== 0) expect(run.stderr).toMatch(/error: /);
      } finally {
        fakeRun.report = undefined;
      }
    },
    60_000,
  );

  it('has no scenario for a code it does not document', () => {
    expect(Object.keys(SCENARIOS[command]).map(Number)).toEqual(documentedCodes(command));
  });
});

describe('the top-level help and the README', () => {
  it('the top-level help lists every code some command uses, naming those commands', async () => {
    const help = await runStepscore(['--help']);
    const codes = helpCodes(help.stdout);
    const used = [...new Set(COMMANDS.flatMap(documentedCodes))].sort();
    expect([...codes.keys()]).toEqual(used);
    for (const code of used) {
      const users = COMMANDS.filter((c) => documentedCodes(c).includes(code));
      expect(codes.get(code)).toContain(`[${users.join(', ')}]`);
    }
    expect((await runStepscore(['no-such-command'])).code).toBe(2);
  });

  it('the README lists the same codes for every command', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const command of COMMANDS) {
      expect(readme).toContain(`| \`${command}\` | ${documentedCodes(command).join(', ')} |`);
    }
  });
});
