import { isPipelineExpression, stepTypeVocabulary } from '@stepscore/sagemaker';
import { sanitizeNameForSageMaker } from '@stepscore/step-builder';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { CreatePipelineCommand } from '../../aws/sagemaker-client.js';
import { JOB_COMMANDS } from '../../backends/job-commands.js';
import { errorMessage } from '../../error-message.js';
import { pipelineNameFor } from '../../catalogue/assemble-pipeline.js';
import { requireAssembledPipeline } from '../../catalogue/context-pipeline.js';
import { jsonDifferences, roundTripDifferences } from '../../simulator/json-differences.js';
import { withRecordingClient } from '../../backends/recording-client.js';
import { type RecordedRequest, RecordingRequestHandler } from '../../backends/recording-request-handler.js';
import { resolveExpressions } from '../../simulator/resolve-expressions.js';

const CREATE_PIPELINE = 'SageMaker.CreatePipeline';
const JSON_1_1 = 'application/x-amz-json-1.1';

/** The concrete S3 URI a reference stands for in the request; a real execution would put the upstream output there. */
function placeholderFor(get: string): string {
  return `s3://stepscore-wire-placeholder/${get.replace(/[^A-Za-z0-9._-]+/g, '/').replace(/\/+$/, '')}`;
}

/** `value` with every pipeline expression replaced by a concrete value, as SageMaker does before it calls the API. */
function withPlaceholders(value: unknown): unknown {
  const resolved = resolveExpressions(value, (get) => ({ ok: true, value: placeholderFor(get) })).value;
  // Only Std:JsonGet is left: it reads a property file a placeholder cannot stand in for structurally.
  const rest = (item: unknown): unknown => {
    if (isPipelineExpression(item)) return placeholderFor(JSON.stringify(item));
    if (Array.isArray(item)) return item.map(rest);
    if (typeof item === 'object' && item !== null) return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, rest(v)]));
    return item;
  };
  return rest(resolved);
}

interface Differences {
  /** Set by the builder, missing from what was serialised. */
  readonly dropped: string[];
  /** In what was serialised, not set by the builder (a renamed member shows as one dropped and one added). */
  readonly added: string[];
  readonly changed: { at: string; expected: unknown; sent: unknown }[];
}

function differences(expected: unknown, sent: unknown): Differences {
  const found: Differences = { dropped: [], added: [], changed: [] };
  for (const d of jsonDifferences(expected, sent)) {
    if (d.kind === 'dropped') found.dropped.push(d.at);
    else if (d.kind === 'added') found.added.push(d.at);
    else found.changed.push({ at: d.at || '(the whole value)', expected: d.expected, sent: d.found });
  }
  return found;
}

function describeDifferences(operation: string, d: Differences): string[] {
  const problems: string[] = [];
  if (d.dropped.length > 0) {
    problems.push(
      `${operation}: the SDK's serialiser dropped ${d.dropped.join(', ')} — SageMaker's ${operation} request has no such member, so the builder's value never reaches SageMaker`,
    );
  }
  if (d.added.length > 0) problems.push(`${operation}: the serialised request carries ${d.added.join(', ')}, which the builder did not set`);
  for (const c of d.changed) problems.push(`${operation}: ${c.at} was sent as ${JSON.stringify(c.sent)} but the builder set ${JSON.stringify(c.expected)}`);
  return problems;
}

/** The one request sent for `target`, or why there is not exactly one JSON request. */
function onlyRequest(handler: RecordingRequestHandler, target: string, problems: string[]): RecordedRequest | undefined {
  const sent = handler.sent(target);
  if (sent.length !== 1) {
    const targets = handler.requests.map((r) => r.target ?? '(no X-Amz-Target)');
    problems.push(`Expected one request with X-Amz-Target ${target}, found ${sent.length} (targets sent: ${targets.join(', ') || 'none'})`);
    return undefined;
  }
  const request = sent[0] as RecordedRequest;
  if (request.contentType !== JSON_1_1) problems.push(`${target} was sent as ${request.contentType ?? 'no content type'}, expected ${JSON_1_1}`);
  if (request.body === undefined) problems.push(`${target}'s body is not JSON: ${request.rawBody.slice(0, 200)}`);
  return request;
}

