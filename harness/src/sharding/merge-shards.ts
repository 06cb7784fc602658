import { join } from 'node:path';
import type { Level } from '../check/check-definition.js';
import { readReportFolder, type ReportFolder } from '../report/read-report-folder.js';
import { SUMMARY_FILE } from '../report/report-files.js';
import { buildRunReport, type RunReport } from '../report/run-report.js';

/** Shards that do not add up to one run: the message says which folders and what to re-run. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

const summaryOf = (part: ReportFolder): string => join(part.folder, SUMMARY_FILE);

function agree<T>(parts: readonly ReportFolder[], what: string, value: (p: ReportFolder) => T): T {
  const first = parts[0] as ReportFolder;
  const expected = JSON.stringify(value(first));
  const other = parts.find((p) => JSON.stringify(value(p)) !== expected);
  if (other) {
    throw new MergeError(
      `${summaryOf(other)} has ${what} ${JSON.stringify(value(other))} but ${summaryOf(first)} has ${expected}: only shards of one run can be merged. Re-run the shards with the same options.`,
    );
  }
  return value(first);
}

/** The run the shards came from, checked: same split, backend, levels and version; each shard once; each builder once. */
export function mergeShards(parts: readonly ReportFolder[]): RunReport {
  if (parts.length === 0) throw new MergeError('No shard folders given: pass the folders `stepscore score --shard i/n --out <folder>` wrote.');
  const unsharded = parts.find((p) => p.summary.run.shard === null);
  if (unsharded) throw new MergeError(`${summaryOf(unsharded)} is a whole run, not a shard: merge joins the folders written with --shard i/n.`);
  const count = agree(parts, 'shard count', (p) => p.summary.run.shard?.count);
  const selected = agree(parts, 'builders selected', (p) => p.summary.run.shard?.of ?? []);
  const backend = agree(parts, 'backend', (p) => p.summary.run.backend);
  const levels = agree(parts, 'levels', (p) => p.summary.run.levels) as Level[];
  agree(parts, 'stepscore version', (p) => p.summary.tool.version);

  const byIndex = new Map<number, ReportFolder>();
  for (const part of parts) {
    const index = part.summary.run.shard?.index ?? 0;
    const seen = byIndex.get(index);
    if (seen) throw new MergeError(`${summaryOf(seen)} and ${summaryOf(part)} are both shard ${index}/${count}: pass each shard's folder once.`);
    byIndex.set(index, part);
  }
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new MergeError(
      `Shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: run \`stepscore score --shard i/${count}\` for ${missing.length === 1 ? 'it' : 'them'} and pass the folder${missing.length === 1 ? '' : 's'} too.`,
    );
  }

  const owner = new Map<string, ReportFolder>();
  for (const part of parts) {
    for (const result of part.results) {
      const other = owner.get(result.builder);
      if (other)
        throw new MergeError(
          `${result.builder} is in both ${summaryOf(other)} and ${summaryOf(part)}: the shards overlap. Re-run them with the same --shard count.`,
        );
      owner.set(result.builder, part);
    }
  }
  const absent = selected.filter((b) => !owner.has(b));
  if (absent.length > 0)
    throw new MergeError(
      `No shard has ${absent.join(', ')}, though the run selected ${absent.length === 1 ? 'it' : 'them'}: re-run the shard that should have.`,
    );
  const extra = [...owner.keys()].filter((b) => !selected.includes(b));
  if (extra.length > 0)
    throw new MergeError(
      `${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} in a shard but not among the builders the run selected: the shards come from different runs.`,
    );

  const started = parts.map((p) => p.summary.timing.startedAt).sort()[0] as string;
  const finished = parts
    .map((p) => p.summary.timing.finishedAt)
    .sort()
    .at(-1) as string;
  return buildRunReport({
    results: parts.flatMap((p) => p.results),
    backend,
    levels,
    shard: null,
    timing: { startedAt: started, finishedAt: finished, durationMs: Date.parse(finished) - Date.parse(started) },
  });
}

/** Reads each folder (validated) and merges them. @throws InputFileError | MergeError */
export async function mergeShardFolders(folders: readonly string[]): Promise<RunReport> {
  const parts: ReportFolder[] = [];
  for (const folder of folders) parts.push(await readReportFolder(folder));
  return mergeShards(parts);
}
