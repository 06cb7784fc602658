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

class ShapeWalker {
  constructor(
    private readonly model: ConstraintModel,
    private readonly violations: ConstraintViolation[],
  ) {}

  check(shapeName: string, value: unknown, path: string, optionalMembers: readonly string[] = NONE): void {
    const shape = this.model.shapes[shapeName];
    if (shape === undefined) throw new Error(`The constraint model has no shape '${shapeName}' (needed at '${path}')`);
    const subject = path === '' ? shapeName : path;
    if (SCALAR_TYPES.has(shape.type)) {
      if (!isPipelineExpression(value)) this.checkScalar(shapeName, shape, value, path, subject);
      return;
    }
    if (isPipelineExpression(value)) {
      this.report(path, 'type', `${subject} is a pipeline expression, which can stand for a single value but not for a whole ${shape.type} (${shapeName}).`);
      return;
    }
    if (shape.type === 'structure') this.checkStructure(shapeName, shape, value, path, subject, optionalMembers);
    else if (shape.type === 'list') this.checkList(shapeName, shape, value, path, subject);
    else this.checkMap(shapeName, shape, value, path, subject);
  }

  private checkStructure(shapeName: string, shape: ShapeConstraints, value: unknown, path: string, subject: string, optionalMembers: readonly string[]): void {
    if (!isPlainObject(value)) {
      this.report(path, 'type', `${subject} must be an object (structure ${shapeName}), but is ${describeValue(value)}.`);
      return;
    }
    const members = shape.members ?? NO_MEMBERS;
    for (const required of shape.required ?? NONE) {
      if (value[required] === undefined && !optionalMembers.includes(required)) {
        this.report(memberPath(path, required), 'required', `${memberPath(path, required)} is missing; ${shapeName} requires it.`);
      }
    }
    let present = 0;
    for (const name of Object.keys(value)) {
      if (value[name] === undefined) continue;
      present++;
      // Own members only: `constructor` or `toString` in a request is an unknown member, not Object.prototype's.
      const memberShape = Object.hasOwn(members, name) ? members[name] : undefined;
      if (memberShape === undefined) {
        const closest = nearestNames(name, Object.keys(members));
        const hint = closest.length > 0 ? `the closest members are ${closest.join(', ')}` : 'it has no members';
        this.report(memberPath(path, name), 'unknown-member', `${memberPath(path, name)} is not a member of ${shapeName}; ${hint}.`);
      } else {
        this.check(memberShape, value[name], memberPath(path, name));
      }
    }
    if (shape.union === true && present !== 1) {
      this.report(path, 'type', `${subject} must set exactly one member of union ${shapeName}, but sets ${present}.`);
    }
  }

  private checkList(shapeName: string, shape: ShapeConstraints, value: unknown, path: string, subject: string): void {
    if (!Array.isArray(value)) {
      this.report(path, 'type', `${subject} must be a list (${shapeName}), but is ${describeValue(value)}.`);
      return;
    }
    this.checkCount(shapeName, shape, value.length, 'items', path, subject);
    for (let index = 0; index < value.length; index++) this.check(shape.member as string, value[index], indexPath(path, index));
  }

  private checkMap(shapeName: string, shape: ShapeConstraints, value: unknown, path: string, subject: string): void {
    if (!isPlainObject(value)) {
      this.report(path, 'type', `${subject} must be an object of key/value pairs (map ${shapeName}), but is ${describeValue(value)}.`);
      return;
    }
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    this.checkCount(shapeName, shape, keys.length, 'entries', path, subject);
    for (const key of keys) {
      const item = value[key];
      const entryPath = keyPath(path, key);
      const keyShapeName = shape.key as string;
      const keyShape = this.model.shapes[keyShapeName];
      if (keyShape === undefined) throw new Error(`The constraint model has no shape '${keyShapeName}'`);
      this.checkString(keyShapeName, keyShape, key, entryPath, () => `The key ${describeValue(key)} of ${subject}`);
      this.check(shape.value as string, item, entryPath);
    }
  }