export const wireRequest = defineCheck({
  id: 'level4.wire_request',
  level: 4,
  severity: 'blocker',
  appliesTo: 'all',
  title: "The real SageMaker client serialises the pipeline and the step's create request without losing anything",
  async run(ctx) {
    const pipeline = await requireAssembledPipeline(ctx);
    const builder = ctx.builder();
    const vocabulary = stepTypeVocabulary(pipeline.builderStep.Type);
    if (!vocabulary)
      return fail(`${pipeline.builderStep.Name} has Type '${pipeline.builderStep.Type}', which is no SageMaker step type; its request cannot be sent`);
    const operation = vocabulary.createOperation;
    const target = `SageMaker.${operation}`;
    const handler = new RecordingRequestHandler();
    const problems: string[] = [];

    const pipelineName = pipelineNameFor(builder, 'wire');
    const definition = JSON.stringify(pipeline.definition);
    const jobRequest = {
      ...(withPlaceholders(pipeline.builderStep.Arguments) as Record<string, unknown>),
      [vocabulary.jobNameMember]: sanitizeNameForSageMaker(`wire-${pipeline.builderStep.Name}`),
    };
    await withRecordingClient(ctx.awsRegion(), handler, async (client) => {
      try {
        await client.send(new CreatePipelineCommand({ PipelineName: pipelineName, PipelineDefinition: definition, RoleArn: builder.role }));
      } catch (error) {
        problems.push(`The SDK could not send CreatePipeline: ${errorMessage(error)}`);
      }
      try {
        await JOB_COMMANDS[vocabulary.stepType].create(client, jobRequest);
      } catch (error) {
        problems.push(`The SDK could not send ${operation} with ${pipeline.builderStep.Name}'s Arguments: ${errorMessage(error)}`);
      }
    });

    const evidence: Record<string, unknown> = { targets: handler.requests.map((r) => r.target ?? null) };
    const pipelineRequest = onlyRequest(handler, CREATE_PIPELINE, problems);
    if (pipelineRequest?.body !== undefined) {
      const sent = pipelineRequest.body as Record<string, unknown>;
      const expected = { PipelineName: pipelineName, PipelineDefinition: definition, RoleArn: builder.role };
      const members = differences(expected, withoutIdempotencyToken(sent));
      problems.push(...describeDifferences('CreatePipeline', members));
      evidence['createPipeline'] = members;
      // The very text sent parses to the very definition: only a changed text needs comparing.
      if (typeof sent['PipelineDefinition'] === 'string' && sent['PipelineDefinition'] !== definition) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(sent['PipelineDefinition']);
        } catch (error) {
          problems.push(`CreatePipeline: the serialised PipelineDefinition is not JSON: ${errorMessage(error)}`);
        }
        if (parsed !== undefined) {
          const inDefinition = roundTripDifferences(JSON.parse(definition), parsed);
          if (inDefinition.length > 0) {
            evidence['pipelineDefinition'] = inDefinition;
            problems.push(`CreatePipeline: the serialised PipelineDefinition does not parse to the definition sent (${inDefinition.join('; ')})`);
          }
        }
      }
    }

    const sentJob = onlyRequest(handler, target, problems);
    if (sentJob?.body !== undefined) {
      const members = differences(JSON.parse(JSON.stringify(jobRequest)), sentJob.body);
      problems.push(...describeDifferences(operation, members));
      evidence['jobRequest'] = { operation, ...members, sent: sentJob.body };
    }

    return outcomeFromProblems(problems, `CreatePipeline and ${operation} were serialised as ${JSON_1_1} with nothing dropped, renamed or changed`, evidence);
  },
});

/** The SDK fills in CreatePipeline's idempotency token itself; it is not part of what is compared. */
function withoutIdempotencyToken(sent: Record<string, unknown>): Record<string, unknown> {
  const { ClientRequestToken: _token, ...rest } = sent;
  return rest;
}
