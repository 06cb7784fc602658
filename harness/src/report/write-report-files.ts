import { constants } from 'node:fs';
import { access, mkdir, readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ReportFile } from './report-files.js';
import { writeFileAtomic } from './write-file-atomic.js';

export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/** Creates `folder` if needed and makes sure files can be written in it; checked before a run starts. */
export async function ensureWritableFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new OutputFolderError(
      `Cannot write reports to ${folder} (${code || (error as Error).message}): choose another folder with --out, or fix its permissions.`,
    );
  }
}

export interface WriteReportOptions {
  /**
   * A partial run (--builder, --level) keeps the builder files of builders it did not score; a whole run removes
   * those a previous run left, so the folder holds one report only.
   */
  readonly keepOtherBuilders?: boolean;
}

/** Writes each file atomically (temporary name, then rename); see WriteReportOptions for older builder files. */
export async function writeReportFiles(folder: string, files: readonly ReportFile[], options: WriteReportOptions = {}): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const path = join(folder, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, file.content);
    written.push(path);
  }
  if (!options.keepOtherBuilders) await removeStaleBuilderFiles(folder, new Set(files.map((f) => f.path)));
  return written;
}

async function removeStaleBuilderFiles(folder: string, keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(join(folder, 'builders')).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.endsWith('.json') && !keep.has(`builders/${entry}`)) await unlink(join(folder, 'builders', entry)).catch(() => undefined);
  }
}
