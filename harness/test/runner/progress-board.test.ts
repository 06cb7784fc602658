import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/check-result.js';
import { createProgressBuffers, monotonicMs, ProgressReader, ProgressWriter } from '../../src/runner/isolated/progress-board.js';

const STRETCH = { startMs: 0, activeMs: 0 };

function result(id: string, evidence?: unknown): CheckResult {
  return {
    id,
    level: 1,
    title: `the ${id} check`,
    severity: 'minor',
    importance: 1,
    status: 'pass',
    durationMs: 1.5,
    ...(evidence === undefined ? {} : { evidence }),
  };
}

describe('progress board', () => {
  it('shows the job, the checks done, their results and when the current stretch of work began', () => {
    const buffers = createProgressBuffers();
    const writer = new ProgressWriter(buffers);
    const reader = new ProgressReader(buffers);
    const job = writer.startJob(7, { startMs: 123, activeMs: 4 });
    expect(reader.read()).toMatchObject({ job: 7, finished: 0, pending: undefined, stretch: { startMs: 123, activeMs: 4 } });

    const before = monotonicMs();
    job.checkStarted();
    expect(reader.read().stretch.startMs).toBeGreaterThanOrEqual(before);
    const evidence = { seen: new Map([['a', [1, undefined]]]), bytes: Buffer.from('xyz'), at: new Date(0) };
    expect(job.checkFinished(result('level1.a', evidence))).toEqual({ index: 0, mustPost: false });
    job.checkStarted();
    expect(job.checkFinished(result('level1.b'))).toEqual({ index: 1, mustPost: false });

    const snapshot = reader.read();
    expect(snapshot.finished).toBe(2);
    // What postMessage would have delivered: a Buffer arrives as a Uint8Array, everything else as it was.
    expect(reader.results(snapshot, new Map())).toEqual([
      result('level1.a', { seen: new Map([['a', [1, undefined]]]), bytes: new Uint8Array(Buffer.from('xyz')), at: new Date(0) }),
      result('level1.b'),
    ]);
  });

  it('names the latest builder code still pending, as it was entered', () => {
    const buffers = createProgressBuffers();
    const job = new ProgressWriter(buffers).startJob(1, STRETCH);
    const reader = new ProgressReader(buffers);
    job.prerequisite('step_creation', 'running');
    job.prerequisite('step_creation', 'returned');
    expect(reader.read().pending).toEqual({ kind: 'step_creation', phase: 'returned' });
    job.prerequisite('builder_construction', 'running');
    expect(reader.read().pending).toEqual({ kind: 'builder_construction', phase: 'running' });
    job.prerequisite('builder_construction', 'settled');
    expect(reader.read().pending).toEqual({ kind: 'step_creation', phase: 'returned' });
    job.prerequisite('step_creation', 'settled');
    expect(reader.read().pending).toBeUndefined();
  });

  it('leaves the board to the new job: what an earlier job reports late is not written', () => {
    const buffers = createProgressBuffers();
    const writer = new ProgressWriter(buffers);
    const reader = new ProgressReader(buffers);
    const first = writer.startJob(1, STRETCH);
    first.prerequisite('config', 'running');
    const second = writer.startJob(2, STRETCH);
    expect(reader.read()).toMatchObject({ job: 2, finished: 0, pending: undefined });
    first.prerequisite('step_creation', 'running');
    first.checkFinished(result('level1.late'));
    expect(reader.read()).toMatchObject({ job: 2, finished: 0, pending: undefined });
    second.checkFinished(result('level1.mine'));
    expect(reader.results(reader.read(), new Map()).map((r) => r.id)).toEqual(['level1.mine']);
  });

  it('asks for a result to be posted when shared memory cannot hold it, and keeps the order', () => {
    const buffers = createProgressBuffers(1024);
    const job = new ProgressWriter(buffers).startJob(1, STRETCH);
    const reader = new ProgressReader(buffers);
    const large = result('level1.large', { text: 'x'.repeat(4096) });
    const outcomes = [result('level1.small'), large, result('level1.after')].map((r) => job.checkFinished(r));
    expect(outcomes).toEqual([
      { index: 0, mustPost: false },
      { index: 1, mustPost: true },
      { index: 2, mustPost: false },
    ]);
    const snapshot = reader.read();
    expect(() => reader.results(snapshot, new Map())).toThrow('The result of check 1 was posted by its worker but has not arrived');
    expect(reader.results(snapshot, new Map([[1, large]])).map((r) => r.id)).toEqual(['level1.small', 'level1.large', 'level1.after']);
  });

  it('posts every later result once not even an entry fits, in order', () => {
    const buffers = createProgressBuffers(64);
    const job = new ProgressWriter(buffers).startJob(1, STRETCH);
    const reader = new ProgressReader(buffers);
    const results = Array.from({ length: 20 }, (_, i) => result(`level1.c${i}`));
    const mustPost = results.map((r) => job.checkFinished(r).mustPost);
    expect(mustPost.every(Boolean)).toBe(true);
    const posted = new Map(results.map((r, i) => [i, r]));
    expect(reader.results(reader.read(), posted)).toEqual(results);
  });

  it('describes evidence that does not clone, as a posted message would', () => {
    const buffers = createProgressBuffers();
    const job = new ProgressWriter(buffers).startJob(1, STRETCH);
    const reader = new ProgressReader(buffers);
    function makeStep() {}
    expect(job.checkFinished(result('level1.fn', { make: makeStep, kept: 1 })).mustPost).toBe(false);
    expect(reader.results(reader.read(), new Map())[0]?.evidence).toEqual({ make: '[Function makeStep]', kept: 1 });
  });
});
