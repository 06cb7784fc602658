import type { z } from 'zod';

/**
 * A file stepscore reads (a partial report, the history, the baseline) that is missing or wrong: the message
 * names the file, where in it (line or field), what is wrong, and what to do. The CLI exits 2 on it.
 */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly location: string | undefined,
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`${file}${location ? `, ${location}` : ''}: ${problem}. ${remedy}`);
    this.name = 'InputFileError';
  }
}

/** `builders[0].checks[3].status` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** The first few zod issues as `field <path>: <message>`. */
export function describeIssues(error: z.ZodError, limit = 3): { location: string; problem: string } {
  const issues = error.issues.slice(0, limit);
  const first = issues[0];
  const location = first && first.path.length > 0 ? `field ${fieldPath(first.path)}` : 'top level';
  const problem = issues.map((i) => (i === first ? i.message : `also field ${fieldPath(i.path) || '(top level)'}: ${i.message}`)).join('; ');
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more problems)` : '';
  return { location, problem: `${problem}${more}` };
}
