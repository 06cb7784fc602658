import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { describeIssues, InputFileError } from '../report/input-file-error.js';
import type { RunReport } from '../report/run-report.js';
import { writeFileAtomic } from '../report/write-file-atomic.js';
import { type RunSnapshot, runSnapshotFields, snapshotOf } from './run-snapshot.js';

export const BASELINE_SCHEMA = 'stepscore.baseline';
export const BASELINE_SCHEMA_VERSION = 1;

/** reports/baseline.json: the committed scores nightly runs are held to. No timestamps, so it only changes when scores do. */
export interface Baseline extends RunSnapshot {
  readonly schema: typeof BASELINE_SCHEMA;
  readonly schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  readonly tool: string;
}

const baselineSchema = z.object({
  schema: z.literal(BASELINE_SCHEMA),
  schemaVersion: z.literal(BASELINE_SCHEMA_VERSION),
  tool: z.string(),
  ...runSnapshotFields,
});

/** What to do about a damaged baseline: `baseline update` replaces it (a damaged file does not stop it). */
function remedyFor(path: string): string {
  return `The file was left as it is: regenerate it with \`pnpm stepscore baseline update --baseline ${path}\` (it replaces a damaged baseline), or restore it from git (\`git checkout -- ${path}\`)`;
}

export function baselineFor(report: RunReport): Baseline {
  return { schema: BASELINE_SCHEMA, schemaVersion: BASELINE_SCHEMA_VERSION, tool: report.tool.version, ...snapshotOf(report) };
}

/** `line L, column C` of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The baseline, or undefined when there is none yet. @throws InputFileError naming the line or field */
export async function loadBaseline(path: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new InputFileError(path, undefined, `cannot be read (${code ?? (error as Error).message})`, remedyFor(path));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : undefined;
    throw new InputFileError(path, offset === undefined ? undefined : lineAndColumn(text, offset), `is not valid JSON (${message})`, remedyFor(path));
  }
  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) {
    const { location, problem } = describeIssues(parsed.error);
    throw new InputFileError(path, location, problem, remedyFor(path));
  }
  return parsed.data;
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Writes the baseline atomically, creating its folder when needed (a new --reports-dir). */
export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, renderBaseline(baseline));
}
