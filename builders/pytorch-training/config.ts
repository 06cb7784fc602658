import {
  checkFieldLists,
  checkTrainingImage,
  checkTrainingSettings,
  fieldListShape,
  frameworkTrainingInstanceTypes,
  orPipelineExpression,
  trainingConfigShape,
  type TrainingStepConfig,
} from '@stepscore/step-builder';
import { z } from 'zod';

/** Every CPU and GPU training instance type of the service model: the PyTorch training images come in both. */
export const PYTORCH_TRAINING_INSTANCE_TYPES: readonly string[] = frameworkTrainingInstanceTypes();

/** The user's hyperparameters, passed to the script as they are (any value may be an expression); field lists, when given, must agree. */
export const pytorchHyperparametersSchema = z
  .object(fieldListShape)
  .catchall(orPipelineExpression(z.unknown()))
  .superRefine((value, ctx) => checkFieldLists(value, ctx));

const enabled = z.strictObject({ enabled: z.boolean() });

/** Whether a distribution strategy is switched on: its `enabled`, or smdistributed's `dataparallel.enabled`. */
function strategyOn(strategy: { enabled?: boolean; dataparallel?: { enabled: boolean } }): boolean | undefined {
  // Stryker disable next-line OptionalChaining: equivalent; the right of ?? is reached only for smdistributed (every other strategy requires `enabled`), whose schema requires dataparallel
  return strategy.enabled ?? strategy.dataparallel?.enabled;
}

/** The SDK's PyTorch distribution strategies, before the rules across them: a schema variant spreads it and edits a rule. */
export const pytorchDistributionShape = {
  torch_distributed: enabled.optional(),
  pytorchddp: enabled.optional(),
  smdistributed: z.strictObject({ dataparallel: z.strictObject({ enabled: z.boolean(), custom_mpi_options: z.string().optional() }) }).optional(),
  mpi: z.strictObject({ enabled: z.boolean(), processes_per_host: z.number().int().min(1).optional(), custom_mpi_options: z.string().optional() }).optional(),
};

/** The SDK's PyTorch `distribution` argument. */
export const pytorchDistributionSchema = z.strictObject(pytorchDistributionShape).superRefine((value, ctx) => {
  // A strategy given as undefined (from a JavaScript config) is one left out.
  const on = Object.entries(value).filter(([, v]) => v !== undefined && strategyOn(v));
  const allowed = on.length <= 1 || (on.length === 2 && value.torch_distributed?.enabled && value.smdistributed?.dataparallel.enabled);
  if (!allowed) {
    // Stryker disable next-line StringLiteral,ArrowFunction: message wording; a refused config is judged by the field its issue names, never by the text
    const message = `enable one distribution strategy, found ${on.map(([k]) => k).join(', ')}`;
    ctx.addIssue({ code: 'custom', message });
  }
  // The SDK's PyTorch estimator turns pytorchddp into smdistributed.dataparallel, and refuses it beside one.
  if (value.pytorchddp && value.smdistributed) {
    // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
    const message = 'pytorchddp is smdistributed.dataparallel: give one of them';
    ctx.addIssue({ code: 'custom', message });
  }
});

export type PyTorchDistribution = z.output<typeof pytorchDistributionSchema>;

export const pytorchTrainingConfigSchema = z
  .strictObject({
    ...trainingConfigShape({
      instanceTypes: PYTORCH_TRAINING_INSTANCE_TYPES,
      defaultInstanceType: 'ml.g5.12xlarge',
      defaultFrameworkVersion: '2.1.0',
      defaultPyVersion: 'py310',
      defaultEntryPoint: 'train.py',
    }),
    hyperparameters: pytorchHyperparametersSchema,
    enable_sagemaker_metrics: z.boolean().default(true),
    enable_checkpointing: z.boolean().default(true),
    distribution: pytorchDistributionSchema.optional(),
  })
  .superRefine((config, ctx) => checkTrainingSettings(config, ctx))
  .superRefine(checkTrainingImage('pytorch'));

export type PyTorchTrainingConfig = TrainingStepConfig & z.output<typeof pytorchTrainingConfigSchema> & { hyperparameters: Record<string, unknown> };
