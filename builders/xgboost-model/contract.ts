import type { ScriptContract } from '@stepscore/step-model';

/**
 * None: a CreateModel step runs no script of its own. The XGBoost container serves the model itself or, in script
 * mode, runs the model's inference script from `source_dir`; neither is a script of this step.
 */
export const xgboostModelContract: ScriptContract | undefined = undefined;
