import { z } from 'zod';
import { type ImageFramework, knownImageVersions } from '@stepscore/sagemaker';
import { basePipelineConfigShape, type BasePipelineConfig } from './base-pipeline-config.js';
import { entryPointField, oneOfField, stepCommonShape } from './common-fields.js';

export interface ModelConfigOptions {
  readonly frameworkLabel: string;
  /** Instance types the model is meant to serve on: they choose the image's cpu or gpu flavour. */
  readonly instanceTypes: readonly string[];
  readonly defaultInstanceType: string;
  readonly frameworkVersions: readonly string[];
  readonly defaultFrameworkVersion: string;
  readonly defaultPyVersion: string;
  /** The inference script's default; without one the script is optional and the container serves the model natively. */
  readonly defaultEntryPoint?: string;
}

/** The settings a CreateModel builder cannot create a model without. */
export const MODEL_SETTINGS = ['inference_instance_type', 'framework_version', 'py_version'] as const;

/** Python's logging levels, which the serving container reads from SAGEMAKER_CONTAINER_LOG_LEVEL. */
const LOG_LEVELS = [10, 20, 30, 40, 50] as const;

/** The fields shared by framework-model configs (image, inference script, its log level). */
export function modelConfigShape(options: ModelConfigOptions) {
  return {
    ...basePipelineConfigShape,
    env: stepCommonShape.env,
    inference_instance_type: oneOfField(`inference instance type for ${options.frameworkLabel}`, options.instanceTypes).default(options.defaultInstanceType),
    inference_entry_point: options.defaultEntryPoint === undefined ? entryPointField().optional() : entryPointField(options.defaultEntryPoint),
    framework_version: oneOfField(`${options.frameworkLabel} framework version`, options.frameworkVersions).default(options.defaultFrameworkVersion),
    py_version: z
      .string()
      .regex(/^py\d+$/, { error: "must look like 'py3' or 'py310'" })
      .default(options.defaultPyVersion),
    container_log_level: z
      .number()
      .refine((v) => (LOG_LEVELS as readonly number[]).includes(v), { error: `must be a Python logging level: ${LOG_LEVELS.join(', ')}` })
      .default(20),
  };
}

export interface ModelConfigFields {
  inference_instance_type: string;
  /** The inference script (script mode); undefined when the container serves the model without one. */
  inference_entry_point?: string | undefined;
  framework_version: string;
  py_version: string;
  container_log_level: number;
  env?: Record<string, string> | undefined;
}

export type ModelConfig = BasePipelineConfig & ModelConfigFields;

/** The Python version must have an inference image of the framework version (`py_version` named in the message). */
export function checkInferencePyVersion(framework: ImageFramework, frameworkLabel: string) {
  return (value: { framework_version: string; py_version: string }, ctx: z.RefinementCtx): void => {
    const image = knownImageVersions(framework, 'inference').find((v) => v.version === value.framework_version);
    if (image && !image.pyVersions.includes(value.py_version)) {
      ctx.addIssue({
        code: 'custom',
        path: ['py_version'],
        input: value.py_version,
        message: `${frameworkLabel} ${value.framework_version} has no inference image for ${value.py_version}: use ${image.pyVersions.join(' or ')}`,
      });
    }
  };
}

/** The framework versions that have an inference image (aliases such as '1.13' are left to the image lookup). */
export function inferenceFrameworkVersions(framework: ImageFramework): string[] {
  return knownImageVersions(framework, 'inference').map((v) => v.version);
}
