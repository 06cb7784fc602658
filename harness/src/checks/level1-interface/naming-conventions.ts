import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { methodNames, prototypeChain } from './prototype-chain.js';

const SUFFIX = 'StepBuilder';
const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL_CASE = /^[a-z][A-Za-z0-9]*$/;

export const namingConventions = defineCheck({
  id: 'level1.naming_conventions',
  level: 1,
  severity: 'minor',
  appliesTo: 'all',
  title: 'Class, step and method names follow the conventions',
  run(ctx) {
    const { builderClass, stepName, spec } = ctx.registration;
    const className = builderClass.name;
    const problems: string[] = [];
    if (!className.endsWith(SUFFIX)) {
      problems.push(`Class name '${className}' must end with '${SUFFIX}'`);
    } else {
      const prefix = className.slice(0, -SUFFIX.length);
      if (!PASCAL_CASE.test(prefix)) problems.push(`Step type '${prefix}' must be in PascalCase`);
      if (prefix !== stepName) {
        problems.push(`Class name '${className}' must be the registry step name plus '${SUFFIX}' ('${stepName}${SUFFIX}')`);
      }
    }
    if (spec.stepType !== stepName) {
      problems.push(`The specification's stepType '${spec.stepType}' must equal the registry step name '${stepName}'`);
    }
    // A leading underscore marks a method as internal by convention; the rest are public.
    const badMethods = methodNames(prototypeChain(builderClass)).filter((m) => !m.startsWith('_') && !CAMEL_CASE.test(m));
    for (const method of badMethods) problems.push(`Public method '${method}' should be in camelCase`);
    return outcomeFromProblems(problems, `${className}, step '${stepName}' and every public method are named by convention`, {
      className,
      stepName,
      specStepType: spec.stepType,
      ...(badMethods.length > 0 ? { badMethods } : {}),
    });
  },
});
