import type { ScriptContract } from '@stepscore/step-model';

/**
 * None: a CreateModel step runs no script of its own. The inference script belongs to the model (packed in
 * model.tar.gz under `code/`) and the serving container runs it, so there is nothing for a contract to declare.
 */
export const pytorchModelContract: ScriptContract | undefined = undefined;
