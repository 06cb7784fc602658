import Table from 'cli-table3';
import { colorWanted } from './console-style.js';

/** ANSI cyan, written by hand: cli-table3's colour library switches itself off under CI even when asked. */
function cyan(text: string): string {
  return `\u001b[36m${text}\u001b[39m`;
}

/** A cli-table3 table; colours (the header row) only when writing to a terminal without NO_COLOR. */
export function createTable(
  head: readonly string[],
  options: { color?: boolean; colAligns?: ('left' | 'right' | 'center')[]; colWidths?: (number | null)[] } = {},
): Table.Table {
  const color = options.color ?? colorWanted(process.stdout);
  return new Table({
    head: color ? head.map(cyan) : [...head],
    ...(options.colAligns ? { colAligns: options.colAligns } : {}),
    ...(options.colWidths ? { colWidths: options.colWidths, wordWrap: true, wrapOnWordBoundary: true } : {}),
    style: { head: [], border: [] },
  });
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(1);
}

/** Wraps at spaces to lines of at most `width`, splitting only words longer than a line; nothing is cut off. */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const pieces = word.length > width ? (word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [word]) : [word];
      for (const piece of pieces) {
        if (line === '') line = piece;
        else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
        else {
          lines.push(line);
          line = piece;
        }
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}

export interface FittedTableOptions {
  /** The widest a line of the table may be, borders included. */
  readonly width: number;
  readonly color?: boolean;
  readonly colAligns?: ('left' | 'right' | 'center')[];
}

const MIN_COLUMN = 6;
/** cli-table3's padding: one space each side of a cell. */
const PADDING = 2;

/**
 * The widths (padding included) that fit `width`: columns keep their natural width when all fit; otherwise the
 * widest are narrowed to one common cap, so narrow columns (numbers, statuses) never wrap.
 */
export function fittedColumnWidths(natural: readonly number[], width: number): number[] {
  const available = width - (natural.length + 1);
  if (natural.reduce((s, w) => s + w, 0) <= available) return [...natural];
  let cap = Math.max(...natural);
  while (cap > MIN_COLUMN && natural.reduce((s, w) => s + Math.min(w, cap), 0) > available) cap -= 1;
  return natural.map((w) => Math.min(w, cap));
}

/** A table whose lines are at most `width` long: cells are wrapped (at spaces, long words split), never cut. */
export function renderFittedTable(head: readonly string[], rows: readonly (readonly string[])[], options: FittedTableOptions): string {
  const lines = (cell: string) => cell.split('\n');
  const natural = head.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.max(...lines(r[i] ?? '').map((l) => l.length)))) + PADDING);
  const widths = fittedColumnWidths(natural, options.width);
  const table = createTable(
    head.map((h, i) => wrapText(h, Math.max(1, (widths[i] ?? MIN_COLUMN) - PADDING))),
    {
      ...(options.color !== undefined ? { color: options.color } : {}),
      ...(options.colAligns ? { colAligns: options.colAligns } : {}),
    },
  );
  for (const row of rows) table.push(row.map((cell, i) => wrapText(cell, Math.max(1, (widths[i] ?? MIN_COLUMN) - PADDING))));
  return table.toString();
}

/** `text` wrapped to `width`, its first line after `first` and the others after `rest` (both counted in the width). */
export function wrapWithPrefix(text: string, width: number, first: string, rest = ' '.repeat(first.length)): string[] {
  const lines = wrapText(text, Math.max(10, width - Math.max(first.length, rest.length))).split('\n');
  return lines.map((line, i) => `${i === 0 ? first : rest}${line}`);
}
