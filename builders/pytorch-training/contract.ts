import type { TrainingScriptContract } from '@stepscore/step-model';

/** The corrected contract: checkpoints go through SM_CHECKPOINT_DIR and CheckpointConfig, not a pipeline output. */
export const pytorchTrainingContract: TrainingScriptContract = {
  entryPoint: 'train.py',
  expectedInputPaths: {
    input_path: '/opt/ml/input/data',
  },
  expectedOutputPaths: {
    model_output: '/opt/ml/model',
    data_output: '/opt/ml/output/data',
  },
  expectedArguments: {},
  requiredEnvVars: [],
  optionalEnvVars: {
    SM_CHECKPOINT_DIR: '/opt/ml/checkpoints',
  },
  // Stryker disable all: documentation; no request, pipeline or check reads a contract's frameworkRequirements or description
  frameworkRequirements: {
    torch: '==2.1.2',
    lightning: '==2.1.3',
    transformers: '==4.37.2',
    torchmetrics: '==1.7.1',
    'scikit-learn': '==1.3.2',
    pandas: '==2.1.4',
    pyarrow: '==14.0.2',
    pydantic: '==2.11.2',
    onnx: '==1.15.0',
  },
  description:
    'PyTorch Lightning training script for tabular and text models. Reads train/val/test below /opt/ml/input/data, ' +
    'writes model.pth and model.onnx to /opt/ml/model and predictions and evaluation data to /opt/ml/output/data; ' +
    'checkpoints go to SM_CHECKPOINT_DIR.',
  // Stryker restore all
};
