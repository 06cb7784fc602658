import { checkInferencePyVersion, inferenceFrameworkVersions, modelConfigShape, type ModelConfig } from '@stepscore/step-builder';
import { z } from 'zod';

/** CPU and GPU serving instances; the instance type chooses the image flavour. */
export const PYTORCH_INFERENCE_INSTANCE_TYPES = [
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.g4dn.xlarge',
  'ml.g4dn.2xlarge',
  'ml.g5.xlarge',
  'ml.g5.2xlarge',
  'ml.p3.2xlarge',
] as const;

export const pytorchModelConfigSchema = z
  .strictObject({
    ...modelConfigShape({
      // Stryker disable next-line StringLiteral: frameworkLabel only words the config's error messages
      frameworkLabel: 'PyTorch',
      instanceTypes: PYTORCH_INFERENCE_INSTANCE_TYPES,
      defaultInstanceType: 'ml.m5.large',
      frameworkVersions: inferenceFrameworkVersions('pytorch'),
      defaultFrameworkVersion: '2.1.0',
      defaultPyVersion: 'py310',
      defaultEntryPoint: 'inference.py',
    }),
  })
  .superRefine(
    checkInferencePyVersion(
      'pytorch',
      // Stryker disable next-line StringLiteral: frameworkLabel only words the config's error messages
      'PyTorch',
    ),
  );

export type PyTorchModelConfig = ModelConfig & z.output<typeof pytorchModelConfigSchema> & { inference_entry_point: string };
