import { createHash } from 'node:crypto';
import type { PipelineValue, TrainingChannel } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.generated_files_uploaded';

/** XGBoost as registered, except for where and how it writes its hyperparameters file. */
function xgboostWriting(write: (builder: XGBoostTrainingStepBuilder) => Promise<string>) {
  return {
    XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
      override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
        if (inputs['hyperparameters_s3_uri'] !== undefined) return super.getInputs(inputs);
        return super.getInputs({ ...inputs, hyperparameters_s3_uri: await write(this) });
      }
    },
  }.XGBoostTrainingStepBuilder;
}

/** A location below the pipeline's prefix that carries the step's name, as a correct builder's does. */
const perStepUri = (b: XGBoostTrainingStepBuilder) => `${b.config.pipeline_s3_loc}/${b.getStepName()}/hyperparameters.json`;

describe(ID, () => {
  // XGBoostTraining writes hyperparameters.json to <pipeline prefix>/training_config/, the same for every step
  // of the pipeline: this fails for it until its builder puts the step's name in that location.
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (blocker) when the file holds a setting given as a pipeline parameter: the script would read the expression', async () => {
    // The author tells the script its instance type through the file, as the script cannot see the step's resources.
    const InstanceTypeInFile = xgboostWriting(async (b) => {
      const uri = perStepUri(b);
      await b.artifactStore.put(uri, JSON.stringify({ ...b.hyperparametersFileContent(), instance_type: b.config.training_instance_type }), 'application/json');
      return uri;
    });
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), InstanceTypeInFile), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain('[parameters]');
    expect(result.message).toContain(
      'holds the pipeline expression {"Get":"Parameters.TrainingInstanceType"} at instance_type: the file is written when the pipeline is defined, so the script reads the expression itself, never its value',
    );
    expect(result.message).not.toContain('[default]');
  });

  it('passes on a builder that writes its file, awaited, to a location of its own step', async () => {
    const Correct = xgboostWriting(async (b) => {
      const uri = perStepUri(b);
      await b.artifactStore.put(uri, JSON.stringify(b.hyperparametersFileContent()), 'application/json');
      return uri;
    });
    expect((await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Correct), ID)).status).toBe('pass');
  });

  it('passes on a builder that writes to a key named by the content digest (steps sharing it write the same bytes)', async () => {
    const ContentAddressed = xgboostWriting(async (b) => {
      const body = JSON.stringify(b.hyperparametersFileContent());
      const uri = `${b.config.pipeline_s3_loc}/config/${createHash('sha256').update(body).digest('hex')}/hyperparameters.json`;
      await b.artifactStore.put(uri, body, 'application/json');
      return uri;
    });
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), ContentAddressed), ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (blocker) when the key looks content-addressed but is a digest of something else', async () => {
    const StaleDigest = xgboostWriting(async (b) => {
      const uri = `${b.config.pipeline_s3_loc}/config/${createHash('sha256').update('hyperparameters').digest('hex')}/hyperparameters.json`;
      await b.artifactStore.put(uri, JSON.stringify(b.hyperparametersFileContent()), 'application/json');
      return uri;
    });
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), StaleDigest), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^\[default\] s3:\/\/\S+\/hyperparameters\.json, generated for input 'config', does not depend on the step's name/);
  });

  it('fails (blocker) when the upload is not awaited', async () => {
    const Unawaited = xgboostWriting(async (b) => {
      const uri = perStepUri(b);
      // Not awaited. (The catch only keeps the write, which lands after the run has closed its mocked S3, from
      // surfacing as an unhandled rejection; the builder's mistake is the missing await.)
      b.artifactStore.put(uri, JSON.stringify(b.hyperparametersFileContent()), 'application/json').catch(() => undefined);
      return uri;
    });
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Unawaited), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^\[default\] input 'config' reads s3:\/\/\S+\/XGBoostTraining\/hyperparameters\.json, which is neither a dependency nor a configured location, and nothing had been uploaded there when the step was returned/,
    );
  });

  it('fails (blocker) when hyperparameters.json goes to a location every step of the pipeline shares', async () => {
    const Shared = xgboostWriting(async (b) => {
      const uri = `${b.config.pipeline_s3_loc}/hyperparameters.json`;
      await b.artifactStore.put(uri, JSON.stringify(b.hyperparametersFileContent()), 'application/json');
      return uri;
    });
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Shared), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^\[default\] s3:\/\/\S+\/hyperparameters\.json, generated for input 'config', does not depend on the step's name/);
  });

  it('fails (blocker) when the file written is not JSON', async () => {
    const PythonRepr = xgboostWriting(async (b) => {
      const uri = perStepUri(b);
      const text = Object.entries(b.hyperparametersFileContent())
        .map(([k, v]) => `'${k}': ${String(v)}`)
        .join(', ');
      await b.artifactStore.put(uri, `{${text}}`, 'application/json');
      return uri;
    });
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), PythonRepr), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^\[default\] s3:\/\/\S+\/hyperparameters\.json, uploaded for input 'config', is not valid JSON/);
  });
});
