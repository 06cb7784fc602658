import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssues, InputFileError } from '../report/input-file-error.js';
import type { RunReport } from '../report/run-report.js';
import { writeFileAtomic } from '../report/write-file-atomic.js';
import { incomparability, type RunSnapshot, runSnapshotFields, snapshotOf } from './run-snapshot.js';

export const HISTORY_SCHEMA = 'stepscore.history';
export const HISTORY_SCHEMA_VERSION = 1;

/** One line of history.jsonl: one nightly run. */
export interface HistoryEntry extends RunSnapshot {
  readonly schema: typeof HISTORY_SCHEMA;
  readonly schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  readonly tool: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The run's report folder, relative to the history file's folder. */
  readonly report: string;
}

const historyEntrySchema = z.object({
  schema: z.literal(HISTORY_SCHEMA),
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  tool: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  report: z.string(),
  ...runSnapshotFields,
});

const remedy = (line: number): string => `The file was left as it is: fix or delete line ${line} (each line is one run's JSON), then run again.`;

export function historyEntryFor(report: RunReport, reportFolder: string): HistoryEntry {
  return {
    schema: HISTORY_SCHEMA,
    schemaVersion: HISTORY_SCHEMA_VERSION,
    tool: report.tool.version,
    startedAt: report.timing.startedAt,
    finishedAt: report.timing.finishedAt,
    report: reportFolder,
    ...snapshotOf(report),
  };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new InputFileError(
      path,
      undefined,
      `cannot be read (${code ?? (error as Error).message})`,
      'Check the path given with --history and its permissions.',
    );
  }
}

/** Every run in the history, oldest first; none when the file does not exist yet. @throws InputFileError naming the line */
export async function readHistory(path: string): Promise<HistoryEntry[]> {
  const text = await readText(path);
  if (text === undefined) return [];
  const entries: HistoryEntry[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InputFileError(path, `line ${i + 1}`, `is not valid JSON (${(error as Error).message})`, remedy(i + 1));
    }
    const parsed = historyEntrySchema.safeParse(value);
    if (!parsed.success) {
      const { location, problem } = describeIssues(parsed.error);
      throw new InputFileError(path, `line ${i + 1}, ${location}`, problem, remedy(i + 1));
    }
    entries.push(parsed.data);
  }
  return entries;
}

/**
 * Adds one line: the whole file is rewritten under a temporary name and renamed over the old one, so a
 * crash leaves the history as it was or with the new line, never with half a line. A corrupt history is
 * reported (InputFileError) and left untouched.
 */
export async function appendHistory(path: string, entry: HistoryEntry): Promise<void> {
  await readHistory(path);
  const before = (await readText(path)) ?? '';
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  await writeFileAtomic(path, `${before}${separator}${JSON.stringify(entry)}\n`);
}

/** The latest run that scored the same levels on the same backend as `current`. */
export function previousComparableRun(history: readonly HistoryEntry[], current: RunSnapshot): HistoryEntry | undefined {
  return [...history].reverse().find((entry) => incomparability(entry, current) === undefined);
}
