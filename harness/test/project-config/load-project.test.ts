import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStepscore } from '../cli/cli-runner.js';
import { thresholdsFrom } from '../../src/cli/thresholds.js';
import { findConfigFile, loadProject } from '../../src/project-config/load-project.js';
import { ProjectConfigError } from '../../src/project-config/config-error.js';
import { registryFromModule } from '../../src/project-config/registry-from-module.js';
import { EXTERNAL_BUILDER, EXTERNAL_PROJECT_FIXTURE, removeTemporaryFolders, REPOSITORY_ROOT, temporaryFolder } from '../support/external-project.js';
import { builderRegistry } from '../support/repository-project.js';

const fixtureBuilders = join(EXTERNAL_PROJECT_FIXTURE, 'builders', 'index.ts');

afterAll(removeTemporaryFolders);

describe('finding the config', () => {
  it('takes the nearest stepscore.config.* from the working directory upward', () => {
    const root = temporaryFolder('stepscore-find-');
    const nested = join(root, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(root, 'stepscore.config.mjs'), 'export default {};');
    expect(findConfigFile(nested)).toBe(join(root, 'stepscore.config.mjs'));
    writeFileSync(join(root, 'a', 'stepscore.config.ts'), 'export default {};');
    expect(findConfigFile(nested)).toBe(join(root, 'a', 'stepscore.config.ts'));
  });

  it("this repository's own config names builders/registry.ts", async () => {
    const project = await loadProject({ cwd: join(REPOSITORY_ROOT, 'harness', 'src') });
    expect(project.configFile).toBe(join(REPOSITORY_ROOT, 'stepscore.config.ts'));
    expect(project.modules.registryModule).toBe(join(REPOSITORY_ROOT, 'builders', 'registry.ts'));
    expect(project.registry.names().length).toBeGreaterThan(0);
  });

  it('says where it looked and what to write when there is none', async () => {
    const empty = temporaryFolder('stepscore-none-');
    const failure = await loadProject({ cwd: empty }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProjectConfigError);
    expect((failure as Error).message).toMatch(
      new RegExp(`No stepscore config found in ${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} or any folder above it .*defineConfig\\(\\{ builders:`),
    );
  });
});

