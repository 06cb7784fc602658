import { defineCheck, fail, outcomeFromProblems, pass } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { configValueFor } from './config-value.js';

export const jobArguments = defineCheck({
  id: 'level2.job_arguments',
  level: 2,
  severity: 'major',
  appliesTo: 'all',
  title: "Job arguments are the contract's expected arguments, with the config's values",
  run(ctx) {
    const config = ctx.config();
    const builder = ctx.builder();
    const declared = Object.entries(ctx.registration.contract?.expectedArguments ?? {});
    const expected = declared.flatMap(([name, fallback]) => [`--${name}`, configValueFor(config, name) ?? fallback]);
    let actual: unknown;
    try {
      actual = builder.getJobArguments();
    } catch (error) {
      return fail(`getJobArguments() threw: ${errorMessage(error)}`);
    }
    const found = actual === undefined ? [] : actual;
    if (!Array.isArray(found)) return fail(`getJobArguments() must return undefined or a string array, got ${JSON.stringify(actual)}`);
    if (JSON.stringify(found) === JSON.stringify(expected)) {
      return pass(expected.length === 0 ? 'the contract declares no arguments and the builder passes none' : `arguments ${expected.join(' ')}`);
    }
    if (expected.length === 0) {
      const invented = found.filter((item: unknown) => typeof item === 'string' && item.startsWith('--'));
      return fail(
        `getJobArguments() returned ${JSON.stringify(found)}, but the contract declares no arguments: the builder invents ${invented.join(', ') || 'them'}`,
        { expected: [], found },
      );
    }
    const problems: string[] = [];
    const pairs = new Map<string, unknown>();
    for (let i = 0; i < found.length; i += 2) pairs.set(String(found[i]), found[i + 1]);
    for (const [name, fallback] of declared) {
      const want = configValueFor(config, name) ?? fallback;
      if (!pairs.has(`--${name}`)) problems.push(`argument --${name} is missing (expected '${want}')`);
      else if (pairs.get(`--${name}`) !== want) problems.push(`argument --${name}: expected '${want}', found ${JSON.stringify(pairs.get(`--${name}`))}`);
    }
    const declaredFlags = new Set(declared.map(([name]) => `--${name}`));
    for (const flag of pairs.keys()) if (!declaredFlags.has(flag)) problems.push(`argument ${flag} is not declared by the contract`);
    if (problems.length === 0) problems.push(`getJobArguments() returned ${JSON.stringify(found)}; expected exactly ${JSON.stringify(expected)}`);
    return outcomeFromProblems(problems, undefined, { expected, found });
  },
});
