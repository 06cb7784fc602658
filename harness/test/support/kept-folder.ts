// A folder kept between test runs at one place per checkout, for what is worth keeping in it (a copy's vitest module
// cache: its keys are each file's path and content, so only a copy at the same path can use them), held by one run at
// a time.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeptFolder {
  readonly path: string;
  /** Lets the next run have it (the folder itself stays). */
  release(): void;
}

function holderAlive(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || holderAlive(lock)) return false;
    // Left by a run that ended without releasing it.
    rmSync(lock, { recursive: true, force: true });
    return takeLock(lock);
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/** Removes everything in `folder` but the entries named in `keep`, unlinking symbolic links rather than following them. */
function emptyFolder(folder: string, keep: ReadonlySet<string>): void {
  const remove = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink() || !stat.isDirectory()) {
      unlinkSync(path);
      return;
    }
    for (const entry of readdirSync(path)) remove(join(path, entry));
    rmdirSync(path);
  };
  for (const entry of readdirSync(folder)) if (!keep.has(entry)) remove(join(folder, entry));
}

/**
 * The folder `<tmpdir>/<prefix><digest of owner>`, emptied but for the entries named in `keep`, when no other live
 * process holds it; undefined when one does. `owner` tells checkouts apart (the repository's path, as a rule).
 */
export function takeKeptFolder(prefix: string, owner: string, keep: readonly string[]): KeptFolder | undefined {
  const path = join(tmpdir(), `${prefix}${createHash('sha1').update(owner).digest('hex').slice(0, 12)}`);
  const lock = `${path}.lock`;
  if (!takeLock(lock)) return undefined;
  mkdirSync(path, { recursive: true });
  emptyFolder(path, new Set(keep));
  return { path, release: () => rmSync(lock, { recursive: true, force: true }) };
}
