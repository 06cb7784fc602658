// The Processing and Transform checks of Level 3, on every registered builder of their step type and on the
// mistakes their authors make: an output renamed in the request but not in the spec, a fixed model name.
import { describe, expect, it } from 'vitest';
import { builderRegistry, runChecks, withStepEdit } from '../../support/broken-builders.js';

const ofType = (stepType: string) => builderRegistry.all().filter((r) => r.stepType === stepType);

describe('level3.processing_output_names', () => {
  const ID = 'level3.processing_output_names';

  it.each(ofType('Processing').map((r) => r.stepName))('passes on %s', async (name) => {
    expect((await runChecks(builderRegistry.get(name), [ID]))[ID]?.status).toBe('pass');
  });

  it.each(ofType('Processing').map((r) => r.stepName))('fails, as a blocker, when %s renames an output in the request but not in its spec', async (name) => {
    const broken = withStepEdit(builderRegistry.get(name), (args) => {
      const outputs = (args['ProcessingOutputConfig'] as { Outputs: { OutputName: string }[] }).Outputs;
      outputs[0]!.OutputName = `${outputs[0]!.OutputName}_v2`;
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.severity).toBe('blocker');
    expect(result?.message).toMatch(/^\[default\] output '.+' is read at Outputs\['.+'\], but the request's outputs are named .*_v2/);
  });
});

describe('level3.transform_model_name', () => {
  const ID = 'level3.transform_model_name';

  it.each(ofType('Transform').map((r) => r.stepName))('passes on %s', async (name) => {
    expect((await runChecks(builderRegistry.get(name), [ID]))[ID]?.status).toBe('pass');
  });

  it.each(ofType('Transform').map((r) => r.stepName))('fails, as a blocker, when %s runs a fixed model name instead of its upstream model', async (name) => {
    const broken = withStepEdit(builderRegistry.get(name), (args) => {
      args['ModelName'] = 'production-model';
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.severity).toBe('blocker');
    expect(result?.message).toContain(`[default] ModelName is "production-model", which is none of the dependencies given`);
  });
});
