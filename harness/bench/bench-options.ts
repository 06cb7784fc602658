// The options of `pnpm bench` (run-benchmark.ts), read from its command line.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly coldRuns: number;
  readonly skipCold: boolean;
  readonly coldOnly: boolean;
  readonly workerLine: readonly number[];
}

export const BENCH_USAGE = `Usage: pnpm bench [options]

How fast all four levels run on synthetic catalogues of N builders of the four step types (each size measured in
fresh processes, figures are medians), then the cold start of the installed bin's \`score\` and \`list\`, \`pnpm score\`
and \`pnpm test:builders\`. Prints figures and the goals they meet; it never fails on a goal.

Options:
  --sizes <n,n,...>        catalogue sizes to measure (default: 10,100,1000)
  --runs <n>               measured runs per size (default: 3)
  --cold-runs <n>          measured runs per cold-start command (default: 5)
  --skip-cold              measure the catalogues only
  --cold-only              measure the cold start only
  --worker-line <n,n,...>  also time \`stepscore score\` with one and two workers on catalogues of these sizes
  -h, --help               show this help`;

/** The options, `'help'` when help was asked for; throws an Error whose message says what is wrong. */
export function parseBenchOptions(args: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sizes: { type: 'string', default: '10,100,1000' },
      runs: { type: 'string', default: '3' },
      'cold-runs': { type: 'string', default: '5' },
      'skip-cold': { type: 'boolean', default: false },
      'cold-only': { type: 'boolean', default: false },
      'worker-line': { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const positive = (n: number) => Number.isInteger(n) && n > 0;
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (!sizes.every(positive)) throw new Error(`--sizes must be positive whole numbers separated by commas (got '${values.sizes}')`);
  const runs = Number(values.runs);
  const coldRuns = Number(values['cold-runs']);
  if (!positive(runs) || !positive(coldRuns)) throw new Error('--runs and --cold-runs must be positive whole numbers');
  if (values['skip-cold'] && values['cold-only']) throw new Error('--skip-cold and --cold-only exclude each other');
  const workerLine = values['worker-line'] === '' ? [] : values['worker-line'].split(',').map((s) => Number(s.trim()));
  if (!workerLine.every(positive)) throw new Error(`--worker-line must be positive whole numbers separated by commas (got '${values['worker-line']}')`);
  return { sizes, runs, coldRuns, skipCold: values['skip-cold'], coldOnly: values['cold-only'], workerLine };
}
