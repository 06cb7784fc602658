import {
  type ImageFramework,
  type ImageScope,
  knownImageVersions,
  knownTrainingVersions,
  retrieveImageUri,
  retrieveTrainingImageUri,
  type TrainingFramework,
} from '@stepscore/sagemaker';
import type { CheckContext } from '../../context/check-context.js';
import { type CheckOutcome, defineCheck, fail, outcomeFromProblems, pass } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { fieldAccepts, schemaAccepts, withField } from '../../scenarios/config-fields.js';

/** The image scope a step type's container comes from (a processing job runs the framework's processing image). */
const IMAGE_SCOPES: Readonly<Partial<Record<string, ImageScope>>> = { Processing: 'processing', CreateModel: 'inference' };
const SCOPES: readonly ImageScope[] = ['training', 'inference', 'processing'];

/** The setting that chooses the framework version: `framework_version`, or one named `<prefix>_framework_version`. */
function versionFieldOf(config: Readonly<Record<string, unknown>>): string | undefined {
  return Object.keys(config).find((key) => /(^|_)framework_version$/.test(key) && typeof config[key] === 'string');
}

/** The config as given when the schema refuses it: an unknown version is this check's own evidence. */
function configAsGiven(ctx: CheckContext): Record<string, unknown> {
  try {
    return ctx.config() as unknown as Record<string, unknown>;
  } catch {
    return ctx.rawConfig as Record<string, unknown>;
  }
}

function knownIn(framework: string, scope: ImageScope): string[] {
  try {
    return knownImageVersions(framework as ImageFramework, scope).map((v) => v.version);
  } catch {
    return [];
  }
}

/**
 * A Processing or CreateModel image comes from the framework's table of that scope: the configured version must be
 * one the SDK knows there, and every version the schema lets through (any version the SDK knows for the framework,
 * in any scope) must have an image on each instance type the scenarios chose — a version list that lost a filter
 * (a CPU-only version on a GPU instance) or gained a version of another scope is refused by SageMaker, not the schema.
 */
async function judgeImageVersions(ctx: CheckContext, scope: ImageScope): Promise<CheckOutcome> {
  const framework = ctx.registration.framework;
  const config = configAsGiven(ctx);
  const field = versionFieldOf(config);
  if (field === undefined) return pass(`${ctx.registration.stepName}'s config chooses no framework version`);
  const known = knownIn(framework, scope);
  if (known.length === 0) return fail(`${ctx.registration.stepName} declares framework '${framework}', which has no known ${scope} images`);
  const version = config[field] as string;
  const pyVersion = typeof config['py_version'] === 'string' ? config['py_version'] : undefined;
  const region = ctx.awsRegion();
  const imageProblem = (candidate: string, instanceType: string | undefined, py: string | undefined): string | undefined => {
    try {
      retrieveImageUri({ framework: framework as ImageFramework, scope, version: candidate, pyVersion: py, instanceType, region });
      return undefined;
    } catch (error) {
      return errorMessage(error);
    }
  };
  if (!known.includes(version) && imageProblem(version, undefined, pyVersion) !== undefined) {
    return fail(`${field} '${version}' is not a known ${framework} ${scope} image version; known versions: ${known.join(', ')}`, {
      framework,
      scope,
      version,
      known,
    });
  }
  const instanceTypes = [
    ...new Set(
      (await ctx.createdScenarios()).flatMap((s) =>
        Object.entries(s.config as unknown as Record<string, unknown>)
          .filter(([key, value]) => /instance_type$/.test(key) && typeof value === 'string')
          .map(([, value]) => value as string),
      ),
    ),
  ];
  const candidates = [...new Set([version, ...SCOPES.flatMap((s) => knownIn(framework, s))])];
  const problems: string[] = [];
  const schema = ctx.registration.configSchema;
  const raw = ctx.rawConfig as Readonly<Record<string, unknown>>;
  for (const candidate of candidates) {
    // The field's own rule first (cheap, and the same for every config of one schema); the whole config (a rule
    // across fields, such as the Python version) only for a version that would have no image.
    if (candidate !== version && !fieldAccepts(schema, raw, field, candidate)) continue;
    const missing = (instanceTypes.length > 0 ? instanceTypes : [undefined]).flatMap((instanceType) => {
      const why = imageProblem(candidate, instanceType, pyVersion);
      return why === undefined ? [] : [{ instanceType, why }];
    });
    if (missing.length === 0 || (candidate !== version && !schemaAccepts(schema, withField(raw, field, candidate)))) continue;
    for (const { instanceType, why } of missing) {
      problems.push(
        `the schema accepts ${field} '${candidate}'${instanceType ? ` with ${instanceType}` : ''}, which has no ${framework} ${scope} image: ${why}`,
      );
    }
  }
  return outcomeFromProblems(
    problems,
    `${framework} ${version} and every version the schema accepts have a ${scope} image on ${instanceTypes.join(', ') || 'the default instance'}`,
    problems.length > 1 ? { problems } : undefined,
  );
}

export const frameworkVersionKnown = defineCheck({
  id: 'level2.framework_version_known',
  level: 2,
  severity: 'blocker',
  appliesTo: ['Training', 'Processing', 'CreateModel'],
  title: 'The framework and Python versions are known for the framework image',
  run(ctx) {
    const scope = IMAGE_SCOPES[ctx.registration.stepType];
    if (scope !== undefined) return judgeImageVersions(ctx, scope);
    const framework = ctx.registration.framework as TrainingFramework;
    // Judged on the config as given when the schema refuses it: an unknown version is this check's own evidence.
    const config = configAsGiven(ctx) as { framework_version?: string; py_version?: string; training_instance_type?: string };
    const version = config.framework_version;
    const pyVersion = config.py_version;
    let known: ReturnType<typeof knownTrainingVersions>;
    try {
      known = knownTrainingVersions(framework);
    } catch (error) {
      return fail(`${ctx.registration.stepName} declares framework '${framework}', which has no known training images: ${errorMessage(error)}`);
    }
    const knownList = known.map((k) => k.version).join(', ');
    const entry = known.find((k) => k.version === version);
    if (!entry) {
      // A short alias ('2.0' for '2.0.0') is known when the image catalogue resolves it.
      try {
        retrieveTrainingImageUri({ framework, version: String(version), pyVersion, instanceType: config.training_instance_type, region: ctx.awsRegion() });
        return pass(`${framework} ${version} (an alias) with ${pyVersion} resolves to a training image`);
      } catch {
        return fail(`framework_version '${String(version)}' is not a known ${framework} training image version; known versions: ${knownList}`, {
          framework,
          version,
          known,
        });
      }
    }
    if (pyVersion !== undefined && !entry.pyVersions.includes(pyVersion)) {
      return fail(`py_version '${pyVersion}' is not known for ${framework} ${version}; known Python versions: ${entry.pyVersions.join(', ')}`, {
        framework,
        version,
        pyVersion,
        knownPyVersions: entry.pyVersions,
      });
    }
    return pass(`${framework} ${version} with ${pyVersion ?? 'its only Python version'} is a known training image`);
  },
});
