// Checks a value against a shape of a ConstraintModel and everything below it: required
// and unknown members, types, length/count/range limits, anchored patterns and enums.
// A pipeline expression is accepted wherever a single value is expected.

import type { ConstraintModel, ShapeConstraints } from './constraint-model.js';
import { isPipelineExpression, isPlainObject } from './pipeline-expression.js';
import { indexPath, keyPath, memberPath } from './property-path.js';
import { compileServicePattern } from './service-pattern.js';
import { nearestNames } from './similar-names.js';

/** `service-limit`: a limit the service model does not carry (see service-limits.ts). */
export type ConstraintRule = 'required' | 'type' | 'min' | 'max' | 'pattern' | 'enum' | 'unknown-member' | 'service-limit';

export interface ConstraintViolation {
  /** Where in the value, e.g. `InputDataConfig[0].ChannelName`; empty for the value itself. */
  readonly path: string;
  readonly rule: ConstraintRule;
  readonly message: string;
}

export interface ShapeValidationOptions {
  /** Required members of the top-level structure that may be left out. */
  readonly optionalAtTop?: readonly string[];
}

export function validateShape(
  model: ConstraintModel,
  shapeName: string,
  value: unknown,
  path = '',
  options: ShapeValidationOptions = {},
): ConstraintViolation[] {
  const violations: ConstraintViolation[] = [];
  new ShapeWalker(model, violations).check(shapeName, value, path, options.optionalAtTop ?? []);
  return violations;
}

const SCALAR_TYPES = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob']);
/** Shared, not a new `[]` or `{}` at every node of every request validated. */
const NONE: readonly string[] = Object.freeze([]);
const NO_MEMBERS: Readonly<Record<string, string>> = Object.freeze({});
const MAX_SHOWN_ENUM_VALUES = 10;

/**
 * Where a value sits in what is validated: a path's text, or a member, index or key below another place. The text is
 * made only for a violation: most values break no rule, and a request has hundreds of them.
 */
type Place =
  | string
  | { readonly parent: Place; readonly kind: 'member' | 'key'; readonly key: string }
  | { readonly parent: Place; readonly kind: 'index'; readonly key: number };

function placeText(place: Place): string {
  if (typeof place === 'string') return place;
  const parent = placeText(place.parent);
  if (place.kind === 'index') return indexPath(parent, place.key);
  return place.kind === 'member' ? memberPath(parent, place.key) : keyPath(parent, place.key);
}

class ShapeWalker {
  constructor(
    private readonly model: ConstraintModel,
    private readonly violations: ConstraintViolation[],
  ) {}

  check(shapeName: string, value: unknown, place: Place, optionalMembers: readonly string[] = NONE): void {
    const shape = this.model.shapes[shapeName];
    if (shape === undefined) throw new Error(`The constraint model has no shape '${shapeName}' (needed at '${placeText(place)}')`);
    if (SCALAR_TYPES.has(shape.type)) {
      if (!isPipelineExpression(value)) this.checkScalar(shapeName, shape, value, place);
      return;
    }
    if (isPipelineExpression(value)) {
      this.report(
        place,
        'type',
        (subject) => `${subject} is a pipeline expression, which can stand for a single value but not for a whole ${shape.type} (${shapeName}).`,
        shapeName,
      );
      return;
    }
    if (shape.type === 'structure') this.checkStructure(shapeName, shape, value, place, optionalMembers);
    else if (shape.type === 'list') this.checkList(shapeName, shape, value, place);
    else this.checkMap(shapeName, shape, value, place);
  }

