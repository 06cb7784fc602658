import { BuilderRegistry } from '@stepscore/step-builder';
import { pytorchTraining } from './pytorch-training/index.js';
import { xgboostTraining } from './xgboost-training/index.js';

/** Every registered builder. Adding a builder is adding its folder and one line here. */
export const builderRegistry = new BuilderRegistry([
  pytorchTraining,
  xgboostTraining,
]);
