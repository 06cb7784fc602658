import { describe, expect, it } from 'vitest';
import { builderRegistry } from '../support/repository-project.js';
import { ANSI_ESCAPE, runStepscore } from './cli-runner.js';

describe('stepscore list', () => {
  it('prints a block per registered builder with its step type and framework, within 100 columns', async () => {
    const run = await runStepscore(['list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const r of builderRegistry.all()) expect(run.stdout).toMatch(new RegExp(`^${r.stepName} {2}${r.stepType}, ${r.framework}$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}depends on: /m);
    expect(run.stdout).toContain(`${builderRegistry.names().length} builders registered.`);
    expect(Math.max(...run.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it('shows dependencies as required or optional and outputs with their property paths', async () => {
    const { stdout } = await runStepscore(['list']);
    expect(stdout).toContain('input_path (required, training_data)');
    expect(stdout).toContain('hyperparameters_s3_uri (optional, hyperparameters)');
    expect(stdout).toContain('model_output → properties.ModelArtifacts.S3ModelArtifacts');
    expect(stdout).toContain('data_output → properties.OutputDataConfig.S3OutputPath');
    expect(stdout).toContain('evaluation_output → properties.OutputDataConfig.S3OutputPath');
  });

  it('has no colours when stdout is not a terminal', async () => {
    expect((await runStepscore(['list'])).stdout).not.toMatch(ANSI_ESCAPE);
    expect((await runStepscore(['list'], { tty: true })).stdout).toMatch(ANSI_ESCAPE);
  });

  it('prints the same as JSON with --json', async () => {
    const run = await runStepscore(['list', '--json']);
    expect(run.code).toBe(0);
    const listings = JSON.parse(run.stdout) as { builder: string }[];
    expect(listings.map((l) => l.builder)).toEqual(builderRegistry.names());
    // The two builders this repository started with, in full; any builder registered later is listed beside them.
    expect(listings.filter((l) => ['PyTorchTraining', 'XGBoostTraining'].includes(l.builder))).toEqual([
      {
        builder: 'PyTorchTraining',
        stepType: 'Training',
        framework: 'pytorch',
        description: expect.any(String),
        dependencies: [{ name: 'input_path', type: 'training_data', required: true, dataType: 'S3Uri' }],
        outputs: [
          {
            name: 'model_output',
            type: 'model_artifacts',
            propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
            aliases: ['ModelArtifacts', 'model_data', 'output_path', 'model_input'],
          },
          {
            name: 'data_output',
            type: 'processing_output',
            propertyPath: 'properties.OutputDataConfig.S3OutputPath',
            aliases: ['evaluation_data', 'eval_data', 'validation_output', 'test_output', 'prediction_results'],
          },
        ],
      },
      {
        builder: 'XGBoostTraining',
        stepType: 'Training',
        framework: 'xgboost',
        description: expect.any(String),
        dependencies: [
          { name: 'input_path', type: 'training_data', required: true, dataType: 'S3Uri' },
          { name: 'hyperparameters_s3_uri', type: 'hyperparameters', required: false, dataType: 'S3Uri' },
        ],
        outputs: [
          expect.objectContaining({ name: 'model_output', propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts' }),
          expect.objectContaining({ name: 'evaluation_output', propertyPath: 'properties.OutputDataConfig.S3OutputPath' }),
        ],
      },
    ]);
  });
});
