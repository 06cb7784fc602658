// Defects in a builder's config schema, or in the default config it ships with: what a builder author loosens,
// forgets or mistypes in config.ts and default-config.ts.
import { isPipelineExpression, TRAINING_MAX_RUNTIME_SECONDS } from '@stepscore/sagemaker';
import { checkTrainingImage, checkTrainingSettings } from '@stepscore/step-builder';
import { z } from 'zod';
import { PYTORCH_TRAINING_INSTANCE_TYPES, pytorchDistributionShape, pytorchTrainingConfigSchema } from '../../builders/pytorch-training/config.js';
import { XGBOOST_TRAINING_INSTANCE_TYPES, xgboostTrainingConfigSchema, xgboostTrainingConfigShape } from '../../builders/xgboost-training/config.js';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withConfigSchema, withDefaultConfig } from './registration-variants.js';

const hyperparametersOf = (config: Record<string, unknown>): Record<string, unknown> => config['hyperparameters'] as Record<string, unknown>;

/** An allow-list refinement as trainingConfigShape writes it, over another list. */
const instanceTypeAllowList = (types: readonly string[], defaultType: string) =>
  z
    .string()
    .refine((v) => types.includes(v), { error: 'not an allowed instance type' })
    .default(defaultType);

export const configDefects: readonly SeededDefect[] = [
  // --- The schema admits what SageMaker refuses -------------------------------------------------------------
  defineDefect({
    id: 'config.instance-count-not-integer',
    title: 'The schema accepts a fractional instance count',
    change: 'training_instance_count lost its .int(): z.number().min(1).default(1)',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ResourceConfig.InstanceCount',
    make: () =>
      withConfigSchema(realBuilder('PyTorchTraining'), pytorchTrainingConfigSchema.safeExtend({ training_instance_count: z.number().min(1).default(1) })),
  }),
  defineDefect({
    id: 'config.pytorchddp-beside-smdistributed',
    title: 'The distribution schema counts the strategies switched on, so pytorchddp passes beside smdistributed switched off',
    change:
      'the distribution refinement refuses two strategies on (but torch_distributed with smdistributed), and lost the rule that pytorchddp and smdistributed are not given together',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'PyTorchTraining',
    caughtBy: 'level1.invalid_configs_rejected',
    severity: 'major',
    messageFragment: 'the schema accepted distribution = {"pytorchddp":{"enabled":true},"smdistributed":{"dataparallel":{"enabled":false}}}',
    make: () => {
      const distribution = z.strictObject(pytorchDistributionShape).superRefine((value, ctx) => {
        const on = [value.torch_distributed?.enabled, value.pytorchddp?.enabled, value.smdistributed?.dataparallel.enabled, value.mpi?.enabled].filter(Boolean);
        if (on.length > 1 && !(on.length === 2 && value.torch_distributed?.enabled && value.smdistributed?.dataparallel.enabled))
          ctx.addIssue({ code: 'custom', message: 'enable one distribution strategy' });
      });
      return withConfigSchema(realBuilder('PyTorchTraining'), pytorchTrainingConfigSchema.safeExtend({ distribution: distribution.optional() }));
    },
  }),
  defineDefect({
    id: 'config.runtime-past-service-limit',
    title: "The schema accepts a maximum runtime past SageMaker's 28 days",
    change: `max_runtime_in_seconds lost its .max(${TRAINING_MAX_RUNTIME_SECONDS}): z.number().int().min(1).default(86400)`,
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'XGBoostTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'StoppingCondition.MaxRuntimeInSeconds',
    make: () =>
      withConfigSchema(
        realBuilder('XGBoostTraining'),
        xgboostTrainingConfigSchema.safeExtend({ max_runtime_in_seconds: z.number().int().min(1).default(86_400) }),
      ),
  }),
  defineDefect({
    id: 'config.builtin-mode-unreachable',
    title: 'The schema offers algorithm_mode builtin but requires the script bundle in every mode, which builtin refuses',
    change: "a refinement added 'source_dir is required' without asking which algorithm_mode the config runs",
    artefact: 'config',
    defectClass: 'interface',
    base: 'XGBoostTraining',
    caughtBy: 'level1.valid_scenarios_accepted',
    severity: 'blocker',
    messageFragment: 'algorithm_mode = "builtin" is one of the values the schema declares, yet the schema refuses it',
    make: () =>
      withConfigSchema(
        realBuilder('XGBoostTraining'),
        xgboostTrainingConfigSchema.superRefine((config, ctx) => {
          if (config.source_dir === undefined) ctx.addIssue({ code: 'custom', path: ['source_dir'], message: 'source_dir is required' });
        }),
      ),
  }),
  defineDefect({
    id: 'config.builtin-refusal-names-no-field',
    title: 'The built-in mode refuses the script settings with an issue on the whole config: the user is not told which to remove',
    change: "the refinement's ctx.addIssue for algorithm_mode builtin has no path",
    artefact: 'config',
    defectClass: 'interface',
    base: 'XGBoostTraining',
    caughtBy: 'level1.invalid_configs_rejected',
    severity: 'major',
    messageFragment: `with 'training_entry_point' kept with algorithm_mode = "builtin" (the schema refuses them together), the config was refused but no issue names`,
    make: () =>
      withConfigSchema(
        realBuilder('XGBoostTraining'),
        z
          .strictObject(xgboostTrainingConfigShape)
          .superRefine(checkTrainingImage('xgboost'))
          .superRefine((config, ctx) => {
            checkTrainingSettings(config, ctx);
            if (config.algorithm_mode === 'framework') {
              for (const path of [['hyperparameters', 'max_depth'], ['training_entry_point'], ['source_dir']]) {
                const value = path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], config);
                if (value === undefined) ctx.addIssue({ code: 'custom', path, message: 'required in framework mode' });
              }
              for (const [name, value] of Object.entries(config.hyperparameters)) {
                if (isPipelineExpression(value))
                  ctx.addIssue({ code: 'custom', path: ['hyperparameters', name], message: 'no pipeline expression in framework mode' });
              }
            } else if (config.training_entry_point !== undefined || config.source_dir !== undefined || config.hyperparameters_s3_uri !== undefined) {
              ctx.addIssue({
                code: 'custom',
                message: 'the built-in algorithm runs no script: remove training_entry_point, source_dir and hyperparameters_s3_uri',
              });
            }
          }),
      ),
  }),
  defineDefect({
    id: 'config.volume-size-not-integer',
    title: 'The schema accepts a fractional EBS volume size',
    change: 'training_volume_size lost its .int(): z.number().min(1).default(30)',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'XGBoostTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ResourceConfig.VolumeSizeInGB',
    make: () =>
      withConfigSchema(realBuilder('XGBoostTraining'), xgboostTrainingConfigSchema.safeExtend({ training_volume_size: z.number().min(1).default(30) })),
  }),
  defineDefect({
    id: 'config.instance-type-sagemaker-does-not-train-on',
    title: "The instance allow-list offers ml.c5.large, which CreateTrainingJob does not accept (the reference's list)",
    change: "XGBOOST_TRAINING_INSTANCE_TYPES gained 'ml.c5.large' (the default instance type stays ml.m5.4xlarge)",
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'XGBoostTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ml.c5.large',
    knownMiss:
      'the cpu/gpu scenarios pick instance types from the service model that the schema accepts, so a type only the allow-list ' +
      'has is never tried; the allow-list is a refine(), which the JSON Schema of the config does not carry. To catch it, ' +
      'level3.request_meets_service_model (or level1.invalid_configs_rejected) would need a scenario per value a refined field ' +
      'accepts among a list of known-bad values (e.g. the instance types of other job kinds)',
    make: () =>
      withConfigSchema(
        realBuilder('XGBoostTraining'),
        xgboostTrainingConfigSchema.safeExtend({
          training_instance_type: instanceTypeAllowList([...XGBOOST_TRAINING_INSTANCE_TYPES, 'ml.c5.large'], 'ml.m5.4xlarge'),
        }),
      ),
  }),
  defineDefect({
    id: 'config.cache-expiry-not-checked',
    title: 'The schema takes any text as the cache expiry',
    change: "cache_expire_after lost its ISO-8601 refinement: z.string().default('P30D')",
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'PyTorchTraining',
    caughtBy: 'level1.invalid_configs_rejected',
    severity: 'major',
    messageFragment: 'cache_expire_after',
    knownMiss:
      "invalid probes come from the config's JSON Schema, which cannot express a refine(): no probe tries '30 days', and no " +
      'scenario sets cache_expire_after to anything but its default. level1.invalid_configs_rejected would need a probe of a ' +
      'non-duration text for fields whose default is an ISO-8601 duration',
    make: () => withConfigSchema(realBuilder('PyTorchTraining'), pytorchTrainingConfigSchema.safeExtend({ cache_expire_after: z.string().default('P30D') })),
  }),
  defineDefect({
    id: 'config.cache-expiry-not-duration',
    title: 'A default config whose cache expiry is not an ISO-8601 duration, through a schema that no longer checks it',
    change: "cache_expire_after lost its ISO-8601 refinement and the default config says '30 days'",
    artefact: 'config',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostTraining',
    caughtBy: 'level3.cache_config',
    severity: 'major',
    messageFragment: 'CacheConfig.ExpireAfter is "30 days"',
    make: () =>
      withDefaultConfig(
        withConfigSchema(realBuilder('XGBoostTraining'), xgboostTrainingConfigSchema.safeExtend({ cache_expire_after: z.string().default('P30D') })),
        (config) => {
          config['cache_expire_after'] = '30 days';
        },
      ),
  }),
  defineDefect({
    id: 'config.unknown-instance-type-default',
    title: 'The allow-list offers an instance type SageMaker does not have, and the default config picks it',
    change: "the instance allow-list gained 'ml.g5.32xlarge' (g5 has no 32xlarge) and the default config's training_instance_type is it",
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ml.g5.32xlarge',
    make: () =>
      withDefaultConfig(
        withConfigSchema(
          realBuilder('PyTorchTraining'),
          pytorchTrainingConfigSchema.safeExtend({
            training_instance_type: instanceTypeAllowList([...PYTORCH_TRAINING_INSTANCE_TYPES, 'ml.g5.32xlarge'], 'ml.g5.12xlarge'),
          }),
        ),
        (config) => {
          config['training_instance_type'] = 'ml.g5.32xlarge';
        },
      ),
  }),
  defineDefect({
    id: 'config.required-role-optional',
    title: 'The schema lets the IAM role be left out',
    change: 'role became .optional()',
    artefact: 'config',
    defectClass: 'interface',
    base: 'XGBoostTraining',
    caughtBy: 'level1.invalid_configs_rejected',
    severity: 'major',
    messageFragment: "'role' missing",
    knownMiss:
      'probes remove only the fields the schema itself declares required; once role is optional no probe removes it, and ' +
      'the default config still gives one, so no scenario builds a step without a role. level1.invalid_configs_rejected ' +
      'would need to probe the fields the request cannot do without (RoleArn) whatever the schema says',
    make: () => withConfigSchema(realBuilder('XGBoostTraining'), xgboostTrainingConfigSchema.safeExtend({ role: z.string().optional() } as never)),
  }),
  // --- Values encoded wrongly ---------------------------------------------------------------------------------
  defineDefect({
    id: 'config.hyperparameter-value-too-long',
    title: "A hyperparameter's value is longer than SageMaker's 2500 characters",
    change: 'the default config gained hyperparameters.class_descriptions, a 2,600-character text',
    artefact: 'config',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'class_descriptions',
    make: () =>
      withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
        hyperparametersOf(config)['class_descriptions'] = 'negative review; positive review; '.repeat(80).slice(0, 2600);
      }),
  }),
  // --- Interface and versions ---------------------------------------------------------------------------------
  defineDefect({
    id: 'config.framework-version-unknown',
    title: 'The default config names a PyTorch version with no training image',
    change: "framework_version '2.1.0' became '2.1.5'",
    artefact: 'config',
    defectClass: 'interface',
    base: 'PyTorchTraining',
    caughtBy: 'level2.framework_version_known',
    severity: 'blocker',
    messageFragment: "framework_version '2.1.5' is not a known pytorch training image version",
    make: () =>
      withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
        config['framework_version'] = '2.1.5';
      }),
  }),
  defineDefect({
    id: 'config.default-label-not-in-field-list',
    title: 'The default config its own schema refuses',
    change: "hyperparameters.label_name 'target' became 'label', which is not in full_field_list",
    artefact: 'config',
    defectClass: 'interface',
    base: 'XGBoostTraining',
    caughtBy: 'level1.valid_scenarios_accepted',
    severity: 'blocker',
    messageFragment: "label_name 'label' must be in full_field_list",
    rootCause: 'config',
    make: () =>
      withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
        hyperparametersOf(config)['label_name'] = 'label';
      }),
  }),
];
