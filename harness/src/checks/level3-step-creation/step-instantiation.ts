import { defineCheck, fail } from '../../check/check-definition.js';
import { builderOutcome } from './builder-outcome.js';
import { isRecord, show } from './step-arguments.js';

export const stepInstantiation = defineCheck({
  id: 'level3.step_instantiation',
  level: 3,
  severity: 'blocker',
  importance: 1.4,
  appliesTo: 'all',
  title: 'A pipeline step is created from mocked inputs',
  async run(ctx) {
    const step: unknown = await ctx.step();
    const builder = ctx.registration.stepName;
    if (!isRecord(step)) return fail(`${builder}.createStep() returned ${show(step)}, not a step definition object`);
    const problems: string[] = [];
    if (typeof step['Name'] !== 'string' || step['Name'].trim() === '') {
      problems.push(`the step's Name is ${show(step['Name'])}; it must be a non-empty string`);
    }
    if (step['Type'] !== ctx.registration.stepType) {
      problems.push(`the step's Type is ${show(step['Type'])}, but ${builder} is registered as a ${ctx.registration.stepType} builder, so Type must be '${ctx.registration.stepType}'`);
    }
    if (!isRecord(step['Arguments'])) problems.push(`the step's Arguments are ${show(step['Arguments'])}; they must be an object (the service request)`);
    return builderOutcome(
      builder,
      problems,
      `${builder} created ${ctx.registration.stepType} step '${String(step['Name'])}' from mocked inputs`,
    );
  },
});
