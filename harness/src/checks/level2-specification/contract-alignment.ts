import { isDeepStrictEqual } from 'node:util';
import { pythonListRepr, validateContractAlignment } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

const byLogicalName = (items: readonly { logicalName: string }[]): Map<string, unknown> =>
  new Map(items.map((item) => [String(item.logicalName).trim(), item]));

export const contractAlignment = defineCheck({
  id: 'level2.contract_alignment',
  level: 2,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'Specification and script contract agree both ways',
  run(ctx) {
    // From the registration's data, not the builder: the builder refuses to construct on this very defect.
    const { spec, contract, stepName } = ctx.registration;
    const { errors } = validateContractAlignment({ dependencies: byLogicalName(spec.dependencies), outputs: byLogicalName(spec.outputs) }, contract);
    // The message the builder refuses to construct with: `Spec-Contract alignment errors: [...]`.
    const problems = errors.length > 0 ? [`Spec-Contract alignment errors: ${pythonListRepr(errors)}`] : [];
    if (spec.scriptContract && !isDeepStrictEqual(spec.scriptContract, contract)) {
      problems.push(`The specification's scriptContract is not the contract ${stepName} is registered with: the builder would follow a different contract`);
    }
    return outcomeFromProblems(
      problems,
      'every contract input and output is in the specification, and the other way round',
      problems.length > 0 ? { errors: problems } : undefined,
    );
  },
});
