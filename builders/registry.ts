import { BuilderRegistry } from '@stepscore/step-builder';
import { batchTransform } from './batch-transform/index.js';
import { pytorchModel } from './pytorch-model/index.js';
import { pytorchTraining } from './pytorch-training/index.js';
import { tabularPreprocessing } from './tabular-preprocessing/index.js';
import { xgboostModel } from './xgboost-model/index.js';
import { xgboostModelEval } from './xgboost-model-eval/index.js';
import { xgboostTraining } from './xgboost-training/index.js';

/** Every registered builder. Adding a builder is adding its folder and one line here. */
export const builderRegistry = new BuilderRegistry([
  pytorchTraining,
  xgboostTraining,
  tabularPreprocessing,
  xgboostModelEval,
  pytorchModel,
  xgboostModel,
  batchTransform,
]);
