import { DependencyType, NodeType, type StepSpecificationInput, type TrainingScriptContract } from '@stepscore/step-model';
import { z } from 'zod';
import {
  basePipelineConfigShape,
  type BasePipelineConfig,
  type CreateStepOptions,
  parseConfig,
  type PipelineStepDefinition,
  type PipelineValue,
  StepBuilderBase,
  type StepBuilderOptions,
} from '../../src/index.js';

/** The reference's PyTorch training contract before the seed's fix: it still declares a checkpoints output. */
export const seedContractWithCheckpoints: TrainingScriptContract = {
  entryPoint: 'train.py',
  expectedInputPaths: { input_path: '/opt/ml/input/data' },
  expectedOutputPaths: { model_output: '/opt/ml/model', data_output: '/opt/ml/output/data', checkpoints: '/opt/ml/checkpoints' },
  expectedArguments: {},
  requiredEnvVars: [],
  optionalEnvVars: { SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' },
};

/** The same contract after the seed's fix. */
export const seedContract: TrainingScriptContract = {
  ...seedContractWithCheckpoints,
  expectedOutputPaths: { model_output: '/opt/ml/model', data_output: '/opt/ml/output/data' },
};

/** The seed's corrected PyTorch training spec. */
export function seedSpec(scriptContract: TrainingScriptContract = seedContract): StepSpecificationInput {
  return {
    stepType: 'PyTorchTraining',
    nodeType: NodeType.INTERNAL,
    scriptContract,
    dependencies: [
      {
        logicalName: 'input_path',
        dependencyType: DependencyType.TRAINING_DATA,
        required: true,
        compatibleSources: ['TabularPreprocessing', 'ProcessingStep', 'DataLoad', 'RiskTableMapping'],
        semanticKeywords: ['data', 'input', 'training', 'dataset', 'processed', 'train', 'pytorch'],
      },
    ],
    outputs: [
      {
        logicalName: 'model_output',
        outputType: DependencyType.MODEL_ARTIFACTS,
        propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
        aliases: ['ModelArtifacts', 'model_data', 'output_path', 'model_input'],
      },
      {
        logicalName: 'data_output',
        outputType: DependencyType.PROCESSING_OUTPUT,
        propertyPath: 'properties.OutputDataConfig.S3OutputPath',
        aliases: ['evaluation_data', 'eval_data', 'validation_output', 'test_output', 'prediction_results'],
      },
    ],
  };
}

export const exampleConfigSchema = z.object({
  ...basePipelineConfigShape,
  job_type: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  hyperparameters: z.record(z.string(), z.unknown()).optional(),
});

export type ExampleConfig = BasePipelineConfig & z.output<typeof exampleConfigSchema> & Record<string, unknown>;

export const validBaseConfig = {
  author: 'alice',
  bucket: 'my-bucket',
  role: 'arn:aws:iam::123456789012:role/SageMakerRole',
  region: 'NA',
  service_name: 'fraud',
  pipeline_version: '1.2.0',
} as const;

export function exampleConfig(overrides: Record<string, unknown> = {}): ExampleConfig {
  return parseConfig(exampleConfigSchema, { ...validBaseConfig, ...overrides }, 'Example') as ExampleConfig;
}

/** A minimal concrete builder, so that the base class can be tested on its own. */
export class ExampleTrainingStepBuilder extends StepBuilderBase<ExampleConfig> {
  /** How many times any instance ran validateConfiguration (a class field would be reset after super() returns). */
  static validations = 0;

  constructor(config: ExampleConfig, options: StepBuilderOptions = {}) {
    super(config, seedSpec(), options);
  }

  validateConfiguration(): void {
    ExampleTrainingStepBuilder.validations++;
    if (this.config.service_name === 'refuse') throw new Error('ExampleTrainingConfig missing required attribute: service_name');
  }

  getInputs(inputs: Readonly<Record<string, PipelineValue>>): Record<string, PipelineValue> {
    return { ...inputs };
  }

  getOutputs(): PipelineValue {
    return `${this.config.pipeline_s3_loc}/example`;
  }

  async createStep(options: CreateStepOptions = {}): Promise<PipelineStepDefinition> {
    return { Name: this.getStepName(), Type: 'Training', Arguments: { inputs: this.getInputs(options.inputs ?? {}) } };
  }
}

/** The builder with another spec/contract in place of its own. */
export function exampleBuilderWith(
  contract: TrainingScriptContract,
  config: ExampleConfig = exampleConfig(),
  options: StepBuilderOptions = {},
): ExampleTrainingStepBuilder {
  return new ExampleTrainingStepBuilder(config, { ...options, spec: { ...seedSpec(contract) } });
}
