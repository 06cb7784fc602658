import { createHash } from 'node:crypto';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { configFields } from '../../scenarios/config-fields.js';
import { findExpressions } from '../../simulator/pipeline-expressions.js';
import { reads } from './inputs-mounted.js';
import { adapterOf, isAtOrBelow, problemsPerScenario, stringsIn } from './scenario-judgement.js';
import { isPipelineExpression, type AdapterInput, type StepTypeAdapter } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';

/** An upload is read by an input when it is the input's object or lies below its prefix. */
/** Whether the key names the object's own digest: steps that share such a key write the very same bytes there. */
function isContentAddressed(s3Uri: string, body: string): boolean {
  return ['sha256', 'sha1', 'md5'].some((algorithm) => s3Uri.includes(createHash(algorithm).update(body).digest('hex')));
}

/**
 * The S3 locations the user set in the config's own fields. Fields the platform derives (the pipeline's S3 prefix)
 * are left out: a file the builder writes below them is the builder's to upload, not the user's.
 */
function configuredLocations(scenario: CreatedScenario, fields: ReadonlySet<string>): string[] {
  const config = scenario.config as unknown as Record<string, unknown>;
  return [...fields]
    .flatMap((field) => stringsIn(config[field]))
    .map((s) => s.value.replace(/\/+$/, ''))
    .filter((value) => value.startsWith('s3://'));
}

/** The ContentType the request declares for an input (a training channel, a transform input); undefined when none. */
function declaredContentType(args: unknown, input: AdapterInput): unknown {
  const at = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(input.requestPath);
  if (at === null || !isPlainRecord(args)) return undefined;
  const member = args[at[1]!];
  const record = at[2] === undefined ? member : Array.isArray(member) ? member[Number(at[2])] : undefined;
  return isPlainRecord(record) ? record['ContentType'] : undefined;
}

const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/**
 * An input the builder fills with its own uploads: a ContentType on it must be the one the builder uploaded them
 * with, since the algorithm or script reading the input is told to parse them as that type.
 */
function contentTypeProblems(args: unknown, input: AdapterInput, written: readonly { s3Uri: string; contentType?: string | undefined }[]): string[] {
  const declared = declaredContentType(args, input);
  if (declared === undefined) return [];
  return written
    .filter((u) => typeof u.contentType === 'string' && u.contentType !== '')
    .filter((u) => isPipelineExpression(declared) || typeof declared !== 'string' || mediaType(declared) !== mediaType(u.contentType as string))
    .map(
      (u) =>
        `input '${input.name}' declares ContentType ${JSON.stringify(declared)}, but the builder uploaded ${u.s3Uri} for it as ${u.contentType}: whatever reads the input parses it as the wrong type`,
    );
}

function uploadProblems(scenario: CreatedScenario, adapter: StepTypeAdapter, fields: ReadonlySet<string>): string[] {
  const given = Object.values(scenario.plan.inputs);
  const configured = configuredLocations(scenario, fields);
  const problems: string[] = [];
  for (const input of adapter.inputs(scenario.step.Arguments)) {
    const source = input.source;
    if (typeof source !== 'string' || !source.startsWith('s3://')) continue;
    if (given.some((g) => reads(input, g))) continue;
    const chosenByUser = configured.some((c) => isAtOrBelow(source, c));
    const written = scenario.uploads.filter((u) => isAtOrBelow(u.s3Uri, source));
    if (written.length === 0) {
      if (chosenByUser) continue;
      const all = scenario.uploads.map((u) => u.s3Uri).join(', ') || 'none';
      problems.push(
        `input '${input.name}' reads ${source}, which is neither a dependency nor a configured location, and nothing had been uploaded there when the step was returned (uploads: ${all})`,
      );
      continue;
    }
    for (const upload of written.filter((u) => u.s3Uri.toLowerCase().endsWith('.json') || (u.contentType ?? '').includes('json'))) {
      let content: unknown;
      try {
        content = JSON.parse(upload.body);
      } catch (error) {
        problems.push(`${upload.s3Uri}, uploaded for input '${input.name}', is not valid JSON: ${errorMessage(error)}`);
        continue;
      }
      // The file is written when the pipeline is defined; SageMaker resolves expressions in a step's arguments only.
      for (const { at, expression } of findExpressions(content)) {
        problems.push(
          `${upload.s3Uri}, uploaded for input '${input.name}', holds the pipeline expression ${JSON.stringify(expression)}${at === '' ? '' : ` at ${at}`}: the file is written when the pipeline is defined, so the script reads the expression itself, never its value`,
        );
      }
    }
    // Where the user chose the location, the data there and its type are the user's.
    if (!chosenByUser) problems.push(...contentTypeProblems(scenario.step.Arguments, input, written));
    // Where the user chose the location, sharing it is the user's choice.
    for (const upload of chosenByUser ? [] : written) {
      if (!upload.s3Uri.includes(scenario.step.Name) && !isContentAddressed(upload.s3Uri, upload.body)) {
        problems.push(
          `${upload.s3Uri}, generated for input '${input.name}', does not depend on the step's name, so two steps of this builder in one pipeline would share (and overwrite) it`,
        );
      }
    }
  }
  return problems;
}

export const generatedFilesUploaded = defineCheck({
  id: 'level3.generated_files_uploaded',
  level: 3,
  severity: 'blocker',
  appliesTo: 'all',
  title:
    'Files the builder generates for its inputs are uploaded (valid JSON with no pipeline expression, one per step, of the content type the input declares) before the step references them',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const fields = new Set(configFields(ctx.registration.configSchema).map((f) => f.name));
    const problems = problemsPerScenario(scenarios, (s) => uploadProblems(s, adapter, fields));
    return outcomeFromProblems(
      problems,
      `every generated input was uploaded first in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
