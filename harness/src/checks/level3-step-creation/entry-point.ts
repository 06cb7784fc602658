import { posix } from 'node:path';
import type { AdapterInput } from '@stepscore/sagemaker';
import { isUnderContainerPath } from '@stepscore/step-model';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { adapterOf, literalText, problemsPerScenario } from './scenario-judgement.js';

/**
 * The text of a launcher the container runs: a file at `path` that an input mounts from an object the builder
 * uploaded (the SDK's FrameworkProcessor runs such a runproc.sh, which runs the entry point).
 */
function launcherText(path: string, inputs: readonly AdapterInput[], scenario: CreatedScenario): string | undefined {
  for (const input of inputs) {
    if (input.containerPath === undefined || typeof input.source !== 'string' || !isUnderContainerPath(path, input.containerPath)) continue;
    const source = input.source.replace(/\/+$/, '');
    const wanted = path === input.containerPath ? source : `${source}/${path.slice(input.containerPath.replace(/\/+$/, '').length + 1)}`;
    const upload = scenario.uploads.find((u) => u.s3Uri === wanted || (u.s3Uri === source && posix.basename(u.s3Uri) === posix.basename(path)));
    if (upload) return upload.body;
  }
  return undefined;
}

/** Whether a launcher's text runs the script: its file name as a word of a command. */
function launches(text: string, script: string): boolean {
  return text.split(/\s+/).some((word) => posix.basename(word.replace(/^["']|["']$/g, '')) === script);
}

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
      const candidates = [...(adapter.entrypoint(s.step.Arguments) ?? []), ...adapter.jobArguments(s.step.Arguments)];
      const runs = candidates.map(literalText).filter((t): t is string => t !== undefined);
      if (runs.some((text) => posix.basename(text) === expected)) return [];
      const inputs = adapter.inputs(s.step.Arguments);
      if (runs.some((text) => text.startsWith('/') && launches(launcherText(text, inputs, s) ?? '', expected))) return [];
      // With the entry point given as a pipeline parameter, what runs is decided when the pipeline runs.
      if (s.plan.changed.some((c) => c.purpose === 'parameter') && candidates.some((c) => typeof c === 'object')) return [];
      return [`nothing in the request runs '${contract.entryPoint}' (entry point and arguments: ${runs.map((r) => `'${r}'`).join(', ') || 'none'})`];
    });
    return outcomeFromProblems(problems, `the container runs ${contract.entryPoint} in ${scenarios.length} scenario(s)`, problems.length > 1 ? { problems } : undefined);
  },
});
