import type { BasePipelineConfig } from '../config/base-pipeline-config.js';
import type { PipelineValue } from './step-definition.js';

/**
 * Where the SDK sends an output given no destination: `s3://<bucket>/<pipeline>/<execution id>/<step>/output/<name>`,
 * built at run time, so that no two executions share (and overwrite) a location.
 */
export function perExecutionOutputUri(config: BasePipelineConfig, stepName: string, outputName: string): PipelineValue {
  return {
    'Std:Join': {
      On: '/',
      Values: ['s3:/', config.bucket, config.pipeline_name, { Get: 'Execution.PipelineExecutionId' }, stepName, 'output', outputName],
    },
  };
}

/** `<ClassName without StepBuilder>Config missing required attribute: <name>` for the first unset setting. */
export function requireSettings(builderClassName: string, config: object, settings: readonly string[]): void {
  const values = config as Record<string, unknown>;
  for (const attr of settings) {
    const value = values[attr];
    if (value === undefined || value === null || value === '') {
      throw new Error(`${builderClassName.replace(/StepBuilder$/, '')}Config missing required attribute: ${attr}`);
    }
  }
}
