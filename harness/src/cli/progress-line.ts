import type { CliStream } from './cli-io.js';

/** Runs shorter than this show no progress line at all. */
export const PROGRESS_DELAY_MS = 1000;

/**
 * A one-line "scoring 2 builders… 3 s" on stderr, rewritten in place each second, for runs longer than
 * PROGRESS_DELAY_MS and only when stderr is a terminal (logs and pipes get nothing). Call the result to clear it.
 */
export function startProgressLine(stream: CliStream, label: string): () => void {
  if (stream.isTTY !== true) return () => undefined;
  const started = Date.now();
  let shown = false;
  const draw = () => {
    shown = true;
    stream.write(`\r\u001b[K${label}… ${Math.round((Date.now() - started) / 1000)} s`);
  };
  let interval: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, 1000);
    interval.unref();
  }, PROGRESS_DELAY_MS);
  delay.unref();
  return () => {
    clearTimeout(delay);
    clearInterval(interval);
    if (shown) stream.write('\r\u001b[K');
  };
}
