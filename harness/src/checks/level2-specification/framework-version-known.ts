import { knownTrainingVersions, retrieveTrainingImageUri, type TrainingFramework } from '@stepscore/sagemaker';
import { defineCheck, fail, pass } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';

export const frameworkVersionKnown = defineCheck({
  id: 'level2.framework_version_known',
  level: 2,
  severity: 'blocker',
  appliesTo: ['Training'],
  title: 'The framework and Python versions are known for the framework image',
  run(ctx) {
    const framework = ctx.registration.framework as TrainingFramework;
    // Judged on the config as given when the schema refuses it: an unknown version is this check's own evidence.
    let parsed: unknown;
    try {
      parsed = ctx.config();
    } catch {
      parsed = ctx.rawConfig;
    }
    const config = parsed as { framework_version?: string; py_version?: string; training_instance_type?: string };
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
