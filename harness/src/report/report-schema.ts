import { z } from 'zod';
import { SEVERITIES } from '../check/check-definition.js';
import { RATINGS } from '../scoring/rating.js';
import { BUILDER_SCHEMA } from '../reporters/json/builder-document.js';
import { SUMMARY_SCHEMA } from '../reporters/json/summary-document.js';
import { REPORT_SCHEMA_VERSION } from './run-report.js';

// What `merge` and `baseline update --from` read back: the JSON files a run wrote (documented in SCHEMA.md).

export const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const ratingSchema = z.enum(RATINGS);
const statusSchema = z.enum(['pass', 'fail', 'not_applicable', 'error']);
const severitySchema = z.enum(SEVERITIES);
const rootCauseKindSchema = z.enum(['config', 'builder_construction', 'step_creation', 'pipeline_assembly']);
const score = z.number().min(0).max(100);

const toolSchema = z.object({ name: z.string(), version: z.string() });
const shardSchema = z.object({ index: z.number().int().min(1), count: z.number().int().min(1), of: z.array(z.string()) }).refine((s) => s.index <= s.count, {
  message: 'shard index must be between 1 and count',
});
const timingSchema = z.object({ startedAt: z.iso.datetime(), finishedAt: z.iso.datetime(), durationMs: z.number().min(0) });

export const summaryFileSchema = z.object({
  schema: z.literal(SUMMARY_SCHEMA),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: toolSchema,
  run: z.object({ backend: z.string().min(1), levels: z.array(levelSchema).min(1), builders: z.array(z.string()), shard: shardSchema.nullable() }),
  builders: z.array(
    z.object({
      builder: z.string().min(1),
      file: z.string().regex(/^builders\/[A-Za-z0-9_.-]+\.json$/, 'must be builders/<name>.json'),
      overall: score.nullable(),
      rating: ratingSchema.nullable(),
      blockers: z.array(z.string()),
    }),
  ),
  timing: timingSchema,
});

export type SummaryFile = z.infer<typeof summaryFileSchema>;

const levelScoreSchema = z.object({
  level: levelSchema,
  name: z.string(),
  weight: z.number(),
  score: score.nullable(),
  passed: z.number().int().min(0),
  failed: z.number().int().min(0),
  errored: z.number().int().min(0),
  ran: z.number().int().min(0),
  notApplicable: z.number().int().min(0),
});

export const builderFileSchema = z.object({
  schema: z.literal(BUILDER_SCHEMA),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: toolSchema,
  run: z.object({ backend: z.string().min(1), levels: z.array(levelSchema).min(1), shard: shardSchema.nullable() }),
  builder: z.string().min(1),
  stepType: z.string(),
  framework: z.string(),
  score: z.object({
    overall: score.nullable(),
    uncappedOverall: score.nullable(),
    blockers: z.array(z.string()),
    rating: ratingSchema.nullable(),
    passed: z.number().int(),
    ran: z.number().int(),
    notApplicable: z.number().int(),
  }),
  levels: z.array(levelScoreSchema).length(4),
  checks: z.array(
    z.object({
      id: z.string().regex(/^level[1-4]\.[a-z0-9_]+$/, 'must be a check id like level2.contract_alignment'),
      level: levelSchema,
      title: z.string(),
      severity: severitySchema,
      importance: z.number().positive(),
      status: statusSchema,
      message: z.string().nullable(),
      evidence: z.unknown().optional(),
      rootCause: z.object({ kind: rootCauseKindSchema, message: z.string(), group: z.number().int().min(1) }).optional(),
      servedBy: z.string().optional(),
    }),
  ),
  rootCauses: z.array(z.object({ group: z.number().int(), kind: rootCauseKindSchema, message: z.string(), hint: z.string(), checks: z.array(z.string()) })),
  timing: z.object({ durationMs: z.number().min(0), checks: z.record(z.string(), z.number().min(0)) }),
});

export type BuilderFile = z.infer<typeof builderFileSchema>;