  private checkCount(shapeName: string, shape: ShapeConstraints, count: number, noun: string, path: string, subject: string): void {
    if (shape.min !== undefined && count < shape.min) {
      this.report(path, 'min', `${subject} has ${count} ${noun}; ${shapeName} needs at least ${shape.min}.`);
    }
    if (shape.max !== undefined && count > shape.max) {
      this.report(path, 'max', `${subject} has ${count} ${noun}; ${shapeName} allows at most ${shape.max}.`);
    }
  }

  private checkScalar(shapeName: string, shape: ShapeConstraints, value: unknown, path: string, subject: string): void {
    switch (shape.type) {
      case 'string':
        if (typeof value !== 'string') this.reportType(path, subject, 'a string', shapeName, value);
        else this.checkString(shapeName, shape, value, path, () => `${subject} ${describeValue(value)}`);
        return;
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isInteger(value)) this.reportType(path, subject, 'an integer', shapeName, value);
        else this.checkRange(shapeName, shape, value, path, subject);
        return;
      case 'float':
      case 'double':
        if (typeof value !== 'number' || !Number.isFinite(value)) this.reportType(path, subject, 'a number', shapeName, value);
        else this.checkRange(shapeName, shape, value, path, subject);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.reportType(path, subject, 'true or false', shapeName, value);
        return;
      case 'timestamp':
        if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
          this.reportType(path, subject, 'a timestamp (string or epoch seconds)', shapeName, value);
        }
        return;
      default:
        if (typeof value !== 'string') this.reportType(path, subject, 'a base64 string', shapeName, value);
    }
  }

  // `subject` is made only for a message: most strings break no rule, and a request has hundreds of them.
  private checkString(shapeName: string, shape: ShapeConstraints, value: string, path: string, subjectOf: () => string): void {
    if (shape.enum !== undefined && !shape.enum.includes(value)) {
      const subject = subjectOf();
      const allowed =
        shape.enum.length <= MAX_SHOWN_ENUM_VALUES ? `allowed: ${shape.enum.join(', ')}` : `closest allowed: ${nearestNames(value, shape.enum).join(', ')}`;
      this.report(path, 'enum', `${subject} is not one of the ${shape.enum.length} values ${shapeName} allows (${allowed}).`);
      return;
    }
    if (shape.min !== undefined || shape.max !== undefined) {
      const length = codePointCount(value);
      if (shape.min !== undefined && length < shape.min) {
        this.report(path, 'min', `${subjectOf()} is ${length} characters long; ${shapeName} needs at least ${shape.min}.`);
      }
      if (shape.max !== undefined && length > shape.max) {
        this.report(path, 'max', `${subjectOf()} is ${length} characters long; ${shapeName} allows at most ${shape.max}.`);
      }
    }
    if (shape.pattern !== undefined) this.checkPattern(shapeName, shape.pattern, value, path, subjectOf);
  }

  private checkPattern(shapeName: string, pattern: string, value: string, path: string, subjectOf: () => string): void {
    const compiled = compileServicePattern(pattern);
    if (!compiled.ok) {
      this.report(
        path,
        'pattern',
        `${subjectOf()} could not be checked: ${shapeName}'s pattern ${pattern} is Java syntax that JavaScript cannot compile (${compiled.reason}).`,
      );
    } else if (!compiled.regex.test(value)) {
      this.report(path, 'pattern', `${subjectOf()} does not match ${shapeName}'s pattern ${pattern} (the whole value must match).`);
    }
  }

  private checkRange(shapeName: string, shape: ShapeConstraints, value: number, path: string, subject: string): void {
    if (shape.min !== undefined && value < shape.min) {
      this.report(path, 'min', `${subject} is ${value}; ${shapeName} needs at least ${shape.min}.`);
    }
    if (shape.max !== undefined && value > shape.max) {
      this.report(path, 'max', `${subject} is ${value}; ${shapeName} allows at most ${shape.max}.`);
    }
  }

  private reportType(path: string, subject: string, expected: string, shapeName: string, value: unknown): void {
    this.report(path, 'type', `${subject} must be ${expected} (${shapeName}), but is ${describeValue(value)}.`);
  }

  private report(path: string, rule: ConstraintRule, message: string): void {
    this.violations.push({ path, rule, message });
  }
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
