import { isDeepStrictEqual } from 'node:util';
import { type DocumentedAlgorithm, documentedAlgorithmFor, isPipelineExpression } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { problemsPerScenario, runsBuiltInAlgorithm } from './scenario-judgement.js';

function decode(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Python's str() of a scalar, as a built-in algorithm reads it; undefined for values compared otherwise. */
function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return undefined;
}

/**
 * A built-in algorithm reads its hyperparameters as plain text, not JSON: each must be a string, and a configured
 * scalar must arrive as its text (a fractional number as text that reads back to it). An algorithm whose accepted
 * names are known refuses the job for any other name: such a name must not be sent, configured or not.
 */
function plainTextProblems(sent: Readonly<Record<string, unknown>>, configured: unknown, algorithm: DocumentedAlgorithm | undefined): string[] {
  const problems: string[] = [];
  const accepted = algorithm && new Set(algorithm.acceptedNames);
  for (const [name, value] of Object.entries(sent)) {
    if (!isPipelineExpression(value) && typeof value !== 'string')
      problems.push(`HyperParameters.${name} is ${JSON.stringify(value)}; SageMaker takes only strings`);
    if (accepted && !accepted.has(name))
      problems.push(
        `HyperParameters.${name} is no hyperparameter of ${algorithm.algorithm}, which fails the job before it reads any data ("Extraneous hyperparameter found: ${name}")`,
      );
  }
  if (!isPlainRecord(configured)) return problems;
  for (const [name, value] of Object.entries(configured)) {
    if (accepted && !accepted.has(name)) continue;
    const found = sent[name];
    if (isPipelineExpression(value) || (found !== undefined && isPipelineExpression(found))) continue;
    const text = plainText(value);
    const fractional = typeof value === 'number' && !Number.isInteger(value);
    if (text === undefined && !fractional) continue;
    if (found === undefined) problems.push(`the configured hyperparameter '${name}' is not sent to the built-in algorithm`);
    else if (fractional ? Number(found) !== value : found !== text)
      problems.push(
        `HyperParameters.${name} is ${JSON.stringify(found)}, not the configured ${JSON.stringify(value)} as text (the built-in algorithm reads plain text)`,
      );
  }
  return problems;
}

function encodingProblems(scenario: CreatedScenario, optionalDependencies: ReadonlySet<string>, algorithm: DocumentedAlgorithm | undefined): string[] {
  const sent = scenario.step.Arguments['HyperParameters'];
  if (sent === undefined) return [];
  if (!isPlainRecord(sent)) return [`HyperParameters is ${JSON.stringify(sent)}; it must be a map of strings`];
  if (runsBuiltInAlgorithm(scenario.step.Arguments))
    return plainTextProblems(sent, (scenario.config as { hyperparameters?: unknown }).hyperparameters, algorithm);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(sent)) {
    if (isPipelineExpression(value)) continue;
    if (typeof value !== 'string') problems.push(`HyperParameters.${name} is ${JSON.stringify(value)}; SageMaker takes only strings`);
    else if (!decode(value).ok)
      problems.push(`HyperParameters.${name} is '${value}', which is not json.dumps output (the framework container decodes every value as JSON)`);
  }
  const configured = (scenario.config as { hyperparameters?: unknown }).hyperparameters;
  if (!isPlainRecord(configured)) return problems;
  const files = scenario.uploads.flatMap((u) => {
    const decoded = decode(u.body);
    return decoded.ok && isPlainRecord(decoded.value) ? [{ uri: u.s3Uri, values: decoded.value }] : [];
  });
  for (const [name, value] of Object.entries(configured)) {
    const found = sent[name];
    if (found === undefined) {
      // A builder may hand its hyperparameters to the script in a JSON file it uploads instead.
      const file = files.find((f) => name in f.values);
      // An optional dependency may bring the script its settings in place of the config's.
      const replaced = Object.keys(scenario.plan.inputs).some((input) => optionalDependencies.has(input));
      if (!file && !replaced)
        problems.push(`the configured hyperparameter '${name}' reaches the script neither in HyperParameters nor in a JSON file the builder uploaded`);
      else if (file && !isDeepStrictEqual(file.values[name], value))
        problems.push(`'${name}' is ${JSON.stringify(file.values[name])} in ${file.uri}, not the configured ${JSON.stringify(value)}`);
      continue;
    }
    if (isPipelineExpression(value) || isPipelineExpression(found)) continue;
    if (typeof found !== 'string') continue;
    const decoded = decode(found);
    if (decoded.ok && !isDeepStrictEqual(decoded.value, value)) {
      problems.push(`HyperParameters.${name} is '${found}', which decodes to ${JSON.stringify(decoded.value)}, not the configured ${JSON.stringify(value)}`);
    }
  }
  return problems;
}

export const hyperparametersEncoded = defineCheck({
  id: 'level3.hyperparameters_encoded',
  level: 3,
  severity: 'major',
  appliesTo: ['Training'],
  title: 'Every hyperparameter is sent as json.dumps text that decodes back to the configured value',
  async run(ctx) {
    await ctx.step();
    const scenarios = await ctx.createdScenarios();
    const optional = new Set(
      ctx
        .specification()
        .listOptionalDependencies()
        .map((d) => d.logicalName),
    );
    const algorithm = documentedAlgorithmFor(ctx.registration.framework);
    const problems = problemsPerScenario(scenarios, (s) => encodingProblems(s, optional, algorithm));
    return outcomeFromProblems(
      problems,
      `hyperparameters decode back to the configured values in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
