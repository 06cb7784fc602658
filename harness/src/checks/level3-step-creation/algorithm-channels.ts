// The channels a built-in algorithm documents, held against a request that runs it (see level3.inputs_mounted).
import { type DocumentedAlgorithm, isPipelineExpression } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';

/** The channels of a training request: each one's name and, when given, its content type. */
function channelsOf(args: Readonly<Record<string, unknown>>): { name: unknown; contentType: unknown }[] {
  const config = args['InputDataConfig'];
  if (!Array.isArray(config)) return [];
  return config.map((channel: unknown) =>
    isPlainRecord(channel) ? { name: channel['ChannelName'], contentType: channel['ContentType'] } : { name: undefined, contentType: undefined },
  );
}

/**
 * What a training request that runs the image's built-in algorithm (not a script) does wrong with its channels,
 * against the algorithm's documentation: a channel it does not read, a content type it cannot parse, a required
 * channel missing. (A script reads whatever channels its contract says; the algorithm's are fixed.)
 */
export function algorithmChannelProblems(algorithm: DocumentedAlgorithm, args: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const channels = channelsOf(args);
  const known = algorithm.channels.map((c) => c.name).join(', ');
  for (const { name, contentType } of channels) {
    const documented = algorithm.channels.find((c) => c.name === name);
    if (!documented) {
      problems.push(`channel ${JSON.stringify(name)} is not one ${algorithm.algorithm} reads (its channels: ${known})`);
      continue;
    }
    if (contentType === undefined || isPipelineExpression(contentType)) continue;
    const mime = typeof contentType === 'string' ? contentType.split(';')[0]!.trim() : undefined;
    if (mime === undefined || !documented.contentTypes.includes(mime)) {
      problems.push(
        `channel '${documented.name}' has ContentType ${JSON.stringify(contentType)}; ${algorithm.algorithm} reads ${documented.contentTypes.join(', ')}`,
      );
    }
  }
  const given = new Set(channels.map((c) => c.name));
  for (const required of algorithm.channels.filter((c) => c.required && !given.has(c.name))) {
    problems.push(
      `no '${required.name}' channel, which ${algorithm.algorithm} requires (channels given: ${[...given].map((n) => JSON.stringify(n)).join(', ') || 'none'})`,
    );
  }
  return problems;
}
