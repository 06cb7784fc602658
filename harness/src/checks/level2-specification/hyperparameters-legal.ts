import { validateCreateTrainingJobRequest } from '@stepscore/sagemaker';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';

const MEMBER = 'HyperParameters';

export const hyperparametersLegal = defineCheck({
  id: 'level2.hyperparameters_legal',
  level: 2,
  severity: 'blocker',
  appliesTo: ['Training'],
  title: "The builder's hyperparameters form a legal SageMaker hyperparameter map",
  run(ctx) {
    const builder = ctx.builder() as unknown as { getHyperparameters?: () => unknown };
    if (typeof builder.getHyperparameters !== 'function') {
      return fail(`${ctx.registration.stepName} is a Training builder without getHyperparameters(): it must extend TrainingStepBuilder`);
    }
    let hyperparameters: unknown;
    try {
      hyperparameters = builder.getHyperparameters();
    } catch (error) {
      return fail(`getHyperparameters() threw: ${errorMessage(error)}`);
    }
    // The limits (entries, key and value lengths, string values) are the service model's, via the generated constraints.
    const violations = validateCreateTrainingJobRequest({ [MEMBER]: hyperparameters }).filter(
      (v) => v.path === MEMBER || v.path.startsWith(`${MEMBER}[`) || v.path.startsWith(`${MEMBER}.`),
    );
    const count = hyperparameters !== null && typeof hyperparameters === 'object' ? Object.keys(hyperparameters).length : 0;
    return outcomeFromProblems(
      violations.map((v) => v.message),
      `${count} hyperparameter(s), every key and value within SageMaker's limits`,
      violations.length > 0 ? { violations } : undefined,
    );
  },
});
