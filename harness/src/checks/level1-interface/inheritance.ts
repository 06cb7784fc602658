import { StepBuilderBase, TrainingStepBuilder } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

export const inheritance = defineCheck({
  id: 'level1.inheritance',
  level: 1,
  severity: 'minor',
  appliesTo: 'all',
  title: 'The builder class inherits from StepBuilderBase (and TrainingStepBuilder for Training steps)',
  run(ctx) {
    const { builderClass, stepType } = ctx.registration;
    const name = builderClass.name || '(anonymous class)';
    const prototype: unknown = builderClass.prototype;
    const problems: string[] = [];
    if (!(prototype instanceof StepBuilderBase)) problems.push(`${name} must inherit from StepBuilderBase`);
    if (stepType === 'Training' && !(prototype instanceof TrainingStepBuilder)) {
      problems.push(`${name} is registered as a Training step but does not inherit from TrainingStepBuilder`);
    }
    const expected = stepType === 'Training' ? 'StepBuilderBase and TrainingStepBuilder' : 'StepBuilderBase';
    return outcomeFromProblems(problems, `${name} inherits from ${expected}`);
  },
});
