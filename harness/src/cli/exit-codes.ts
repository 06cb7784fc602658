// Every command's exit codes, written once: the help texts are made from this table, and a test runs each code.
import { wrapWithPrefix } from '../reporters/console/table.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './cli-io.js';

export type ExitCode = typeof EXIT_OK | typeof EXIT_FAILURE | typeof EXIT_USAGE;

export const COMMANDS = ['list', 'render', 'match', 'score', 'merge', 'baseline update'] as const;
export type CommandName = (typeof COMMANDS)[number];

const BAD_USAGE = 'unknown command or option, a missing argument';
const BAD_PROJECT_CONFIG = 'a stepscore config file or builders module that cannot be used (the error names the file and the field)';
const BAD_REPORT_INPUT =
  'a corrupt or unreadable history, baseline or shard file (the error names the file and the line or field, and leaves the file as it is), an output folder that cannot be written';

export const EXIT_CODES: Readonly<Record<CommandName, Readonly<Partial<Record<ExitCode, string>>>>> = {
  list: {
    0: 'the builders were listed',
    2: `bad input: ${BAD_PROJECT_CONFIG}; ${BAD_USAGE}`,
  },
  render: {
    0: 'the step was rendered',
    1: 'the builder could not be constructed, or could not create its step, from a valid config',
    2: `bad input: an unknown builder or input name, an unreadable or invalid config file, a malformed --input, ${BAD_PROJECT_CONFIG}; ${BAD_USAGE}`,
  },
  match: {
    0: 'the similarity was printed',
    2: `bad usage: ${BAD_USAGE}`,
  },
  score: {
    0: 'every builder scored, none below --min-score/--min-rating, no nightly regression (failing checks alone do not change the exit code: set a bar)',
    1: 'a builder is below --min-score or --min-rating, or (with --nightly) the run regressed against the previous run or the baseline',
    2: `bad input: an unknown builder or level, a bad option value, ${BAD_REPORT_INPUT}, ${BAD_PROJECT_CONFIG}; ${BAD_USAGE}`,
  },
  merge: {
    0: 'the shards were merged, no builder below --min-score/--min-rating, no nightly regression',
    1: 'a builder is below --min-score or --min-rating, or (with --nightly) the run regressed against the previous run or the baseline',
    2: `bad input: a missing or duplicated shard, shards of different runs, a bad option value, ${BAD_REPORT_INPUT}, ${BAD_PROJECT_CONFIG}; ${BAD_USAGE}`,
  },
  'baseline update': {
    0: 'the baseline was written (a damaged one is replaced, with a warning)',
    2: `bad input: a bad option value, an unreadable --from folder or one holding a single shard, a baseline that cannot be written, ${BAD_PROJECT_CONFIG}; ${BAD_USAGE}`,
  },
};

/** The codes a command documents, ascending. */
export function documentedCodes(command: CommandName): ExitCode[] {
  return (Object.keys(EXIT_CODES[command]).map(Number) as ExitCode[]).sort((a, b) => a - b);
}

/** "Exit codes:" and a line per code, wrapped to 100 columns: the end of a command's --help. */
export function exitCodesHelp(command: CommandName): string {
  const lines = documentedCodes(command).flatMap((code) => wrapWithPrefix(EXIT_CODES[command][code] ?? '', 100, `  ${code}  `));
  return `Exit codes:\n${lines.join('\n')}`;
}

/** For the top-level help: each code's general meaning, and which commands use it. */
export function topLevelExitCodesHelp(): string {
  const users = (code: ExitCode) => COMMANDS.filter((c) => EXIT_CODES[c][code] !== undefined).join(', ');
  const general: Record<ExitCode, string> = {
    0: 'success',
    1: 'the command ran and found a failure: a builder that cannot make its step (render), a builder below a bar or a nightly regression (score, merge)',
    2: 'bad input or usage: unknown command, option, builder, level or input name, a bad option value, a damaged input file, an unusable stepscore config',
  };
  const lines = ([EXIT_OK, EXIT_FAILURE, EXIT_USAGE] as ExitCode[]).flatMap((code) => wrapWithPrefix(`${general[code]} [${users(code)}]`, 100, `  ${code}  `));
  return `Exit codes (each command's --help has its own):\n${lines.join('\n')}`;
}