  private checkStructure(shapeName: string, shape: ShapeConstraints, value: unknown, place: Place, optionalMembers: readonly string[]): void {
    if (!isPlainObject(value)) {
      this.report(place, 'type', (subject) => `${subject} must be an object (structure ${shapeName}), but is ${describeValue(value)}.`, shapeName);
      return;
    }
    const members = shape.members ?? NO_MEMBERS;
    for (const required of shape.required ?? NONE) {
      if (value[required] === undefined && !optionalMembers.includes(required)) {
        this.report({ parent: place, kind: 'member', key: required }, 'required', (path) => `${path} is missing; ${shapeName} requires it.`);
      }
    }
    let present = 0;
    for (const name of Object.keys(value)) {
      if (value[name] === undefined) continue;
      present++;
      // Own members only: `constructor` or `toString` in a request is an unknown member, not Object.prototype's.
      const memberShape = Object.hasOwn(members, name) ? members[name] : undefined;
      const member: Place = { parent: place, kind: 'member', key: name };
      if (memberShape === undefined) {
        const closest = nearestNames(name, Object.keys(members));
        const hint = closest.length > 0 ? `the closest members are ${closest.join(', ')}` : 'it has no members';
        this.report(member, 'unknown-member', (path) => `${path} is not a member of ${shapeName}; ${hint}.`);
      } else {
        this.check(memberShape, value[name], member);
      }
    }
    if (shape.union === true && present !== 1) {
      this.report(place, 'type', (subject) => `${subject} must set exactly one member of union ${shapeName}, but sets ${present}.`, shapeName);
    }
  }

  private checkList(shapeName: string, shape: ShapeConstraints, value: unknown, place: Place): void {
    if (!Array.isArray(value)) {
      this.report(place, 'type', (subject) => `${subject} must be a list (${shapeName}), but is ${describeValue(value)}.`, shapeName);
      return;
    }
    this.checkCount(shapeName, shape, value.length, 'items', place);
    for (let index = 0; index < value.length; index++) this.check(shape.member as string, value[index], { parent: place, kind: 'index', key: index });
  }

  private checkMap(shapeName: string, shape: ShapeConstraints, value: unknown, place: Place): void {
    if (!isPlainObject(value)) {
      this.report(place, 'type', (subject) => `${subject} must be an object of key/value pairs (map ${shapeName}), but is ${describeValue(value)}.`, shapeName);
      return;
    }
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    this.checkCount(shapeName, shape, keys.length, 'entries', place);
    for (const key of keys) {
      const item = value[key];
      const entry: Place = { parent: place, kind: 'key', key };
      const keyShapeName = shape.key as string;
      const keyShape = this.model.shapes[keyShapeName];
      if (keyShape === undefined) throw new Error(`The constraint model has no shape '${keyShapeName}'`);
      this.checkString(keyShapeName, keyShape, key, entry, { of: place, shapeName, mapKey: true });
      this.check(shape.value as string, item, entry);
    }
  }

  private checkCount(shapeName: string, shape: ShapeConstraints, count: number, noun: string, place: Place): void {
    if (shape.min !== undefined && count < shape.min) {
      this.report(place, 'min', (subject) => `${subject} has ${count} ${noun}; ${shapeName} needs at least ${shape.min}.`, shapeName);
    }
    if (shape.max !== undefined && count > shape.max) {
      this.report(place, 'max', (subject) => `${subject} has ${count} ${noun}; ${shapeName} allows at most ${shape.max}.`, shapeName);
    }
  }

