import { colorWanted } from '../reporters/console/console-style.js';

/** Where a command writes; `process.stdout`/`process.stderr` in real use, buffers in tests. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width, when it is one. */
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
}

export const EXIT_OK = 0;
/** The command ran and failed: a bad config, a builder that could not build. */
export const EXIT_FAILURE = 1;
/** The command line itself was wrong: unknown command, option, builder or input name. */
export const EXIT_USAGE = 2;

/** A failure the user can act on: its message is printed as is, and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr };
}

export function writeLine(stream: CliStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** Colours only when writing to a terminal, and never with NO_COLOR set. */
export function wantsColor(stream: CliStream): boolean {
  return colorWanted(stream);
}
