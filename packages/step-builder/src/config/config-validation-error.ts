import type { z } from 'zod';

export interface ConfigIssue {
  /** Dotted path of the field, e.g. `hyperparameters.label_name`; `(config)` for the whole object. */
  readonly field: string;
  readonly message: string;
}

export class ConfigValidationError extends Error {
  constructor(
    readonly configName: string,
    readonly issues: readonly ConfigIssue[],
    readonly source?: string,
  ) {
    const where = source ? ` (${source})` : '';
    super(`Invalid ${configName} config${where}:\n${issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** zod's issues, reworded so that each names its field and says what to do. */
export function toConfigIssues(error: { readonly issues: readonly z.core.$ZodIssue[] }): ConfigIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(config)';
    const input = (issue as { input?: unknown }).input;
    if (issue.code === 'invalid_type' && input === undefined) {
      return { field, message: `required field is missing (expected ${issue.expected})` };
    }
    if (issue.code === 'unrecognized_keys') {
      return { field, message: `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}: remove or fix the spelling` };
    }
    // A cross-field rule reporting a missing field carries the enclosing object as its input: no "(got ...)" for it.
    const reportsMissing = issue.message.startsWith('required field is missing');
    // A rule on a whole object or list says what is wrong in words: repeating the object adds nothing.
    const aboutContainer = issue.code === 'custom' && typeof input === 'object' && input !== null;
    const got = input === undefined || reportsMissing || aboutContainer || issue.message.includes(String(input)) ? '' : ` (got ${describeValue(input)})`;
    return { field, message: `${issue.message}${got}` };
  });
}
