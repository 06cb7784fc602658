// Defects in a builder's config schema, or in the default config it ships with.
import { basePipelineConfigShape, fieldListShape } from '@stepscore/step-builder';
import { z } from 'zod';
import { PYTORCH_TRAINING_INSTANCE_TYPES, pytorchTrainingConfigSchema } from '../../builders/pytorch-training/config.js';
import { xgboostTrainingConfigSchema } from '../../builders/xgboost-training/config.js';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withConfigSchema, withDefaultConfig } from './registration-variants.js';

const hyperparametersOf = (config: Record<string, unknown>): Record<string, unknown> => config['hyperparameters'] as Record<string, unknown>;

/** A g5 size SageMaker does not sell: g5 goes from xlarge to 48xlarge with no 32xlarge. */
const UNKNOWN_INSTANCE_TYPE = 'ml.g5.32xlarge';

export const configDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'config.count-below-one-accepted',
    title: 'The schema accepts an instance count of 0',
    change: 'training_instance_count lost its .min(1): z.number().int().default(1)',
    artefact: 'config',
    base: 'PyTorchTraining',
    caughtBy: 'level1.rejects_count_below_one',
    messageFragment: 'training_instance_count = 0',
    make: () =>
      withConfigSchema(realBuilder('PyTorchTraining'), pytorchTrainingConfigSchema.safeExtend({ training_instance_count: z.number().int().default(1) })),
  }),
  defineDefect({
    id: 'config.instance-type-not-allow-listed',
    title: 'The schema takes any string as the instance type',
    change: "training_instance_type lost its allow-list refinement: z.string().default('ml.m5.4xlarge')",
    artefact: 'config',
    base: 'XGBoostTraining',
    caughtBy: 'level1.rejects_value_outside_allow_list',
    messageFragment: 'training_instance_type = "ml.not-a-type.xlarge"',
    make: () =>
      withConfigSchema(realBuilder('XGBoostTraining'), xgboostTrainingConfigSchema.safeExtend({ training_instance_type: z.string().default('ml.m5.4xlarge') })),
  }),
  defineDefect({
    id: 'config.label-not-checked-against-field-list',
    title: 'The hyperparameters schema no longer checks label and id against the full field list',
    change: 'hyperparameters is z.looseObject(fieldListShape) without the checkFieldLists refinement',
    artefact: 'config',
    base: 'PyTorchTraining',
    caughtBy: 'level1.rejects_label_not_in_field_list',
    messageFragment: "'hyperparameters.label_name' is not checked",
    make: () => withConfigSchema(realBuilder('PyTorchTraining'), pytorchTrainingConfigSchema.safeExtend({ hyperparameters: z.looseObject(fieldListShape) })),
  }),
  defineDefect({
    id: 'config.required-role-optional',
    title: 'The schema lets the IAM role be left out',
    change: 'role became basePipelineConfigShape.role.optional()',
    artefact: 'config',
    base: 'XGBoostTraining',
    caughtBy: 'level1.rejects_missing_required_field',
    messageFragment: "The config schema accepted a config without 'role'",
    make: () =>
      withConfigSchema(
        realBuilder('XGBoostTraining'),
        // safeExtend keeps the schema's cross-field rules; its types forbid loosening a required field, which is the defect.
        xgboostTrainingConfigSchema.safeExtend({ role: basePipelineConfigShape.role.optional() } as unknown as { role: typeof basePipelineConfigShape.role }),
      ),
  }),
  defineDefect({
    id: 'config.unknown-instance-type',
    title: 'The allow-list offers an instance type SageMaker does not have, and the default config picks it',
    change: `the instance allow-list gained '${UNKNOWN_INSTANCE_TYPE}' and the default config's training_instance_type is '${UNKNOWN_INSTANCE_TYPE}'`,
    artefact: 'config',
    base: 'PyTorchTraining',
    caughtBy: 'level3.configuration_validity',
    messageFragment: UNKNOWN_INSTANCE_TYPE,
    make: () => {
      const instanceTypes: readonly string[] = [...PYTORCH_TRAINING_INSTANCE_TYPES, UNKNOWN_INSTANCE_TYPE];
      const schema = pytorchTrainingConfigSchema.safeExtend({
        training_instance_type: z.string().refine((v) => instanceTypes.includes(v), { error: 'not an allowed instance type' }).default('ml.g5.12xlarge'),
      });
      return withDefaultConfig(withConfigSchema(realBuilder('PyTorchTraining'), schema), (config) => {
        config['training_instance_type'] = UNKNOWN_INSTANCE_TYPE;
      });
    },
  }),
  defineDefect({
    id: 'config.cache-expiry-not-duration',
    title: 'A cache expiry that is not an ISO-8601 duration reaches the step',
    change: "cache_expire_after lost its ISO-8601 refinement (z.string().default('P30D')) and the default config says '30 days'",
    artefact: 'config',
    base: 'XGBoostTraining',
    caughtBy: 'level3.cache_config',
    messageFragment: "CacheConfig.ExpireAfter is '30 days', which is not an ISO-8601 duration",
    make: () =>
      withDefaultConfig(
        withConfigSchema(realBuilder('XGBoostTraining'), xgboostTrainingConfigSchema.safeExtend({ cache_expire_after: z.string().default('P30D') })),
        (config) => {
          config['cache_expire_after'] = '30 days';
        },
      ),
  }),
  defineDefect({
    id: 'config.hyperparameter-value-too-long',
    title: "A hyperparameter's value is longer than SageMaker's 2500 characters",
    change: 'the default config gained hyperparameters.class_descriptions, a 2,600-character text',
    artefact: 'config',
    base: 'PyTorchTraining',
    caughtBy: 'level2.hyperparameters_legal',
    messageFragment: 'class_descriptions',
    make: () =>
      withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
        hyperparametersOf(config)['class_descriptions'] = 'negative review; positive review; '.repeat(80).slice(0, 2600);
      }),
  }),
  defineDefect({
    id: 'config.framework-version-unknown',
    title: 'The default config names a PyTorch version with no training image',
    change: "framework_version '2.1.0' became '2.1.5'",
    artefact: 'config',
    base: 'PyTorchTraining',
    caughtBy: 'level2.framework_version_known',
    messageFragment: "framework_version '2.1.5' is not a known pytorch training image version",
    make: () =>
      withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
        config['framework_version'] = '2.1.5';
      }),
  }),
  defineDefect({
    id: 'config.py-version-unknown',
    title: 'The default config names a Python version the framework image does not have',
    change: "py_version 'py3' became 'py38'",
    artefact: 'config',
    base: 'XGBoostTraining',
    caughtBy: 'level2.framework_version_known',
    messageFragment: "py_version 'py38' is not known for xgboost 1.7-1",
    make: () =>
      withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
        config['py_version'] = 'py38';
      }),
  }),
  defineDefect({
    id: 'config.default-label-not-in-field-list',
    title: 'The default config its own schema refuses',
    change: "hyperparameters.label_name 'target' became 'label', which is not in full_field_list",
    artefact: 'config',
    base: 'XGBoostTraining',
    caughtBy: 'level1.valid_config_accepted',
    messageFragment: "label_name 'label' must be in full_field_list",
    rootCause: 'config',
    make: () =>
      withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
        hyperparametersOf(config)['label_name'] = 'label';
      }),
  }),
];
