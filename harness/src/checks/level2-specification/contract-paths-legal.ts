import { isStepTypeName } from '@stepscore/sagemaker';
import { validateScriptContract } from '@stepscore/step-model';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { nestedArtefactProblems } from './nested-artefacts.js';

export const contractPathsLegal = defineCheck({
  id: 'level2.contract_paths_legal',
  level: 2,
  severity: 'blocker',
  appliesTo: ['Training', 'Processing'],
  title: "The script contract's container paths are legal for the step type, no output inside another's directory",
  run(ctx) {
    const { stepType, contract } = ctx.registration;
    if (!isStepTypeName(stepType)) return fail(`'${stepType}' is not a SageMaker step type`);
    const { errors } = validateScriptContract(contract, stepType);
    const problems = [...errors, ...(contract ? nestedArtefactProblems(contract) : [])];
    return outcomeFromProblems(problems, `every contract path is legal for a ${stepType} step and has a directory of its own`);
  },
});
