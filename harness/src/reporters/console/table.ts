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