  private checkScalar(shapeName: string, shape: ShapeConstraints, value: unknown, place: Place): void {
    switch (shape.type) {
      case 'string':
        if (typeof value !== 'string') this.reportType(place, 'a string', shapeName, value);
        else this.checkString(shapeName, shape, value, place, { of: place, shapeName, mapKey: false });
        return;
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isInteger(value)) this.reportType(place, 'an integer', shapeName, value);
        else this.checkRange(shapeName, shape, value, place);
        return;
      case 'float':
      case 'double':
        if (typeof value !== 'number' || !Number.isFinite(value)) this.reportType(place, 'a number', shapeName, value);
        else this.checkRange(shapeName, shape, value, place);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.reportType(place, 'true or false', shapeName, value);
        return;
      case 'timestamp':
        if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
          this.reportType(place, 'a timestamp (string or epoch seconds)', shapeName, value);
        }
        return;
      default:
        if (typeof value !== 'string') this.reportType(place, 'a base64 string', shapeName, value);
    }
  }

  /** `subject` says what a message calls the string: the value at its own place, or a key of the map at `of`. */
  private checkString(shapeName: string, shape: ShapeConstraints, value: string, place: Place, subject: StringSubject): void {
    if (shape.enum !== undefined && !shape.enum.includes(value)) {
      const enumValues = shape.enum;
      const allowed =
        enumValues.length <= MAX_SHOWN_ENUM_VALUES ? `allowed: ${enumValues.join(', ')}` : `closest allowed: ${nearestNames(value, enumValues).join(', ')}`;
      this.reportString(place, 'enum', value, subject, (what) => `${what} is not one of the ${enumValues.length} values ${shapeName} allows (${allowed}).`);
      return;
    }
    if (shape.min !== undefined || shape.max !== undefined) {
      const length = codePointCount(value);
      if (shape.min !== undefined && length < shape.min) {
        this.reportString(place, 'min', value, subject, (what) => `${what} is ${length} characters long; ${shapeName} needs at least ${shape.min}.`);
      }
      if (shape.max !== undefined && length > shape.max) {
        this.reportString(place, 'max', value, subject, (what) => `${what} is ${length} characters long; ${shapeName} allows at most ${shape.max}.`);
      }
    }
    if (shape.pattern !== undefined) {
      const pattern = shape.pattern;
      const compiled = compileServicePattern(pattern);
      if (!compiled.ok) {
        this.reportString(
          place,
          'pattern',
          value,
          subject,
          (what) => `${what} could not be checked: ${shapeName}'s pattern ${pattern} is Java syntax that JavaScript cannot compile (${compiled.reason}).`,
        );
      } else if (!compiled.regex.test(value)) {
        this.reportString(place, 'pattern', value, subject, (what) => `${what} does not match ${shapeName}'s pattern ${pattern} (the whole value must match).`);
      }
    }
  }

  private checkRange(shapeName: string, shape: ShapeConstraints, value: number, place: Place): void {
    if (shape.min !== undefined && value < shape.min) {
      this.report(place, 'min', (subject) => `${subject} is ${value}; ${shapeName} needs at least ${shape.min}.`, shapeName);
    }
    if (shape.max !== undefined && value > shape.max) {
      this.report(place, 'max', (subject) => `${subject} is ${value}; ${shapeName} allows at most ${shape.max}.`, shapeName);
    }
  }

  /** A violation of a string's rule; `message` is given what the string is (see describeString). */
  private reportString(place: Place, rule: ConstraintRule, value: string, subject: StringSubject, message: (what: string) => string): void {
    this.report(place, rule, () => message(describeString(value, subject)));
  }

  private reportType(place: Place, expected: string, shapeName: string, value: unknown): void {
    this.report(place, 'type', (subject) => `${subject} must be ${expected} (${shapeName}), but is ${describeValue(value)}.`, shapeName);
  }

  /**
   * A violation at `place`. `message` is given the place's subject: its path, or `subjectShape` (the shape's name)
   * for the value itself; with no `subjectShape`, the path as it is.
   */
  private report(place: Place, rule: ConstraintRule, message: (subject: string) => string, subjectShape?: string): void {
    const path = placeText(place);
    this.violations.push({ path, rule, message: message(subjectShape === undefined ? path : path === '' ? subjectShape : path) });
  }
}

/** Whose string is judged: the value at `of` (shape `shapeName`), or a key of the map there. */
interface StringSubject {
  readonly of: Place;
  readonly shapeName: string;
  readonly mapKey: boolean;
}

/** What a message calls a string: `<path or shape> "<value>"`, or `The key "<key>" of <path or shape>`. */
function describeString(value: string, { of, shapeName, mapKey }: StringSubject): string {
  const path = placeText(of);
  const subject = path === '' ? shapeName : path;
  return mapKey ? `The key ${describeValue(value)} of ${subject}` : `${subject} ${describeValue(value)}`;
}

/**
 * How many characters (code points, as SageMaker counts them) a string has: what `[...value].length` gives, without
 * an array of every character (requests hold many long strings: URIs, JSON-encoded hyperparameters).
 */
export function codePointCount(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

const SHOWN_STRING_LENGTH = 40;

/** A short rendering of a value for a message; long strings are cut and their length given. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const characters = [...value];
    if (characters.length <= SHOWN_STRING_LENGTH) return JSON.stringify(value);
    return `${JSON.stringify(characters.slice(0, SHOWN_STRING_LENGTH).join(''))}…`;
  }
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (isPipelineExpression(value)) return `the pipeline expression ${JSON.stringify(value).slice(0, 80)}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} ${String(value)}`;
  }
  return `a ${typeof value}`;
}
