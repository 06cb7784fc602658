import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import { argumentAt, isRecord, show } from './step-arguments.js';

/** Framework containers pass each hyperparameter to the script as `--name value`: that is where job arguments travel. */
export const jobArgumentsInRequest = defineCheck({
  id: 'level3.job_arguments_in_request',
  level: 3,
  severity: 'major',
  importance: 1.0,
  appliesTo: ['Training'],
  title: "The contract's job arguments reach the job as hyperparameters",
  async run(ctx) {
    const builder = ctx.builder();
    const expected = Object.keys(builder.contract?.expectedArguments ?? {});
    if (expected.length === 0) return notApplicable('the script contract declares no job arguments');
    const args = builder.getJobArguments() ?? [];
    const step = await ctx.step();
    const hyperparameters = argumentAt(step, 'HyperParameters');
    const sent = isRecord(hyperparameters) ? hyperparameters : {};
    const problems: string[] = [];
    for (const name of expected) {
      const index = args.indexOf(`--${name}`);
      const value = index >= 0 ? args[index + 1] : undefined;
      const encoded = sent[name];
      if (encoded === undefined) {
        problems.push(`job argument --${name} (from the contract) is not among the step's HyperParameters, so the script never receives it`);
        continue;
      }
      let decoded: unknown;
      try {
        decoded = typeof encoded === 'string' ? JSON.parse(encoded) : encoded;
      } catch {
        decoded = encoded;
      }
      if (decoded !== value) problems.push(`HyperParameters.${name} is ${show(encoded)}, but getJobArguments() gives --${name} ${show(value)}`);
    }
    return outcomeFromProblems(problems, `${expected.length} job argument(s) sent as hyperparameters`);
  },
});
