/** How console text is laid out: the line width, and whether ANSI colours may be used. */
export interface ConsoleStyle {
  readonly width: number;
  readonly color: boolean;
}

/** The width used when the output is not a terminal (a file, a pipe, CI logs). */
export const DEFAULT_WIDTH = 100;
/** Narrower terminals still get this many columns: below it, nothing useful fits on a line. */
const MIN_WIDTH = 40;

/** What a stream tells about itself: `process.stdout` or a test double. */
export interface StreamFacts {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Colours only on a terminal and never with NO_COLOR set (https://no-color.org: any non-empty value). */
export function colorWanted(stream: StreamFacts, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/** The terminal's width on a TTY, DEFAULT_WIDTH otherwise. */
export function widthOf(stream: StreamFacts): number {
  if (stream.isTTY !== true || !stream.columns || stream.columns <= 0) return DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, stream.columns);
}

export function consoleStyleFor(stream: StreamFacts, env: NodeJS.ProcessEnv = process.env): ConsoleStyle {
  return { width: widthOf(stream), color: colorWanted(stream, env) };
}

const paint = (open: number, close: number) => (text: string, on: boolean) => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text);
export const red = paint(31, 39);
export const green = paint(32, 39);
export const yellow = paint(33, 39);
export const bold = paint(1, 22);
export const dim = paint(2, 22);
