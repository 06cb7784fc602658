import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, temporaryFolder } from './external-project.js';
import { type KeptFolder, takeKeptFolder } from './kept-folder.js';

const PREFIX = 'stepscore-kept-folder-test-';
const taken: KeptFolder[] = [];
const take = (owner: string, keep: readonly string[] = []) => {
  const folder = takeKeptFolder(PREFIX, owner, keep);
  if (folder) taken.push(folder);
  return folder;
};

afterEach(() => {
  for (const folder of taken.splice(0)) {
    folder.release();
    rmSync(folder.path, { recursive: true, force: true });
  }
  removeTemporaryFolders();
});

describe('takeKeptFolder', () => {
  const owner = `${process.pid}-${Math.random()}`;

  it('gives the same folder to each run of one owner, another to another owner, emptied but for what is kept', () => {
    const first = take(owner, ['cache'])!;
    mkdirSync(join(first.path, 'cache'));
    writeFileSync(join(first.path, 'cache', 'entry'), 'kept');
    mkdirSync(join(first.path, 'copy', 'deep'), { recursive: true });
    writeFileSync(join(first.path, 'copy', 'deep', 'file'), 'gone');
    first.release();
    const again = take(owner, ['cache'])!;
    expect(again.path).toBe(first.path);
    expect(readdirSync(again.path)).toEqual(['cache']);
    expect(readdirSync(join(again.path, 'cache'))).toEqual(['entry']);
    expect(take(`${owner}-other`)?.path).not.toBe(first.path);
  });

  it('is refused while another run of this process holds it, and given once that run releases it', () => {
    const held = take(owner)!;
    expect(takeKeptFolder(PREFIX, owner, [])).toBeUndefined();
    held.release();
    expect(take(owner)?.path).toBe(held.path);
  });

  it('takes over a lock whose process has ended', () => {
    const held = take(owner)!;
    writeFileSync(join(`${held.path}.lock`, 'pid'), '2147483646');
    expect(take(owner)?.path).toBe(held.path);
  });

  it('unlinks a symbolic link to a folder elsewhere instead of emptying that folder', () => {
    const elsewhere = temporaryFolder('stepscore-kept-folder-target-');
    writeFileSync(join(elsewhere, 'precious'), 'still here');
    const first = take(owner)!;
    mkdirSync(join(first.path, 'packages'));
    symlinkSync(elsewhere, join(first.path, 'packages', 'node_modules'), 'dir');
    symlinkSync(elsewhere, join(first.path, 'node_modules'), 'dir');
    first.release();
    const again = take(owner)!;
    expect(readdirSync(again.path)).toEqual([]);
    expect(existsSync(join(elsewhere, 'precious'))).toBe(true);
  });
});
