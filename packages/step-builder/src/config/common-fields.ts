import { z } from 'zod';
import { isIso8601Duration } from './training-config.js';

const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An `s3://bucket/...` URI; `what` says what it should point at. */
export function s3UriField(what = 'an s3:// URI') {
  return z.string().regex(S3_URI, { error: `must be ${what}` });
}

/** A script file relative to its source directory. */
export function entryPointField(defaultEntryPoint?: string) {
  const field = z.string().regex(/^[^/].*\.py$/, { error: 'must be a Python file name ending in .py, relative to the source directory' });
  return defaultEntryPoint === undefined ? field : field.default(defaultEntryPoint);
}

/** A value from a fixed list, with a message that names the list. */
export function oneOfField(label: string, allowed: readonly string[]) {
  return z.string().refine((v) => allowed.includes(v), {
    error: (issue) => `Invalid ${label}: ${String(issue.input)}. Must be one of: ${allowed.join(', ')}`,
  });
}

/** The fields every non-training step config shares: environment overrides, caching, an optional job type. */
export const stepCommonShape = {
  env: z.record(z.string().regex(ENV_VAR_NAME, { error: 'environment variable names must match [A-Za-z_][A-Za-z0-9_]*' }), z.string()).optional(),
  enable_caching: z.boolean().default(true),
  cache_expire_after: z.string().refine(isIso8601Duration, { error: "must be an ISO-8601 duration such as 'P30D' or 'PT1H'" }).default('P30D'),
};

export const JOB_TYPES = ['training', 'calibration', 'validation', 'testing'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** The four data splits a job-typed step runs for (the reference's `testing`, not `test`). */
export function jobTypeField(defaultJobType?: JobType) {
  const field = z.enum(JOB_TYPES, { error: (issue) => `job_type must be one of ${JOB_TYPES.join(', ')}, got ${JSON.stringify(issue.input)}` });
  return defaultJobType === undefined ? field : field.default(defaultJobType);
}
