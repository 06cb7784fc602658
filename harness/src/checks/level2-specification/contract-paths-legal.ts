import { validateTrainingScriptContract } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

export const contractPathsLegal = defineCheck({
  id: 'level2.contract_paths_legal',
  level: 2,
  severity: 'blocker',
  appliesTo: ['Training'],
  title: 'The script contract uses legal container paths and a Python entry point',
  run(ctx) {
    const { errors } = validateTrainingScriptContract(ctx.registration.contract);
    return outcomeFromProblems(errors, 'inputs under /opt/ml/input, outputs under /opt/ml/model, /opt/ml/output/data or /opt/ml/checkpoints, entry point a .py file');
  },
});
