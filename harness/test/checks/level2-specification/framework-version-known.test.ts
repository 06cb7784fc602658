import { knownImageVersions } from '@stepscore/sagemaker';
import { oneOfField } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { xgboostModelEvalConfigSchema } from '../../../../builders/xgboost-model-eval/config.js';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withConfigSchema, withDefaultConfig } from '../../support/broken-builders.js';

const ID = 'level2.framework_version_known';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('passes on a version alias the image catalogue resolves', async () => {
    const alias = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      config['framework_version'] = '2.0';
    });
    expect((await runChecks(alias, [ID]))[ID]?.status).toBe('pass');
  });

  it('fails on an unknown framework version, naming the known ones', async () => {
    const unknown = withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
      config['framework_version'] = '0.90-2';
    });
    const result = (await runChecks(unknown, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("framework_version '0.90-2' is not a known xgboost training image version; known versions: 1.0-1, 1.2-1, 1.5-1, 1.7-1, 3.0-5");
  });

  it('fails on a Python version the framework version has no image for', async () => {
    const wrongPython = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      config['py_version'] = 'py38';
    });
    const result = (await runChecks(wrongPython, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("py_version 'py38' is not known for pytorch 2.1.0; known Python versions: py310");
  });

  it('judges the Processing and CreateModel builders too', () => {
    expect(buildersJudgedBy(ID).map((r) => r.stepName)).toEqual(
      expect.arrayContaining(['TabularPreprocessing', 'XGBoostModelEval', 'PyTorchModel', 'XGBoostModel']),
    );
  });

  it('fails (blocker) on a model whose configured version has no inference image', async () => {
    const unknown = withDefaultConfig(realBuilder('PyTorchModel'), (config) => {
      config['framework_version'] = '1.4.0';
    });
    const result = await runCheck(unknown, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^framework_version '1\.4\.0' is not a known pytorch inference image version; known versions: /);
  });

  it('fails (blocker) when a processing schema offers a version whose image does not serve every instance type it accepts', async () => {
    // The version list lost its filter: XGBoost 1.0-1 has a CPU image only, and the schema also accepts GPU instances.
    const everyVersion = withConfigSchema(
      realBuilder('XGBoostModelEval'),
      xgboostModelEvalConfigSchema.safeExtend({
        processing_framework_version: oneOfField(
          'XGBoost framework version',
          knownImageVersions('xgboost', 'processing').map((v) => v.version),
        ).default('1.7-1'),
      }),
    );
    const result = await runCheck(everyVersion, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain("the schema accepts processing_framework_version '1.0-1' with ml.g4dn.xlarge, which has no xgboost processing image");
  });
});
