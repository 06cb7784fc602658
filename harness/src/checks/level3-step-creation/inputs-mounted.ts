import { posix } from 'node:path';
import { type AdapterInput, type DocumentedAlgorithm, documentedAlgorithmFor } from '@stepscore/sagemaker';
import { isUnderContainerPath } from '@stepscore/step-model';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { algorithmChannelProblems } from './algorithm-channels.js';
import { adapterOf, isAtOrBelow, problemsPerScenario, runsBuiltInAlgorithm } from './scenario-judgement.js';

/** Whether an input reads the given location: the same value, or an object below a given prefix. */
export function reads(input: AdapterInput, given: unknown): boolean {
  if (typeof input.source === 'string' && typeof given === 'string') return isAtOrBelow(input.source, given);
  return JSON.stringify(input.source) === JSON.stringify(given);
}

/** Where the data of `input` lands in the container, when it reads `given`. */
function landsAt(input: AdapterInput, given: unknown): string | undefined {
  if (input.containerPath === undefined) return undefined;
  if (typeof input.source === 'string' && typeof given === 'string' && input.source.replace(/\/+$/, '') !== given.replace(/\/+$/, '')) {
    return `${input.containerPath}/${input.source.slice(given.replace(/\/+$/, '').length + 1)}`;
  }
  return input.containerPath;
}

function mountedAsContracted(input: AdapterInput, given: unknown, contractPath: string): boolean {
  const mount = landsAt(input, given);
  if (mount === undefined) return false;
  if (isUnderContainerPath(mount, contractPath)) return true;
  if (!isUnderContainerPath(contractPath, mount)) return false;
  // The contract reads a file inside the mount: a named object lands under its own name; a prefix may hold any name.
  const object = typeof input.source === 'string' ? posix.basename(input.source) : '';
  return object.includes('.') ? `${mount}/${object}` === contractPath : true;
}

/**
 * A file the contract reads from an input the builder fills itself (no dependency given, the object uploaded by the
 * builder): the object it uploads must land at the contract's path — its own name when the input reads the object,
 * the rest of the path below the input's prefix otherwise.
 */
function generatedFileProblems(scenario: CreatedScenario, inputs: readonly AdapterInput[], contractPaths: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [logical, path] of Object.entries(contractPaths)) {
    if (logical in scenario.plan.inputs || !posix.basename(path).includes('.')) continue;
    for (const input of inputs) {
      const mount = input.containerPath;
      const source = input.source;
      if (mount === undefined || typeof source !== 'string' || path === mount || !isUnderContainerPath(path, mount)) continue;
      const generated = scenario.uploads.filter((u) => isAtOrBelow(u.s3Uri, source)).map((u) => u.s3Uri);
      if (generated.length === 0) continue;
      const readsObject = posix.basename(source).includes('.');
      const landsAtPath = readsObject
        ? `${mount}/${posix.basename(source)}` === path
        : generated.includes(`${source.replace(/\/+$/, '')}/${path.slice(mount.length + 1)}`);
      if (!landsAtPath) {
        problems.push(
          `the script contract reads '${logical}' at ${path}, but input '${input.name}' (mounted at ${mount}) holds only what the builder ` +
            `generated, ${generated.join(', ')}, and none of it lands at ${path}`,
        );
      }
    }
  }
  return problems;
}

function scenarioProblems(
  scenario: CreatedScenario,
  inputs: readonly AdapterInput[],
  contractPaths: Readonly<Record<string, string>> | undefined,
  dataDependencies: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const names = inputs.map((i) => i.name);
  const repeated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (repeated.length > 0) problems.push(`input name(s) ${repeated.join(', ')} are used more than once; SageMaker needs them unique`);
  const listed = inputs.map((i) => `${i.name} <- ${JSON.stringify(i.source)}${i.containerPath ? ` at ${i.containerPath}` : ''}`).join(', ');
  for (const [logical, given] of Object.entries(scenario.plan.inputs)) {
    if (!dataDependencies.has(logical)) continue;
    const fed = inputs.filter((i) => reads(i, given));
    if (fed.length === 0) {
      problems.push(`dependency '${logical}' (${JSON.stringify(given)}) reaches no input of the request (inputs: ${listed || 'none'})`);
      continue;
    }
    const contractPath = contractPaths?.[logical];
    if (contractPaths === undefined) continue;
    if (contractPath === undefined) {
      problems.push(`dependency '${logical}' is mounted (${fed.map((i) => i.name).join(', ')}) but the script contract has no path for it`);
      continue;
    }
    for (const input of fed) {
      if (!mountedAsContracted(input, given, contractPath)) {
        problems.push(
          `dependency '${logical}' feeds input '${input.name}', which SageMaker mounts at ${landsAt(input, given) ?? 'no container path'}, ` +
            `but the script contract reads it at ${contractPath}`,
        );
      }
    }
  }
  if (contractPaths !== undefined) {
    problems.push(...generatedFileProblems(scenario, inputs, contractPaths));
    const read = Object.entries(contractPaths).filter(([logical]) => dataDependencies.has(logical));
    const mounts = inputs.map((i) => i.containerPath).filter((p): p is string => p !== undefined);
    const reached = read.filter(([, path]) => mounts.some((m) => isUnderContainerPath(m, path) || isUnderContainerPath(path, m)));
    // Optional dependencies may be left out, but a script whose every input is left empty has nothing to work on.
    if (read.length > 0 && reached.length === 0) {
      problems.push(
        `the script contract reads ${read.map(([logical, path]) => `'${logical}' at ${path}`).join(', ')}, but the request mounts nothing at any of them ` +
          `(dependencies given: ${Object.keys(scenario.plan.inputs).join(', ') || 'none'}; inputs: ${listed || 'none'})`,
      );
    }
  }
  return problems;
}

export const inputsMounted = defineCheck({
  id: 'level3.inputs_mounted',
  level: 3,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'Every dependency reaches an input of the request, mounted where the script contract reads it (a built-in algorithm: in the channels it documents)',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const contract = ctx.registration.contract;
    const scripted = adapter.vocabulary.containerPaths !== null;
    if (scripted && !contract)
      return fail(`${ctx.registration.stepName} runs a script but has no script contract, so its inputs cannot be matched to container paths`);
    // A dependency that carries a name (String data, e.g. a model name) is no data to mount.
    const data = new Set([...ctx.specification().dependencies.values()].filter((d) => d.dataType !== 'String').map((d) => d.logicalName));
    const scenarios = await ctx.createdScenarios();
    // A training image that can also run a documented built-in algorithm: a request that runs it (no script) must
    // give it the channels it reads.
    const algorithm: DocumentedAlgorithm | undefined =
      ctx.registration.stepType === 'Training' ? documentedAlgorithmFor(ctx.registration.framework) : undefined;
    const problems = problemsPerScenario(scenarios, (s) => {
      const args = s.step.Arguments as Readonly<Record<string, unknown>>;
      const builtIn = algorithm !== undefined && runsBuiltInAlgorithm(args) ? algorithmChannelProblems(algorithm, args) : [];
      return [...scenarioProblems(s, adapter.inputs(s.step.Arguments), scripted ? contract?.expectedInputPaths : undefined, data), ...builtIn];
    });
    return outcomeFromProblems(
      problems,
      `every dependency reaches its input${scripted ? ' at the contract path' : ''} in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
