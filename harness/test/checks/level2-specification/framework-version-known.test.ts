import { describe, expect, it } from 'vitest';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withDefaultConfig } from '../../support/broken-builders.js';

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
});
