import { StepBuilderBase } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { describeType } from './describe-type.js';
import { findOnChain, prototypeChain } from './prototype-chain.js';

/** The methods StepBuilderBase leaves abstract, and the parameter each must declare when it needs one. */
export const REQUIRED_METHODS: readonly { readonly name: string; readonly parameter?: string }[] = [
  { name: 'validateConfiguration' },
  { name: 'getInputs', parameter: 'inputs' },
  { name: 'getOutputs' },
  { name: 'createStep' },
];

/** The builder's own part of its prototype chain: the prototypes below StepBuilderBase (all of it when it does not inherit). */
function chainBelowBase(cls: abstract new (...args: never[]) => unknown): object[] {
  const chain = prototypeChain(cls);
  const base = chain.indexOf(StepBuilderBase.prototype);
  return base === -1 ? chain : chain.slice(0, base);
}

export const requiredMethods = defineCheck({
  id: 'level1.required_methods',
  level: 1,
  severity: 'major',
  appliesTo: 'all',
  title: 'The builder implements every method StepBuilderBase leaves abstract',
  run(ctx) {
    const cls = ctx.registration.builderClass;
    const className = cls.name || '(anonymous class)';
    // TypeScript erases abstract methods: one left abstract is simply absent from the prototype chain.
    const chain = chainBelowBase(cls);
    const problems: string[] = [];
    for (const { name, parameter } of REQUIRED_METHODS) {
      const found = findOnChain(chain, name);
      if (!found) {
        problems.push(`${className} must implement ${name}() (it is missing or left abstract)`);
        continue;
      }
      const method: unknown = found.descriptor.value;
      if (typeof method !== 'function') {
        problems.push(`${className}.${name} must be a method, but is ${found.descriptor.get ? 'an accessor' : describeType(method)}`);
        continue;
      }
      if (parameter && method.length < 1) {
        problems.push(`${className}.${name}() must take the '${parameter}' argument, but declares no parameter`);
      }
    }
    return outcomeFromProblems(problems, `${className} implements ${REQUIRED_METHODS.map((m) => m.name).join(', ')}`);
  },
});
