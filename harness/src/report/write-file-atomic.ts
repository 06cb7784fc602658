// Not npm's write-file-atomic (7.0.1 is the last for Node 20): it writes, fsyncs and renames as this does, but does
// not fsync the folder, so the rename of a report can be lost with the power; and it offers no seam to fail a write
// part-way, which the tests of "nothing already written is lost" use. This module is the 40 lines that do both.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write uses; tests replace one to simulate a crash part-way. */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<fs.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const nodeFs: AtomicWriteFs = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

/** `.<name>.<random>.tmp` next to the target, so the rename never crosses a file system. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `data` to a temporary file in the same folder, flushes it to disk and renames it over `path`.
 * Readers see the old content or the new, never a part; on any error the temporary file is removed
 * and `path` is left exactly as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fileSystem: AtomicWriteFs = nodeFs): Promise<void> {
  const temporary = temporaryNameFor(path);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fileSystem.open(temporary, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fileSystem.rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fileSystem.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable; some file systems cannot open a folder, which is harmless. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported here (e.g. on Windows): the rename is still atomic, only not yet flushed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
