// `pnpm stepscore <command> --config <file>` with a project outside the repository, and what a bad config gets.
// Every command here names a config other than this repository's: one-more-builder.test.ts leaves this file out of
// its run with one more registered builder (NOT_LOADING_THE_REPOSITORY_CONFIG), so keep it that way.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyExternalProject,
  EXTERNAL_BUILDER,
  EXTERNAL_PROJECT_FIXTURE,
  removeTemporaryFolders,
  REPOSITORY_ROOT,
  runCommand,
  temporaryFolder,
} from '../support/external-project.js';
import { runStepscore } from './cli-runner.js';

afterAll(removeTemporaryFolders);

describe('pnpm stepscore score --config <file> with the builders outside the repository', () => {
  let project: string;
  beforeAll(() => {
    project = copyExternalProject(temporaryFolder('stepscore-external-'));
    // What `npm install stepscore` gives the project, here the workspace package itself.
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(join(REPOSITORY_ROOT, 'packages', 'stepscore'), join(project, 'node_modules', 'stepscore'), 'dir');
  });

  it('scores the builders the config names, and only those', async () => {
    const out = join(project, 'out');
    const run = await runCommand('pnpm', ['-s', 'stepscore', 'score', '--config', join(project, 'stepscore.config.ts'), '--out', out, '--json'], {
      cwd: REPOSITORY_ROOT,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { run: { builders: string[] } };
    expect(summary.run.builders).toEqual([EXTERNAL_BUILDER]);
    const builder = JSON.parse(readFileSync(join(out, 'builders', `${EXTERNAL_BUILDER}.json`), 'utf8')) as { checks: { status: string; message?: string }[] };
    expect(builder.checks.length).toBeGreaterThan(20);
    expect(builder.checks.filter((c) => c.status === 'error')).toEqual([]);
  }, 120_000);

  it('list and render take the same config', async () => {
    const config = join(project, 'stepscore.config.ts');
    const list = await runStepscore(['list', '--json', '--config', config]);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { builder: string }[]).map((b) => b.builder)).toEqual([EXTERNAL_BUILDER]);
    const render = await runStepscore(['render', EXTERNAL_BUILDER, '--json', '--stepscore-config', config]);
    expect(render.code, render.stderr).toBe(0);
    expect(JSON.parse(render.stdout)).toMatchObject({ Name: EXTERNAL_BUILDER, Type: 'Training' });
  });
});

describe('a stepscore config that cannot be used', () => {
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('stepscore-bad-config-');
  });

  function configFile(name: string, text: string): string {
    const file = join(folder, name);
    writeFileSync(file, text);
    return file;
  }

  const fixtureBuilders = JSON.stringify(join(EXTERNAL_PROJECT_FIXTURE, 'builders', 'index.ts'));

  it.each([
    ['no builders field', 'export default { levels: [1] };', /builders: is required/],
    ['a misspelt field', `export default { builders: ${fixtureBuilders}, levles: [1] };`, /unknown field levles/],
    ['a threshold out of range', `export default { builders: ${fixtureBuilders}, thresholds: { minScore: 200 } };`, /thresholds\.minScore: /],
    [
      'an unknown rating',
      `export default { builders: ${fixtureBuilders}, thresholds: { minRating: 'Great' } };`,
      /thresholds\.minRating: must be one of "Excellent"/,
    ],
    ['a level that does not exist', `export default { builders: ${fixtureBuilders}, levels: [5] };`, /levels\[0\]: must be 1, 2, 3 or 4/],
    ['an unknown backend', `export default { builders: ${fixtureBuilders}, backend: 'aws' };`, /backend: must be "mock" or "moto"/],
    ['a builders module that does not exist', "export default { builders: './nowhere.ts' };", /builders names \.\/nowhere\.ts, which does not exist/],
    ['no default export', 'export const builders = "./x.ts";', /must export its config as the default export/],
  ])('%s: exit 2, naming the file and the field', async (_case, text, message) => {
    const file = configFile(`stepscore.config.${Math.random().toString(36).slice(2)}.mjs`, text);
    for (const argv of [
      ['score', '--config', file],
      ['list', '--config', file],
      ['baseline', 'update', '--config', file, '--baseline', join(folder, 'b.json')],
    ]) {
      const run = await runStepscore(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toMatch(message);
    }
  });

  it('a builders module that exports no builders: exit 2 saying what it should export', async () => {
    const builders = configFile('not-builders.mjs', 'export const answer = 42;');
    const run = await runStepscore([
      'list',
      '--config',
      configFile('stepscore.config.exports.mjs', `export default { builders: ${JSON.stringify(builders)} };`),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/builders: .*not-builders\.mjs exports no builders: export a BuilderRegistry .* \(exports: answer\)/);
  });

  it('a config file that is not there: exit 2 with the path looked at', async () => {
    const run = await runStepscore(['score', '--config', join(folder, 'missing.config.ts')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Config file not found: ${join(folder, 'missing.config.ts')}`);
  });

  it("the config's levels apply when the command line names none", async () => {
    const file = configFile('stepscore.config.levels.mjs', `export default { builders: ${fixtureBuilders}, levels: [1, 2] };`);
    const out = join(folder, 'levels-out');
    const run = await runStepscore(['score', '--config', file, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { run: { levels: number[] } };
    expect(summary.run.levels).toEqual([1, 2]);
  }, 120_000);
});
