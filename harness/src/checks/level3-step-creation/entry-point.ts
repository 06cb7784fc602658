import { posix } from 'node:path';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { adapterOf, literalText, problemsPerScenario, runsBuiltInAlgorithm } from './scenario-judgement.js';

export const entryPoint = defineCheck({
  id: 'level3.entry_point',
  level: 3,
  severity: 'blocker',
  appliesTo: ['Training', 'Processing'],
  title: "The container runs the script contract's entry point",
  async run(ctx) {
    await ctx.step();
    const contract = ctx.registration.contract;
    if (!contract) return fail(`${ctx.registration.stepName} runs a script but has no script contract, so what its container runs cannot be checked`);
    const adapter = adapterOf(ctx);
    const expected = posix.basename(contract.entryPoint);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const entrypoint = adapter.entrypoint(s.step.Arguments);
      const candidates = [...(entrypoint ?? []), ...adapter.jobArguments(s.step.Arguments)];
      const runs = candidates.map(literalText).filter((t): t is string => t !== undefined);
      const program = entrypoint === undefined ? undefined : commandProblem(entrypoint.map(literalText), expected, 'ContainerEntrypoint');
      if (program !== undefined) return [program];
      if (runs.some((text) => posix.basename(text) === expected)) return [];
      // A launcher the builder uploaded (a FrameworkProcessor's runproc.sh) runs the entry point in turn.
      const launchers = s.uploads.filter((u) => runs.some((text) => posix.basename(text) === posix.basename(u.s3Uri)));
      const running = launchers.flatMap((u) =>
        u.body
          .split('\n')
          .filter((line) => namesScript(line, expected))
          .map((line) => ({ uri: u.s3Uri, line })),
      );
      const unrunnable = running.map(({ uri, line }) => commandProblem(line.trim().split(/\s+/), expected, `the launcher ${uri}`));
      const launched = unrunnable.find((p) => p !== undefined);
      if (launched !== undefined) return [launched];
      if (running.length > 0) return [];
      // A mode the schema allows only without the script's settings (they were left out for it) may run the image's
      // built-in algorithm instead of a script; the other scenarios still must run the contract's.
      if (s.plan.changed.some((c) => c.purpose === 'left-out') && runsBuiltInAlgorithm(s.step.Arguments)) return [];
      // With the entry point given as a pipeline parameter, what runs is decided when the pipeline runs.
      if (s.plan.changed.some((c) => c.purpose === 'parameter') && candidates.some((c) => typeof c === 'object')) return [];
      return [`nothing in the request runs '${contract.entryPoint}' (entry point and arguments: ${runs.map((r) => `'${r}'`).join(', ') || 'none'})`];
    });
    return outcomeFromProblems(
      problems,
      `the container runs ${contract.entryPoint} in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});

/** Whether a line of a launcher names the script as a word of its own (also as the last part of a path). */
function namesScript(line: string, script: string): boolean {
  return new RegExp(`(^|[\\s/"'])${script.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s"']|$)`).test(line);
}

/**
 * What is wrong with a command that is meant to run the script: its first word is the program the container
 * executes, so it may be neither empty (nothing to execute) nor the script itself (a script fetched from S3 keeps no
 * executable bit, and a `.py` file needs its interpreter). A first word given as a pipeline expression is left alone.
 */
function commandProblem(words: readonly (string | undefined)[], script: string, where: string): string | undefined {
  if (words.length === 0) return undefined;
  const first = words[0];
  if (first === undefined) return undefined;
  if (first.trim() === '') return `${where} starts with an empty program name (${JSON.stringify(words)}): the container has nothing to execute`;
  if (posix.basename(first) === script) {
    return `${where} starts with the script itself (${JSON.stringify(words)}): nothing interprets it (a script fetched from S3 keeps no executable bit)`;
  }
  return undefined;
}
