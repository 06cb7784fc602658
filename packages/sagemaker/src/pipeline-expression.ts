// The JSON forms a SageMaker pipeline definition uses for values that are only known at
// execution time: parameters and properties (`Get`), `Join` and `JsonGet`.

export interface GetExpression {
  readonly Get: string;
}

export interface JoinExpression {
  readonly 'Std:Join': { readonly On: string; readonly Values: readonly unknown[] };
}

export interface JsonGetExpression {
  readonly 'Std:JsonGet': { readonly Path: string; readonly [key: string]: unknown };
}

export type PipelineExpression = GetExpression | JoinExpression | JsonGetExpression;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The object's one own enumerable key, if it has exactly one. Counted without Object.keys's array: every object of
 * every request a check walks is asked whether it is an expression.
 */
function onlyKey(value: Readonly<Record<string, unknown>>): string | undefined {
  let only: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}

/** A plain object with exactly one key among `Get`, `Std:Join`, `Std:JsonGet`, whose operand has that form's shape. */
export function isPipelineExpression(value: unknown): value is PipelineExpression {
  if (!isPlainObject(value)) return false;
  const key = onlyKey(value);
  if (key === undefined) return false;
  const operand = value[key];
  switch (key) {
    case 'Get':
      return typeof operand === 'string';
    case 'Std:Join':
      return isPlainObject(operand) && typeof operand['On'] === 'string' && Array.isArray(operand['Values']);
    case 'Std:JsonGet':
      return isPlainObject(operand) && typeof operand['Path'] === 'string';
    default:
      return false;
  }
}
