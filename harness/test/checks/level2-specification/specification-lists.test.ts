import type { StepBuilderOptions } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import {
  type TabularPreprocessingConfig,
  TabularPreprocessingStepBuilder,
  tabularPreprocessingSpecFor,
} from '../../../../builders/tabular-preprocessing/index.js';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.specification_lists';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (minor) for a blank semantic keyword left from an edit (it would match every output name, so it is dropped)', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.dependencies = spec.dependencies.map((d, i) => (i === 0 ? { ...d, semanticKeywords: [...(d.semanticKeywords ?? []), ' '] } : d));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.severity).toBe('minor');
    expect(result?.message).toMatch(/^XGBoostTraining: dependency '\w+' lists a blank semantic keyword \(" "\)$/);
  });

  it('fails for a blank compatible source and an alias repeated in another case', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
      spec.dependencies = spec.dependencies.map((d) => ({ ...d, compatibleSources: ['', ...(d.compatibleSources ?? [])] }));
      spec.outputs = spec.outputs.map((o, i) => (i === 0 ? { ...o, aliases: ['trained_model', 'Trained_Model'] } : o));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(`lists a blank compatible source ("")`);
    expect(result?.message).toContain("lists the alias 'Trained_Model' twice");
  });

  it("fails when only another job type's spec, chosen from the config, repeats a keyword", async () => {
    // The calibration table was extended by copy and paste: 'eval' twice. The registered (training) spec is clean.
    const CalibrationTypo = {
      TabularPreprocessingStepBuilder: class extends TabularPreprocessingStepBuilder {
        constructor(config: TabularPreprocessingConfig, options: StepBuilderOptions = {}) {
          const spec = tabularPreprocessingSpecFor(config.job_type);
          const keywords = config.job_type === 'calibration' ? [...(spec.dependencies[0]?.semanticKeywords ?? []), 'eval'] : undefined;
          super(
            config,
            keywords ? { ...options, spec: { ...spec, dependencies: spec.dependencies.map((d) => ({ ...d, semanticKeywords: keywords })) } } : options,
          );
        }
      },
    }.TabularPreprocessingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('TabularPreprocessing'), CalibrationTypo), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe("TabularPreprocessing: dependency 'DATA' lists the semantic keyword 'eval' twice");
  });
});
