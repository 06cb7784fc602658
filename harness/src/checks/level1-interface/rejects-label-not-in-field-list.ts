import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import { objectAt, rawConfigCopy, rejectionProblem } from './config-rejection.js';

const FIELD = 'hyperparameters.label_name';

export const rejectsLabelNotInFieldList = defineCheck({
  id: 'level1.rejects_label_not_in_field_list',
  level: 1,
  severity: 'major',
  importance: 1.0,
  appliesTo: 'all',
  title: 'The config schema refuses a label name missing from the full field list, naming the field',
  run(ctx) {
    ctx.config(); // the unchanged config must be valid, so that a refusal is for the changed field
    const fieldList = objectAt(rawConfigCopy(ctx), ['hyperparameters'])?.['full_field_list'];
    if (!Array.isArray(fieldList)) {
      return notApplicable(`the ${ctx.registration.stepName} config has no hyperparameters.full_field_list to check a label against`);
    }
    // A name that cannot already be in the list.
    const missing = `not_a_field_${fieldList.join('_')}`;
    const problem = rejectionProblem(ctx, {
      field: FIELD,
      description: `${FIELD} = ${JSON.stringify(missing)}, which is not in hyperparameters.full_field_list`,
      mutate: (config) => {
        const hyperparameters = objectAt(config, ['hyperparameters']);
        if (hyperparameters) hyperparameters['label_name'] = missing;
      },
    });
    return outcomeFromProblems(problem ? [problem] : [], `refused label_name ${JSON.stringify(missing)}`);
  },
});
