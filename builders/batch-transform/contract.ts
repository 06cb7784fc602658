import type { ScriptContract } from '@stepscore/step-model';

/** None: a Transform step runs the model's container, not a script of its own. */
export const batchTransformContract: ScriptContract | undefined = undefined;
