import { isStepTypeName } from '@stepscore/sagemaker';
import { STEP_BUILDER_BASES, StepBuilderBase } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

export const inheritance = defineCheck({
  id: 'level1.inheritance',
  level: 1,
  severity: 'minor',
  appliesTo: 'all',
  title: "The builder class inherits from StepBuilderBase and its step type's builder base",
  run(ctx) {
    const { builderClass, stepType } = ctx.registration;
    const name = builderClass.name || '(anonymous class)';
    const prototype: unknown = builderClass.prototype;
    const problems: string[] = [];
    if (!(prototype instanceof StepBuilderBase)) problems.push(`${name} must inherit from StepBuilderBase`);
    const base = isStepTypeName(stepType) ? STEP_BUILDER_BASES[stepType] : undefined;
    if (base && !(prototype instanceof base)) problems.push(`${name} is registered as a ${stepType} step but does not inherit from ${base.name}`);
    return outcomeFromProblems(problems, `${name} inherits from StepBuilderBase${base ? ` and ${base.name}` : ''}`);
  },
});
