// A setting that holds an S3 location gets one probe per part of an `s3://bucket/key` URI, each broken on its own:
// a single malformed value ('not a valid value!') fails every weakened pattern alike, so a pattern that lost its
// start anchor or accepts an empty bucket would pass it.

import type { ConfigField } from './config-fields.js';
import type { InvalidConfigProbe } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

const S3_URI = /^s3:\/\//;
const WELL_FORMED_KEY = 'stepscore-probe/key';

const MALFORMED: readonly { readonly value: string; readonly what: string }[] = [
  { value: `xs3://stepscore-probe-bucket/${WELL_FORMED_KEY}`, what: 'a scheme other than s3://' },
  { value: `s3:///${WELL_FORMED_KEY}`, what: 'no bucket' },
];

/** A string setting whose value in the default config, default or pattern is an S3 location (and only such). */
function holdsS3Location(field: ConfigField, raw: Raw): boolean {
  if (field.type !== 'string' || field.enum !== undefined) return false;
  const current = raw[field.name] ?? field.default;
  return (typeof current === 'string' && S3_URI.test(current)) || (field.pattern ?? '').includes('s3');
}

export function malformedS3Probes(raw: Raw, fields: readonly ConfigField[]): InvalidConfigProbe[] {
  return fields
    .filter((f) => holdsS3Location(f, raw))
    .flatMap((f) =>
      MALFORMED.map(({ value, what }) => ({
        field: f.name,
        description: `${f.name} = '${value}' (${what}: not an S3 location)`,
        rawConfig: { ...raw, [f.name]: value },
      })),
    );
}
