import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_DELAY_MS, startProgressLine } from '../../src/cli/progress-line.js';

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
};

describe('the progress line', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows on a terminal once a run takes longer than a second, updates each second, and is cleared at the end', () => {
    const tty = stream(true);
    const stop = startProgressLine(tty, 'scoring 2 builders');
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 1);
    expect(tty.written).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(2000);
    expect(tty.written).toEqual(['\r\u001b[Kscoring 2 builders… 1 s', '\r\u001b[Kscoring 2 builders… 2 s', '\r\u001b[Kscoring 2 builders… 3 s']);
    stop();
    expect(tty.written.at(-1)).toBe('\r\u001b[K');
    vi.advanceTimersByTime(5000);
    expect(tty.written).toHaveLength(4);
  });

  it('writes nothing for a run shorter than a second, or when stderr is not a terminal', () => {
    const quick = stream(true);
    startProgressLine(quick, 'scoring')();
    vi.advanceTimersByTime(5000);
    expect(quick.written).toEqual([]);
    const pipe = stream(false);
    const stop = startProgressLine(pipe, 'scoring');
    vi.advanceTimersByTime(5000);
    stop();
    expect(pipe.written).toEqual([]);
  });
});
