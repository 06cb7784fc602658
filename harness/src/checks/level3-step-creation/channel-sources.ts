import { isDeepStrictEqual } from 'node:util';
import { isRecord } from './step-arguments.js';

/** How a channel's S3 URI relates to an input: it is the input, or a location below it (`<input>/<suffix>`). */
export type ChannelFeed = { readonly relation: 'exact' } | { readonly relation: 'under'; readonly suffix: string };

/** Whether `channelUri` reads `input`: the same value, `<input>/...` as a string, or a `Std:Join` on '/' starting with it. */
export function channelFeed(channelUri: unknown, input: unknown): ChannelFeed | undefined {
  if (isDeepStrictEqual(channelUri, input)) return { relation: 'exact' };
  if (typeof channelUri === 'string' && typeof input === 'string') {
    const base = input.replace(/\/+$/, '');
    return channelUri.startsWith(`${base}/`) ? { relation: 'under', suffix: channelUri.slice(base.length + 1) } : undefined;
  }
  const join = isRecord(channelUri) ? channelUri['Std:Join'] : undefined;
  if (isRecord(join) && join['On'] === '/' && Array.isArray(join['Values']) && isDeepStrictEqual(join['Values'][0], input)) {
    return { relation: 'under', suffix: join['Values'].slice(1).map(String).join('/') };
  }
  return undefined;
}

/** Whether an S3 object URI is the channel's URI or lies below it (a channel may read a whole prefix). */
export function objectIsRead(objectUri: string, channelUri: unknown): boolean {
  if (typeof channelUri !== 'string') return false;
  return objectUri === channelUri || objectUri.startsWith(channelUri.endsWith('/') ? channelUri : `${channelUri}/`);
}

/**
 * The last path segment of the object a channel reads, when it can be known: a string URI that does not end
 * in '/' (a prefix), or a `Std:Join` whose last value is such a string.
 */
export function channelObjectPath(channelUri: unknown): string | undefined {
  if (typeof channelUri === 'string') return channelUri.endsWith('/') ? undefined : channelUri;
  const join = isRecord(channelUri) ? channelUri['Std:Join'] : undefined;
  if (isRecord(join) && Array.isArray(join['Values'])) {
    const last: unknown = join['Values'][join['Values'].length - 1];
    return typeof last === 'string' && !last.endsWith('/') ? last : undefined;
  }
  return undefined;
}
