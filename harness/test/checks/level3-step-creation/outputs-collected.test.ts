import type { PipelineValue, TrainingStepArguments } from '@stepscore/step-builder';
import { DependencyType, type StepSpecificationInput, type TrainingScriptContract } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

/** The script's checkpoints declared as an output of its own, in the contract and the spec alike. */
function checkpointsAsOutput(spec: StepSpecificationInput, contract: TrainingScriptContract): void {
  (contract.expectedOutputPaths as Record<string, string>)['checkpoints'] = '/opt/ml/checkpoints';
  spec.outputs = [
    ...spec.outputs,
    {
      logicalName: 'checkpoints',
      outputType: DependencyType.MODEL_ARTIFACTS,
      propertyPath: 'properties.CheckpointConfig.S3Uri',
      dataType: 'S3Uri',
      description: 'Checkpoints',
    },
  ];
}

const ID = 'level3.outputs_collected';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (blocker) when the script writes metrics where the training job uploads nothing', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec, contract) => {
      (contract.expectedOutputPaths as Record<string, string>)['metrics_output'] = '/opt/ml/output/metrics';
      spec.outputs = [
        ...spec.outputs,
        {
          logicalName: 'metrics_output',
          outputType: DependencyType.CUSTOM_PROPERTY,
          propertyPath: 'properties.FinalMetricDataList',
          dataType: 'String',
          description: 'Training metrics',
        },
      ];
    });
    const result = await runCheck(broken, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain("[default] output 'metrics_output' is written to /opt/ml/output/metrics, but the request collects nothing from there");
  });

  it('fails (blocker) when checkpoints are a contract output but the checkpoint switch can turn their sync off', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), checkpointsAsOutput);
    const result = await runCheck(broken, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^\[flip-enable_checkpointing\] output 'checkpoints' is written to \/opt\/ml\/checkpoints, but the request collects nothing from there/,
    );
  });

  it('fails (blocker) when checkpoints are collected from another container path than the script writes them to', async () => {
    const WrongLocalPath = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        protected override extraArguments(outputPath: PipelineValue): Partial<TrainingStepArguments> {
          return { CheckpointConfig: { S3Uri: `${String(outputPath)}/checkpoints`, LocalPath: '/opt/ml/checkpoint' } };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const broken = withSpecAndContract(withBuilderClass(realBuilder('PyTorchTraining'), WrongLocalPath), checkpointsAsOutput);
    const result = await runCheck(broken, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^\[default\] output 'checkpoints' is written to \/opt\/ml\/checkpoints, but the request collects nothing from there \(collected: [^)]*CheckpointConfig from \/opt\/ml\/checkpoint\)/,
    );
  });
});
