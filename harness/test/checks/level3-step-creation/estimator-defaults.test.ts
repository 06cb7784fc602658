// The two checks that hold a framework training request to what the SDK's estimator does by itself: metrics time
// series on by default, and no debugger hook beside checkpoints synced both ways in a distributed job.
import { frameworkEstimatorDefaultsFor } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

/** Every registered builder passes, or the check does not concern it: always so when the table lists no estimator for its framework. */
function passesOnEveryRegisteredBuilder(id: string): void {
  it.each(buildersJudgedBy(id).map((r) => [r.stepName, r] as const))(
    'passes on %s (not applicable without SDK estimator defaults)',
    async (_name, registration) => {
      const result = await runCheck(registration, id);
      if (frameworkEstimatorDefaultsFor(registration.framework)) expect(['pass', 'not_applicable'], result.message).toContain(result.status);
      else expect(result.status, result.message).toBe('not_applicable');
    },
  );
}

describe('level3.metrics_time_series', () => {
  const ID = 'level3.metrics_time_series';

  passesOnEveryRegisteredBuilder(ID);

  it('fails (minor) when a PyTorch builder never turns metrics time series on (the base class sends none)', async () => {
    const NoMetrics = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        protected override enablesMetricsTimeSeries(): boolean {
          return false;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), NoMetrics), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toBe(
      '[minimal] AlgorithmSpecification.EnableSageMakerMetricsTimeSeries is not sent, but sagemaker.pytorch.PyTorch 2.1.0 turns it on when enable_sagemaker_metrics is not given (sagemaker/pytorch/estimator.py PyTorch.__init__)',
    );
  });
});

describe('level3.debugger_with_checkpoints', () => {
  const ID = 'level3.debugger_with_checkpoints';

  passesOnEveryRegisteredBuilder(ID);

  it('fails (major) when a PyTorch builder keeps the debugger hook beside its checkpoints on one instance (PyTorch always has a distribution)', async () => {
    const NoDistribution = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        protected override hasDistribution(): boolean {
          return false;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), NoDistribution), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(
      /^\[default\] CheckpointConfig syncs "\/opt\/ml\/checkpoints" with S3 in a distributed job \(sagemaker\.pytorch\.PyTorch always has a distribution\), yet DebugHookConfig is sent/,
    );
  });
});
