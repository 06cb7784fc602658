import { isPipelineExpression, type PipelineExpression } from '@stepscore/sagemaker';
import { parseStepsGet } from '@stepscore/step-model';

/** An expression found in a pipeline definition, with where it sits (`Arguments.InputDataConfig[0]...`). */
export interface FoundExpression {
  readonly at: string;
  readonly expression: PipelineExpression;
}

export interface FoundGet {
  readonly at: string;
  readonly get: string;
}

export interface FoundStepsGet extends FoundGet {
  readonly stepName: string;
  readonly path: string;
}

/** `at` extended by one member, index or key, in the property-path syntax. */
export function childPath(at: string, key: string | number): string {
  if (typeof key === 'number') return `${at}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (at === '' ? key : `${at}.${key}`) : `${at}[${JSON.stringify(key)}]`;
}

/** Every outermost expression in `value` (a `Std:Join`'s operands are not listed separately). */
export function findExpressions(value: unknown, at = ''): FoundExpression[] {
  const found: FoundExpression[] = [];
  if (typeof value === 'object' && value !== null) collectExpressions(value, at, found);
  return found;
}

/** Where a value sits: a path's text, or a member, index or key below another place, made into text only when read. */
type Place = string | { readonly parent: Place; readonly key: string | number };

function placeText(place: Place): string {
  return typeof place === 'string' ? place : childPath(placeText(place.parent), place.key);
}

// One list filled in place, and a path's text made only for an expression found: most of a request holds none, and
// several checks walk every scenario's request.
function collectExpressions(value: object, at: Place, found: FoundExpression[]): void {
  if (isPipelineExpression(value)) found.push({ at: placeText(at), expression: value });
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) collectExpressions(item, { parent: at, key: i }, found);
    }
  } else {
    const record = value as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'object' && item !== null) collectExpressions(item, { parent: at, key }, found);
    }
  }
}

/**
 * Every `Get` `value` refers to, in order: the text of each object's string `Get`, at any depth (inside expressions
 * too, and in objects that are no well-formed expression); no paths.
 */
export function getsIn(value: unknown): string[] {
  const found: string[] = [];
  collectGets(value, found);
  return found;
}

function collectGets(value: unknown, found: string[]): void {
  if (typeof value !== 'object' || value === null) return;
  const get = (value as { Get?: unknown }).Get;
  if (typeof get === 'string') found.push(get);
  for (const item of Array.isArray(value) ? value : Object.values(value)) collectGets(item, found);
}

/** Every `Get` in `value`, including those inside `Std:Join` and `Std:JsonGet`. */
export function findGets(value: unknown, at = ''): FoundGet[] {
  return findExpressions(value, at).flatMap(({ at: where, expression }) => {
    if ('Get' in expression) return [{ at: where, get: expression.Get }];
    const operand = 'Std:Join' in expression ? expression['Std:Join'] : expression['Std:JsonGet'];
    return Object.entries(operand).flatMap(([key, item]) => findGets(item, childPath(childPath(where, Object.keys(expression)[0] as string), key)));
  });
}

/** The `Get`s of the form `Steps.<name>.<path>`. */
export function findStepsGets(value: unknown, at = ''): FoundStepsGet[] {
  return findGets(value, at).flatMap((found) => {
    const parsed = parseStepsGet(found.get);
    return parsed ? [{ ...found, ...parsed }] : [];
  });
}

/** Whether `value` holds `expression` anywhere, directly or inside another expression. */
export function containsExpression(value: unknown, expression: PipelineExpression): boolean {
  const wanted = JSON.stringify(expression);
  const search = (item: unknown): boolean => {
    if (JSON.stringify(item) === wanted) return true;
    if (Array.isArray(item)) return item.some(search);
    if (typeof item === 'object' && item !== null) return Object.values(item).some(search);
    return false;
  };
  return search(value);
}
