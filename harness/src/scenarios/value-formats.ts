// Formats a setting's value (or its pattern) shows, read the same way wherever a probe or a check needs them.
import type { ConfigField } from './config-fields.js';

/**
 * An ISO-8601 duration of whole units (`P30D`, `PT1H`), as SageMaker Pipelines takes a cache's `ExpireAfter`. A
 * pattern, not a duration library: only the form is judged, never the length, and the libraries also take the fractions
 * ISO-8601 allows (`PT1.5S`), which this form does not.
 */
export const ISO_8601_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const S3_URI_START = /^s3:\/\//;

/** Whether a string setting holds an S3 location: its current value is one, or its pattern speaks of s3. */
export function holdsS3Location(field: ConfigField, current: unknown): boolean {
  return (typeof current === 'string' && S3_URI_START.test(current)) || (field.pattern ?? '').includes('s3');
}
