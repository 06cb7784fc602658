// A setting that holds an S3 location gets one probe per part of an `s3://bucket/key` URI, each broken on its own:
// a single malformed value ('not a valid value!') fails every weakened pattern alike, so a pattern that lost its
// start anchor or accepts an empty bucket would pass it.

import type { ConfigField } from './config-fields.js';
import { holdsS3Location } from './value-formats.js';
import type { InvalidConfigProbe } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

const WELL_FORMED_KEY = 'stepscore-probe/key';

const MALFORMED: readonly { readonly value: string; readonly what: string }[] = [
  { value: `xs3://stepscore-probe-bucket/${WELL_FORMED_KEY}`, what: 'a scheme other than s3://' },
  { value: `s3:///${WELL_FORMED_KEY}`, what: 'no bucket' },
];

/** A string setting whose value in the default config, default or pattern is an S3 location (and only such). */
function isS3Setting(field: ConfigField, raw: Raw): boolean {
  return field.type === 'string' && field.enum === undefined && holdsS3Location(field, raw[field.name] ?? field.default);
}

export function malformedS3Probes(raw: Raw, fields: readonly ConfigField[]): InvalidConfigProbe[] {
  return fields
    .filter((f) => isS3Setting(f, raw))
    .flatMap((f) =>
      MALFORMED.map(({ value, what }) => ({
        field: f.name,
        description: `${f.name} = '${value}' (${what}: not an S3 location)`,
        rawConfig: { ...raw, [f.name]: value },
      })),
    );
}
