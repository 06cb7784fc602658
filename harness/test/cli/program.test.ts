// No command here loads this repository's config (help, the version, match, commands refused before they load it):
// one-more-builder.test.ts leaves this file out of its run with one more registered builder
// (NOT_LOADING_THE_REPOSITORY_CONFIG), so keep it that way.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runStepscore } from './cli-runner.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const rootPackage = JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}`), 'utf8')) as { version: string; description: string };
const execFileAsync = promisify(execFile);

describe('stepscore program', () => {
  it('prints the version from the root package.json', async () => {
    const run = await runStepscore(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${rootPackage.version}\n`, stderr: '' });
  });

  it('prints help with its description, commands and examples', async () => {
    const run = await runStepscore(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: stepscore \[options\] \[command\]/);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(rootPackage.description);
    for (const command of ['list', 'render', 'match']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(run.stdout).toContain('Examples:\n  $ pnpm stepscore list');
    expect(run.stdout).toContain('$ pnpm stepscore match input_path processed_data --json');
  });

  it('prints help for one command', async () => {
    const run = await runStepscore(['help', 'render']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: stepscore render \[options\] <builder>/);
    expect(run.stdout).toContain('--input <name=s3uri>');
  });

  it('rejects an unknown command with exit code 2 and a pointer to the help', async () => {
    const run = await runStepscore(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("error: unknown command 'frobnicate'\n(run stepscore --help for usage)\n");
  });

  it('suggests the command meant', async () => {
    const run = await runStepscore(['lst']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(Did you mean list?)');
  });

  it('rejects an unknown option with exit code 2', async () => {
    const run = await runStepscore(['list', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: unknown option '--colour'");
  });

  it('rejects a missing argument with exit code 2', async () => {
    const run = await runStepscore(['match', 'input_path']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: missing required argument 'nameB'");
  });

  it('rejects extra arguments with exit code 2', async () => {
    const run = await runStepscore(['list', 'extra']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: too many arguments');
  });

  it('shows the help on stderr with exit code 2 when no command is given', async () => {
    const run = await runStepscore([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: stepscore/);
  });
});

describe('stepscore as a process', () => {
  const main = 'harness/src/cli/main.ts';

  it('prints the match score as JSON', async () => {
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', main, 'match', 'input_path', 'processed_data', '--json'], { cwd: ROOT });
    const result = JSON.parse(stdout) as { score: number };
    expect(result.score).toBeCloseTo(0.2, 4);
  });

  it('exits with code 2 on an unknown command', async () => {
    const run = execFileAsync(process.execPath, ['--import', 'tsx', main, 'frobnicate'], { cwd: ROOT });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'frobnicate'") });
  });
});
