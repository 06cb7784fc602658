// The pipeline parameters a step refers to (`{"Get": "Parameters.X"}`), each with the type the position it
// sits in asks for, so that a pipeline definition can declare them.

import type { ConstraintModel, ShapeConstraints } from './constraint-model.js';
import { isPlainObject } from './pipeline-expression.js';
import { trainingJobConstraints } from './training-job-constraints.js';

export type PipelineParameterType = 'String' | 'Integer' | 'Float' | 'Boolean';

export interface PipelineParameterDeclaration {
  readonly Name: string;
  readonly Type: PipelineParameterType;
}

const PARAMETER_PREFIX = 'Parameters.';

function parameterType(shape: ShapeConstraints | undefined): PipelineParameterType {
  switch (shape?.type) {
    case 'integer':
    case 'long':
      return 'Integer';
    case 'float':
    case 'double':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    default:
      return 'String';
  }
}

/**
 * Every parameter a step's Arguments refer to, in first-seen order. A `Get` that stands for a whole request
 * member takes that member's type from the service model; one inside `Std:Join` (whose result is a string)
 * or under a map of strings (hyperparameters, environment) is a String. Two positions asking for different
 * types are reported as an error naming the parameter.
 */
export function pipelineParametersOf(
  args: unknown,
  requestShape = 'CreateTrainingJobRequest',
  model: ConstraintModel = trainingJobConstraints,
): PipelineParameterDeclaration[] {
  const found = new Map<string, { type: PipelineParameterType; where: string }>();
  const visit = (value: unknown, shape: ShapeConstraints | undefined, where: string): void => {
    if (Array.isArray(value)) {
      const item = shape?.type === 'list' && shape.member ? model.shapes[shape.member] : undefined;
      for (const [i, v] of value.entries()) visit(v, item, `${where}[${i}]`);
      return;
    }
    if (!isPlainObject(value)) return;
    const get = value['Get'];
    if (typeof get === 'string' && Object.keys(value).length === 1) {
      if (!get.startsWith(PARAMETER_PREFIX)) return;
      const name = get.slice(PARAMETER_PREFIX.length);
      const type = parameterType(shape);
      const seen = found.get(name);
      if (seen && seen.type !== type) {
        throw new Error(`Parameter ${name} is used as ${seen.type} at ${seen.where} and as ${type} at ${where}`);
      }
      if (!seen) found.set(name, { type, where });
      return;
    }
    const join = value['Std:Join'];
    if (isPlainObject(join) && Object.keys(value).length === 1) {
      visit(join['Values'], { type: 'list', member: '__string' }, `${where}.Std:Join`);
      return;
    }
    for (const [key, member] of Object.entries(value)) {
      const memberShape =
        shape?.type === 'structure' ? model.shapes[shape.members?.[key] ?? ''] : shape?.type === 'map' && shape.value ? model.shapes[shape.value] : undefined;
      visit(member, memberShape, where === '' ? key : `${where}.${key}`);
    }
  };
  visit(args, model.shapes[requestShape], '');
  return [...found].map(([Name, { type }]) => ({ Name, Type: type }));
}
