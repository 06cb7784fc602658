import type { PipelineValue, TrainingStepArguments } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';
import { expectFailure, RealPyTorchTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.checkpoint_config';

describe(ID, () => {
  it('passes on PyTorchTraining, which syncs SM_CHECKPOINT_DIR', async () => {
    const result = await runCheck(realBuilder('PyTorchTraining'), ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('is not applicable to XGBoostTraining, which sends no CheckpointConfig', async () => {
    const result = await runCheck(realBuilder('XGBoostTraining'), ID);
    expect(result.status).toBe('not_applicable');
    expect(result.message).toContain('sends no CheckpointConfig');
  });

  it('passes when config.env moves the checkpoint directory', async () => {
    const changed = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      config['env'] = { SM_CHECKPOINT_DIR: '/opt/ml/checkpoints/run-1' };
    });
    const result = await runCheck(changed, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails when CheckpointConfig syncs another directory than the script writes to', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      protected override extraArguments(outputPath: PipelineValue): Partial<TrainingStepArguments> {
        return { CheckpointConfig: { S3Uri: `${String(outputPath)}/checkpoints`, LocalPath: '/opt/ml/checkpoint' } };
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(
      result,
      "CheckpointConfig.LocalPath is '/opt/ml/checkpoint', but the script writes checkpoints to SM_CHECKPOINT_DIR='/opt/ml/checkpoints', so they would never be synced to S3",
    );
  });
});
