import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { BuilderResult } from '../check/check-result.js';
import { describeIssues, InputFileError } from './input-file-error.js';
import { SUMMARY_FILE } from './report-files.js';
import { type BuilderFile, builderFileSchema, type SummaryFile, summaryFileSchema } from './report-schema.js';

/** A report folder read back: its summary and, per builder, the results as the runner gave them. */
export interface ReportFolder {
  readonly folder: string;
  readonly summary: SummaryFile;
  readonly results: readonly BuilderResult[];
}

const REMEDY = 'Write the folder again with `stepscore score --out <folder>` (add `--shard i/n` for a shard) and do not edit its files.';

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? (error as Error).message})`;
    throw new InputFileError(file, undefined, problem, REMEDY);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputFileError(file, undefined, `is not valid JSON (${(error as Error).message})`, REMEDY);
  }
}

async function readValidated<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonFile(file));
  if (parsed.success) return parsed.data;
  const { location, problem } = describeIssues(parsed.error);
  throw new InputFileError(file, location, problem, REMEDY);
}

function sameRun(a: SummaryFile['run'], b: BuilderFile['run']): boolean {
  return a.backend === b.backend && JSON.stringify(a.levels) === JSON.stringify(b.levels) && JSON.stringify(a.shard) === JSON.stringify(b.shard);
}

function toResult(file: BuilderFile): BuilderResult {
  return {
    builder: file.builder,
    stepType: file.stepType,
    framework: file.framework,
    backend: file.run.backend,
    checks: file.checks.map((c) => ({
      id: c.id,
      level: c.level,
      title: c.title,
      severity: c.severity,
      importance: c.importance,
      status: c.status,
      ...(c.message !== null ? { message: c.message } : {}),
      ...(c.evidence !== undefined ? { evidence: c.evidence } : {}),
      ...(c.rootCause ? { rootCause: { kind: c.rootCause.kind, message: c.rootCause.message } } : {}),
      ...(c.servedBy !== undefined ? { servedBy: c.servedBy } : {}),
      durationMs: file.timing.checks[c.id] ?? 0,
    })),
  };
}

/** Reads and validates `<folder>/summary.json` and the builder files it lists. @throws InputFileError */
export async function readReportFolder(folder: string): Promise<ReportFolder> {
  const summaryPath = join(folder, SUMMARY_FILE);
  const summary = await readValidated(summaryPath, summaryFileSchema);
  const listed = summary.builders.map((b) => b.builder);
  if (JSON.stringify(listed) !== JSON.stringify(summary.run.builders)) {
    throw new InputFileError(
      summaryPath,
      'field run.builders',
      `lists ${summary.run.builders.join(', ') || 'no builder'} but builders[] has ${listed.join(', ') || 'none'}`,
      REMEDY,
    );
  }
  const results: BuilderResult[] = [];
  for (const [i, entry] of summary.builders.entries()) {
    const path = join(folder, ...entry.file.split('/'));
    const file = await readValidated(path, builderFileSchema);
    if (file.builder !== entry.builder) {
      throw new InputFileError(path, 'field builder', `is ${file.builder}, but ${summaryPath} builders[${i}] says this file is ${entry.builder}`, REMEDY);
    }
    if (!sameRun(summary.run, file.run)) {
      throw new InputFileError(
        path,
        'field run',
        `does not match the run in ${summaryPath} (backend, levels or shard differ): the file is from another run`,
        REMEDY,
      );
    }
    results.push(toResult(file));
  }
  return { folder, summary, results };
}
