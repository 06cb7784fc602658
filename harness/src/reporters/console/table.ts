import Table from 'cli-table3';

/** A cli-table3 table; colours only when writing to a terminal. */
export function createTable(head: readonly string[], options: { color?: boolean; colAligns?: ('left' | 'right' | 'center')[] } = {}): Table.Table {
  const color = options.color ?? Boolean(process.stdout.isTTY);
  return new Table({
    head: [...head],
    ...(options.colAligns ? { colAligns: options.colAligns } : {}),
    style: color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
  });
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(1);
}
