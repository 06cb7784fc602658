import { STEP_TYPES, trainingInstanceTypes, type StepTypeName } from '@stepscore/sagemaker';
import { PYTORCH_TRAINING_INSTANCE_TYPES } from './pytorch-training/config.js';
import { XGBOOST_TRAINING_INSTANCE_TYPES } from './xgboost-training/config.js';
import { parseBuilderConfig, STEP_BUILDER_BASES, StepBuilderBase } from '@stepscore/step-builder';
import { StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import {
  pytorchTrainingConfigSchema,
  pytorchTrainingContract,
  pytorchTrainingDefaultConfig,
  pytorchTrainingSpec,
  PyTorchTrainingStepBuilder,
} from './pytorch-training/index.js';
import { builderRegistry } from './registry.js';
import {
  xgboostTrainingConfigSchema,
  xgboostTrainingContract,
  xgboostTrainingDefaultConfig,
  xgboostTrainingSpec,
  XGBoostTrainingStepBuilder,
} from './xgboost-training/index.js';

describe('builderRegistry', () => {
  it('registers the PyTorch and XGBoost training builders under their step names (among any others)', () => {
    expect(builderRegistry.names()).toEqual(expect.arrayContaining(['PyTorchTraining', 'XGBoostTraining']));
  });

  it.each([
    [
      'PyTorchTraining',
      PyTorchTrainingStepBuilder,
      pytorchTrainingConfigSchema,
      pytorchTrainingSpec,
      pytorchTrainingContract,
      pytorchTrainingDefaultConfig,
      'pytorch',
    ],
    [
      'XGBoostTraining',
      XGBoostTrainingStepBuilder,
      xgboostTrainingConfigSchema,
      xgboostTrainingSpec,
      xgboostTrainingContract,
      xgboostTrainingDefaultConfig,
      'xgboost',
    ],
  ] as const)(
    'maps %s to its class, step type, schema, spec, contract and default config',
    (name, builderClass, schema, spec, contract, defaultConfig, framework) => {
      const registration = builderRegistry.get(name);
      expect(registration.stepName).toBe(name);
      expect(registration.stepType).toBe('Training');
      expect(registration.framework).toBe(framework);
      expect(registration.builderClass).toBe(builderClass);
      expect(registration.configSchema).toBe(schema);
      expect(registration.spec).toBe(spec);
      expect(registration.contract).toBe(contract);
      expect(registration.spec.scriptContract).toBe(contract);
      expect(registration.defaultConfig).toBe(defaultConfig);
    },
  );

  describe.each(builderRegistry.names())('%s', (name) => {
    const registration = builderRegistry.get(name);

    it("names its class <step name>StepBuilder and extends its step type's builder base", () => {
      expect(registration.builderClass.name).toBe(`${name}StepBuilder`);
      expect(registration.builderClass.prototype).toBeInstanceOf(STEP_BUILDER_BASES[registration.stepType as StepTypeName]);
      expect(registration.builderClass.prototype).toBeInstanceOf(StepBuilderBase);
    });

    it('has a spec whose step type is its step name', () => {
      expect(StepSpecification.create(registration.spec).stepType).toBe(name);
    });

    it('has a default config its schema accepts', () => {
      expect(() => parseBuilderConfig(registration, registration.defaultConfig)).not.toThrow();
    });

    it('builds from its default config and creates a step named after it, of its pipeline type', async () => {
      const builder = new registration.builderClass(parseBuilderConfig(registration, registration.defaultConfig));
      expect(builder.getStepName().startsWith(name)).toBe(true);
      const inputs = Object.fromEntries(
        builder.spec
          .listRequiredDependencies()
          .map((d) => [d.logicalName, d.dataType === 'String' ? `${d.logicalName}-name` : `s3://test-bucket/${d.logicalName}/model.tar.gz`]),
      );
      const step = await builder.createStep({ inputs });
      expect(step).toMatchObject({ Name: builder.getOutputStepName(), Type: STEP_TYPES[registration.stepType as StepTypeName].pipelineType });
    });
  });
});

describe('instance-type allow-lists', () => {
  it("hold only instance types SageMaker's CreateTrainingJob accepts", () => {
    const known = new Set(trainingInstanceTypes());
    for (const type of [...PYTORCH_TRAINING_INSTANCE_TYPES, ...XGBOOST_TRAINING_INSTANCE_TYPES]) expect(known.has(type), type).toBe(true);
  });
});
