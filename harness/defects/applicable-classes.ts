// Which defect classes a builder of each step type can have: the corpus must hold a caught defect of every class
// that applies to every step type among its bases. A class that does not apply says why, from the step type alone.
import { isStepTypeName, type StepTypeName } from '@stepscore/sagemaker';
import { DEFECT_CLASSES, type DefectClass } from './defect.js';

export interface ClassApplicability {
  readonly applies: boolean;
  /** Why not, when it does not apply. */
  readonly reason?: string;
}

const ALL_APPLY: Readonly<Record<DefectClass, ClassApplicability>> = Object.fromEntries(
  (Object.keys(DEFECT_CLASSES) as DefectClass[]).map((c) => [c, { applies: true }]),
) as Record<DefectClass, ClassApplicability>;

const NO_CONTRACT = (what: string): ClassApplicability => ({
  applies: false,
  reason: `${what} runs no script of its own, so it has no script contract for its request to disagree with`,
});

/**
 * Training and Processing run a script: all nine classes apply. Transform and CreateModel have no contract, so
 * 'contract and request disagree' does not apply, and 'specification' means the spec alone (its property paths,
 * aliases, step type). A CreateModel step writes and uploads nothing and Pipelines names the model per execution,
 * so there is nothing in it two executions could share.
 */
export const APPLICABLE_CLASSES: Readonly<Record<StepTypeName, Readonly<Record<DefectClass, ClassApplicability>>>> = {
  Training: ALL_APPLY,
  Processing: ALL_APPLY,
  Transform: { ...ALL_APPLY, 'contract-request-disagree': NO_CONTRACT('a Transform step (it runs the model’s container)') },
  CreateModel: {
    ...ALL_APPLY,
    'contract-request-disagree': NO_CONTRACT('a CreateModel step (the inference script belongs to the model)'),
    'not-reproducible': {
      applies: false,
      reason:
        'a CreateModel step has no output location and uploads no file: its only output, the model name, is chosen by ' +
        'Pipelines for each execution, so nothing in it can be shared by two executions or two steps',
    },
  },
};

function tableFor(stepType: string): Readonly<Record<DefectClass, ClassApplicability>> {
  if (!isStepTypeName(stepType)) throw new Error(`No table of applicable defect classes for the step type '${stepType}'`);
  return APPLICABLE_CLASSES[stepType];
}

/** The classes that apply to a step type, in the order of DEFECT_CLASSES. */
export function applicableClasses(stepType: string): DefectClass[] {
  const table = tableFor(stepType);
  return (Object.keys(DEFECT_CLASSES) as DefectClass[]).filter((c) => table[c].applies);
}

/** Whether a defect class applies to a step type. */
export function classApplies(stepType: string, defectClass: DefectClass): boolean {
  return tableFor(stepType)[defectClass].applies;
}
