import { resolvePropertyPath, serviceInstanceTypes, STEP_TYPES, type StepTypeName } from '@stepscore/sagemaker';
import { type AnyBuilderRegistration, parseBuilderConfig, StepBuilderBase } from '@stepscore/step-builder';
import { StepSpecification, validateScriptContract } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { TRANSFORM_INSTANCE_TYPES } from './batch-transform/config.js';
import { batchTransform } from './batch-transform/index.js';
import { PYTORCH_INFERENCE_INSTANCE_TYPES } from './pytorch-model/config.js';
import { SKLEARN_PROCESSING_INSTANCE_TYPES } from './tabular-preprocessing/config.js';
import { XGBOOST_INFERENCE_INSTANCE_TYPES } from './xgboost-model/config.js';
import { XGBOOST_PROCESSING_INSTANCE_TYPES } from './xgboost-model-eval/config.js';
import { pytorchModel } from './pytorch-model/index.js';
import { tabularPreprocessing } from './tabular-preprocessing/index.js';
import { xgboostModel } from './xgboost-model/index.js';
import { xgboostModelEval } from './xgboost-model-eval/index.js';

// The Processing, CreateModel and Transform builders, checked against the step-type vocabulary before the registry
// lists them: each emits the pipeline Type of its step type, its outputs exist on that type's response shape, and it
// has a contract exactly when its step type runs a script.
const REGISTRATIONS: readonly AnyBuilderRegistration[] = [tabularPreprocessing, xgboostModelEval, pytorchModel, xgboostModel, batchTransform];

/** A value for every required dependency: an S3 URI, or a model name for String dependencies. */
function mockInputs(registration: AnyBuilderRegistration): Record<string, string> {
  const spec = StepSpecification.create({ ...registration.spec, scriptContract: registration.contract });
  return Object.fromEntries(
    spec
      .listRequiredDependencies()
      .map((d) => [d.logicalName, d.dataType === 'String' ? 'stepscore-model' : `s3://stepscore-example-bucket/in/${d.logicalName}`]),
  );
}

describe.each(REGISTRATIONS.map((r) => [r.stepName, r] as const))('%s', (stepName, registration) => {
  const vocabulary = STEP_TYPES[registration.stepType as StepTypeName];

  it('is registered under a step type of the vocabulary, by its class name', () => {
    expect(vocabulary).toBeDefined();
    expect(registration.builderClass.name).toBe(`${stepName}StepBuilder`);
    expect(registration.builderClass.prototype).toBeInstanceOf(StepBuilderBase);
  });

  it('has a legal contract exactly when its step type runs a script', () => {
    if (vocabulary.containerPaths === null) {
      expect(registration.contract).toBeUndefined();
    } else {
      expect(registration.contract).toBeDefined();
      expect(validateScriptContract(registration.contract!, vocabulary.stepType).errors).toEqual([]);
    }
    expect(registration.spec.scriptContract).toBe(registration.contract);
  });

  it("points every output at a real member of the step type's response shape", () => {
    for (const output of registration.spec.outputs) {
      expect(resolvePropertyPath(output.propertyPath, vocabulary.responseShape), output.logicalName).toMatchObject({ ok: true });
    }
  });

  it("builds from its default config a step of the step type's pipeline Type, without the job-name member", async () => {
    const builder = new registration.builderClass(parseBuilderConfig(registration, registration.defaultConfig));
    const step = await builder.createStep({ inputs: mockInputs(registration) });
    expect(step.Type).toBe(vocabulary.pipelineType);
    expect(step.Arguments).not.toHaveProperty(vocabulary.jobNameMember);
    expect(step.Name.length).toBeLessThanOrEqual(64);
    expect(step.Name.startsWith(stepName)).toBe(true);
  });
});

describe('instance-type allow-lists hold only types SageMaker accepts for the job kind', () => {
  it.each([
    ['scikit-learn processing', SKLEARN_PROCESSING_INSTANCE_TYPES, 'processing'],
    ['XGBoost processing', XGBOOST_PROCESSING_INSTANCE_TYPES, 'processing'],
    ['PyTorch inference', PYTORCH_INFERENCE_INSTANCE_TYPES, 'inference'],
    ['XGBoost inference', XGBOOST_INFERENCE_INSTANCE_TYPES, 'inference'],
    ['transform', TRANSFORM_INSTANCE_TYPES, 'transform'],
  ] as const)('%s', (_label, allowed, use) => {
    const known = new Set(serviceInstanceTypes(use));
    expect(allowed.filter((t) => !known.has(t))).toEqual([]);
  });
});
