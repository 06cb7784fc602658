import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicWriteFs, writeFileAtomic } from '../../src/report/write-file-atomic.js';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'stepscore-atomic-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const OLD = '{"schemaVersion":1,"old":true}\n';
const NEW = `${JSON.stringify({ schemaVersion: 1, rows: Array.from({ length: 2000 }, (_, i) => i) })}\n`;

/** Node's file operations, except that writing the temporary file stops half-way with `failure`. */
function crashingMidWrite(failure: Error): AtomicWriteFs {
  return {
    rename: fs.rename,
    unlink: fs.unlink,
    async open(path, flags, mode) {
      const handle = await fs.open(path, flags, mode);
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') {
            return async (data: string) => {
              await target.write(data.slice(0, data.length / 2));
              throw failure;
            };
          }
          const value = Reflect.get(target, property, target) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

describe('writeFileAtomic', () => {
  it('creates a file and replaces one, leaving no temporary file', async () => {
    const path = join(folder, 'summary.json');
    await writeFileAtomic(path, OLD);
    expect(await fs.readFile(path, 'utf8')).toBe(OLD);
    await writeFileAtomic(path, NEW);
    expect(await fs.readFile(path, 'utf8')).toBe(NEW);
    expect(await fs.readdir(folder)).toEqual(['summary.json']);
  });

  it('leaves the old file intact and removes the half-written temporary when writing fails mid-way', async () => {
    const path = join(folder, 'summary.json');
    await fs.writeFile(path, OLD);
    const failure = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(writeFileAtomic(path, NEW, crashingMidWrite(failure))).rejects.toBe(failure);
    expect(await fs.readFile(path, 'utf8')).toBe(OLD);
    expect(await fs.readdir(folder)).toEqual(['summary.json']);
  });

  it('leaves the old file intact when the rename fails', async () => {
    const path = join(folder, 'history.jsonl');
    await fs.writeFile(path, OLD);
    const failing: AtomicWriteFs = { open: fs.open, unlink: fs.unlink, rename: async () => Promise.reject(new Error('EXDEV: rename failed')) };
    await expect(writeFileAtomic(path, NEW, failing)).rejects.toThrow('EXDEV');
    expect(await fs.readFile(path, 'utf8')).toBe(OLD);
    expect(await fs.readdir(folder)).toEqual(['history.jsonl']);
  });

  it('leaves the old file intact when the process is killed in the middle of a write', async () => {
    const path = join(folder, 'summary.json');
    await fs.writeFile(path, OLD);
    const script = fileURLToPath(new URL('./fixtures/write-then-hang.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    // The child says when half the new content is on disk under the temporary name; then it is killed.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('half-written')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(await fs.readFile(path, 'utf8')).toBe(OLD);
    const leftovers = (await fs.readdir(folder)).filter((f) => f !== 'summary.json');
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.summary\.json\.\d+\.[0-9a-f]+\.tmp$/);
  }, 30_000);
});