describe('what a builders module may export', () => {
  const registrations = builderRegistry.all();

  it('a BuilderRegistry, an array of registrations, as the default or the one named export', () => {
    expect(registryFromModule({ default: builderRegistry }, 'm').names()).toEqual(builderRegistry.names());
    expect(registryFromModule({ default: registrations }, 'm').names()).toEqual(builderRegistry.names());
    expect(registryFromModule({ builderRegistry }, 'm').names()).toEqual(builderRegistry.names());
    expect(registryFromModule({ mine: registrations, VERSION: '1' }, 'm').names()).toEqual(builderRegistry.names());
    expect(registryFromModule({ a: registrations, b: builderRegistry }, 'm', 'b').names()).toEqual(builderRegistry.names());
  });

  it('refuses anything else, saying what it found', () => {
    expect(() => registryFromModule({ answer: 42 }, 'm.ts')).toThrow(/m\.ts exports no builders: .* \(exports: answer\)/);
    expect(() => registryFromModule({ a: registrations, b: builderRegistry }, 'm.ts')).toThrow(
      /exports several sets of builders \(a, b\): name the one to use with buildersExport/,
    );
    expect(() => registryFromModule({ a: registrations }, 'm.ts', 'b')).toThrow(/m\.ts has no export 'b' \(exports: a\)/);
    expect(() => registryFromModule({ b: [{ stepName: 'X' }] }, 'm.ts', 'b')).toThrow(/m\.ts's export 'b' is not a BuilderRegistry/);
  });
});

describe("the config's settings", () => {
  let folder: string;
  beforeAll(() => {
    folder = temporaryFolder('stepscore-settings-');
  });

  it('thresholds: the command line wins, the config fills in', () => {
    expect(thresholdsFrom({}, { builders: 'x', thresholds: { minScore: 80, minRating: 'Good' } })).toEqual({ minScore: 80, minRating: 'Good' });
    expect(thresholdsFrom({ minScore: '90' }, { builders: 'x', thresholds: { minScore: 80, minRating: 'Good' } })).toEqual({ minScore: 90, minRating: 'Good' });
    expect(thresholdsFrom({}, { builders: 'x' })).toEqual({});
  });

  it("the config's thresholds make `score` exit 1 when a builder is below them", async () => {
    const file = join(folder, 'stepscore.config.bar.mjs');
    const teamCheck = join(folder, 'always-fails.mjs');
    writeFileSync(
      teamCheck,
      "export default [{ id: 'level1.team_never', level: 1, severity: 'major', title: 'fails', appliesTo: 'all', run: () => ({ status: 'fail', message: 'never good enough' }) }];",
    );
    writeFileSync(
      file,
      `export default { builders: ${JSON.stringify(fixtureBuilders)}, levels: [1], thresholds: { minScore: 100 }, checks: [${JSON.stringify(teamCheck)}] };`,
    );
    const run = await runStepscore(['score', '--config', file, '--out', join(folder, 'bar-out')]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr + run.stdout).toMatch(new RegExp(`${EXTERNAL_BUILDER} scored .*, below --min-score 100`));
  }, 120_000);

  it("a team's own checks run in the workers beside the built-in ones and count in the score", async () => {
    const checks = join(folder, 'team-checks.mjs');
    writeFileSync(
      checks,
      `export const checks = [{
        id: 'level1.team_description_present', level: 1, severity: 'minor', title: 'The registration has a description', appliesTo: 'all',
        run: (context) => context.registration.description.length > 10 ? { status: 'pass', details: 'described' } : { status: 'fail', message: 'describe the builder' },
      }];`,
    );
    const file = join(folder, 'stepscore.config.checks.mjs');
    writeFileSync(file, `export default { builders: ${JSON.stringify(fixtureBuilders)}, levels: [1], checks: ['./team-checks.mjs'] };`);
    const out = join(folder, 'checks-out');
    const run = await runStepscore(['score', '--config', file, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(readFileSync(join(out, 'builders', `${EXTERNAL_BUILDER}.json`), 'utf8')) as {
      checks: { id: string; status: string; message?: string }[];
    };
    expect(document.checks.find((c) => c.id === 'level1.team_description_present')).toMatchObject({ status: 'pass', message: 'described' });
    expect(document.checks.length).toBeGreaterThan(5);
  }, 120_000);

  it("a team's check may not take a built-in check's id", async () => {
    const checks = join(folder, 'taken.mjs');
    writeFileSync(
      checks,
      "export default [{ id: 'level1.inheritance', level: 1, severity: 'minor', title: 't', appliesTo: 'all', run: () => ({ status: 'pass' }) }];",
    );
    const file = join(folder, 'stepscore.config.taken.mjs');
    writeFileSync(file, `export default { builders: ${JSON.stringify(fixtureBuilders)}, checks: [${JSON.stringify(checks)}] };`);
    const run = await runStepscore(['list', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Config file ${file}: checks: the check id 'level1.inheritance' is taken`);
  });

  it('upstream modules must export producers and consumers', async () => {
    const upstream = join(folder, 'upstream.mjs');
    writeFileSync(upstream, 'export default { producers: 3 };');
    const file = join(folder, 'stepscore.config.upstream.mjs');
    writeFileSync(file, `export default { builders: ${JSON.stringify(fixtureBuilders)}, upstream: ['./upstream.mjs'] };`);
    const run = await runStepscore(['list', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/upstream\[0\]: .*upstream\.mjs must export \{ producers\?: \[\.\.\.\], consumers\?: \[\.\.\.\] \}/);
  });
});
