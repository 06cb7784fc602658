import { type EncodedHyperparameters, frameworkHyperparameters } from '@stepscore/sagemaker';
import {
  type CreateStepOptions,
  frameworkProcessorCode,
  type PipelineValue,
  type ProcessingCode,
  s3Channel,
  type TrainingChannel,
  type TrainingStepDefinition,
} from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { TabularPreprocessingStepBuilder } from '../../../../builders/tabular-preprocessing/index.js';
import { XGBoostModelEvalStepBuilder } from '../../../../builders/xgboost-model-eval/index.js';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.entry_point';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (blocker) when the builder, copied from another, runs that builder's script", async () => {
    const CopyPasted = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getHyperparameters(): EncodedHyperparameters {
          return frameworkHyperparameters({ entryPoint: 'train.py', submitDirectory: this.config.source_dir, region: this.awsRegion });
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), CopyPasted), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain("[default] nothing in the request runs 'xgboost_training.py'");
    expect(result.message).toContain("'train.py'");
  });

  it('fails (blocker) when the builder forgets sagemaker_program, naming every scenario but the built-in mode the schema needs the script settings left out for', async () => {
    const NoProgram = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getHyperparameters(): EncodedHyperparameters {
          const { sagemaker_program: _program, ...rest } = super.getHyperparameters();
          return rest;
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), NoProgram), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain("[default] nothing in the request runs 'xgboost_training.py'");
    // That scenario runs the image's own algorithm: the schema refused the mode with a script configured.
    expect(result.message).not.toContain('algorithm_mode-builtin]');
  });

  /**
   * PyTorch run through a launcher of its own: it uploads run.sh, mounts it as channel `launcher` and makes it the
   * container's entry point, with no sagemaker_program; the launcher's text decides what runs.
   */
  function pytorchLaunching(launcher: string) {
    return {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        private launcherUri(): string {
          return `${this.config.pipeline_s3_loc}/${this.getStepName()}/launcher/run.sh`;
        }
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          await this.artifactStore.put(this.launcherUri(), launcher, 'text/x-shellscript');
          return [...(await super.getInputs(inputs)), s3Channel('launcher', this.launcherUri())];
        }
        override getHyperparameters(): EncodedHyperparameters {
          const { sagemaker_program: _program, ...rest } = super.getHyperparameters();
          return rest;
        }
        override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
          const step = await super.createStep(options);
          const spec = { ...step.Arguments.AlgorithmSpecification, ContainerEntrypoint: ['/bin/bash', '/opt/ml/input/data/launcher/run.sh'] };
          return { ...step, Arguments: { ...step.Arguments, AlgorithmSpecification: spec } as TrainingStepDefinition['Arguments'] };
        }
      },
    }.PyTorchTrainingStepBuilder;
  }

  it('passes when the container runs a launcher the builder uploaded, and the launcher runs the entry point', async () => {
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), pytorchLaunching('#!/bin/bash\nset -e\npython train.py "$@"\n')), ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (blocker) when the uploaded launcher runs another script', async () => {
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), pytorchLaunching('#!/bin/bash\nset -e\npython main.py "$@"\n')), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain(
      "[default] nothing in the request runs 'train.py' (entry point and arguments: '/bin/bash', '/opt/ml/input/data/launcher/run.sh'",
    );
  });

  /** An XGBoost evaluation whose launcher runs the entry point with the interpreter it is given (the SDK's `command`). */
  function evaluationRunWith(command: readonly string[]) {
    return {
      XGBoostModelEvalStepBuilder: class extends XGBoostModelEvalStepBuilder {
        protected override async getCode(): Promise<ProcessingCode> {
          return frameworkProcessorCode({
            sourceDir: this.config.processing_source_dir,
            entryPoint: this.config.processing_entry_point,
            command,
            bucket: this.config.bucket,
            pipelineName: this.config.pipeline_name,
            artifactStore: this.artifactStore,
          });
        }
      },
    }.XGBoostModelEvalStepBuilder;
  }

  it('fails (blocker) when the launcher runs the script with no interpreter (the command list left empty)', async () => {
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostModelEval'), evaluationRunWith([])), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/\[default\] the launcher s3:\/\/\S+\/runproc\.sh starts with the script itself/);
  });

  it('fails (blocker) when the launcher runs the script after an empty interpreter name', async () => {
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostModelEval'), evaluationRunWith([''])), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('starts with the script itself');
  });

  it('passes when the launcher runs the script with another interpreter (python3)', async () => {
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostModelEval'), evaluationRunWith(['python3'])), ID);
    expect(result.status, result.message).toBe('pass');
  });

  /** A script processor whose container command is made by hand around the script's path. */
  function preprocessingRunning(entrypoint: (scriptPath: string) => string[]) {
    return {
      TabularPreprocessingStepBuilder: class extends TabularPreprocessingStepBuilder {
        protected override async getCode(): Promise<ProcessingCode> {
          const code = await super.getCode();
          const scriptPath = code.containerEntrypoint[code.containerEntrypoint.length - 1]!;
          return { ...code, containerEntrypoint: entrypoint(scriptPath) };
        }
      },
    }.TabularPreprocessingStepBuilder;
  }

  it('fails (blocker) when the container entry point starts with an empty program name', async () => {
    const result = await runCheck(
      withBuilderClass(
        realBuilder('TabularPreprocessing'),
        preprocessingRunning((path) => ['', path]),
      ),
      ID,
    );
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain('[default] ContainerEntrypoint starts with an empty program name');
  });

  it('fails (blocker) when the container entry point is the script itself, with no interpreter', async () => {
    const result = await runCheck(
      withBuilderClass(
        realBuilder('TabularPreprocessing'),
        preprocessingRunning((path) => [path]),
      ),
      ID,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('[default] ContainerEntrypoint starts with the script itself');
  });
});
