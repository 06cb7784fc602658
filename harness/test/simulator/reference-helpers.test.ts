import { isPipelineExpression } from '@stepscore/sagemaker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executionOrder } from '../../src/simulator/execution-order.js';
import { jsonDifferences, roundTripDifferences } from '../../src/simulator/json-differences.js';
import { childPath, containsExpression, findExpressions, findGets, findStepsGets, getsIn } from '../../src/simulator/pipeline-expressions.js';
import { valueAtPropertyPath } from '../../src/simulator/property-values.js';
import { requestLikeValue } from '../support/request-like-values.js';

/** The outermost expressions as first found, with Object.entries: the walk findExpressions is compared with. */
function expressionsByEntries(value: unknown, at: string, found: { at: string; expression: unknown }[] = []): { at: string; expression: unknown }[] {
  if (typeof value !== 'object' || value === null) return found;
  if (isPipelineExpression(value)) found.push({ at, expression: value });
  else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      expressionsByEntries(item, childPath(at, i), found);
    });
  } else for (const [key, item] of Object.entries(value)) expressionsByEntries(item, childPath(at, key), found);
  return found;
}

const join = { 'Std:Join': { On: '/', Values: [{ Get: 'Steps.A.X.Y' }, 'x', { Get: 'Parameters.P' }] } };

describe('pipeline expressions', () => {
  it('finds Gets with where they sit, inside joins too', () => {
    expect(findGets({ a: [join], b: { Get: 'Execution.PipelineName' } })).toEqual([
      { at: 'a[0]["Std:Join"].Values[0]', get: 'Steps.A.X.Y' },
      { at: 'a[0]["Std:Join"].Values[2]', get: 'Parameters.P' },
      { at: 'b', get: 'Execution.PipelineName' },
    ]);
    expect(findStepsGets({ a: [join] })).toEqual([{ at: 'a[0]["Std:Join"].Values[0]', get: 'Steps.A.X.Y', stepName: 'A', path: 'X.Y' }]);
  });

  it('lists every Get a value refers to, in order, inside joins and malformed expressions too', () => {
    expect(getsIn({ a: [join], b: { Get: 'Execution.PipelineName' }, c: { Get: 'Parameters.Q', extra: { Get: 'Parameters.R' } }, d: 'Get' })).toEqual([
      'Steps.A.X.Y',
      'Parameters.P',
      'Execution.PipelineName',
      'Parameters.Q',
      'Parameters.R',
    ]);
    expect(getsIn('Parameters.P')).toEqual([]);
  });

  it('finds the outermost expressions with where they sit, and none in literals', () => {
    expect(findExpressions({ a: [join, 'x'], b: { c: { Get: 'Parameters.P' } }, d: ['s3://b/k'] })).toEqual([
      { at: 'a[0]', expression: join },
      { at: 'b.c', expression: { Get: 'Parameters.P' } },
    ]);
    expect(findExpressions({ Get: 'Parameters.P' }, 'Arguments')).toEqual([{ at: 'Arguments', expression: { Get: 'Parameters.P' } }]);
    expect(findExpressions('s3://b/k')).toEqual([]);
  });

  it('tells whether a value holds an expression anywhere', () => {
    expect(containsExpression({ a: [join] }, { Get: 'Parameters.P' })).toBe(true);
    expect(containsExpression({ a: 's3://b/k' }, { Get: 'Parameters.P' })).toBe(false);
  });
});

describe('valueAtPropertyPath', () => {
  const response = { ModelArtifacts: { S3ModelArtifacts: 's3://m' }, Outputs: [{ OutputName: 'a', S3Uri: 's3://a' }], HyperParameters: { epochs: '3' } };
  it('reads members, named list items, map keys and indices', () => {
    expect(valueAtPropertyPath(response, 'ModelArtifacts.S3ModelArtifacts')).toEqual({ ok: true, value: 's3://m' });
    expect(valueAtPropertyPath(response, "Outputs['a'].S3Uri")).toEqual({ ok: true, value: 's3://a' });
    expect(valueAtPropertyPath(response, 'Outputs[0].S3Uri')).toEqual({ ok: true, value: 's3://a' });
    expect(valueAtPropertyPath(response, "HyperParameters['epochs']")).toEqual({ ok: true, value: '3' });
  });
  it('says where the path found nothing', () => {
    expect(valueAtPropertyPath(response, 'ModelArtifacts.S3Uri')).toEqual({ ok: false, reason: 'the response has no value at ModelArtifacts.S3Uri' });
    expect(valueAtPropertyPath(response, "Outputs['b'].S3Uri")).toEqual({ ok: false, reason: "the response has no value at Outputs['b']" });
    expect(valueAtPropertyPath(response, 'ModelArtifacts..x')).toMatchObject({ ok: false });
  });
});

describe('executionOrder', () => {
  it('orders by Get references and DependsOn, keeping definition order otherwise', () => {
    const steps = [
      { Name: 'C', Type: 'Model', Arguments: { U: { Get: 'Steps.B.ModelArtifacts.S3ModelArtifacts' } } },
      { Name: 'B', Type: 'Training', Arguments: {}, DependsOn: ['A'] },
      { Name: 'A', Type: 'Processing', Arguments: {} },
      { Name: 'D', Type: 'Processing', Arguments: {} },
    ];
    expect(executionOrder(steps)).toEqual({ order: ['A', 'D', 'B', 'C'], problems: [] });
  });
  it('reports self-dependencies and unknown steps', () => {
    const { problems } = executionOrder([{ Name: 'A', Type: 'Training', Arguments: { X: { Get: 'Steps.A.TrainingJobName' } }, DependsOn: ['Z'] }]);
    expect(problems).toEqual(["Step 'A' depends on itself", "Step 'A' depends on 'Z', which is not a step of the pipeline"]);
  });
});

describe('jsonDifferences', () => {
  it('names each member dropped, added or changed by its path, in document order', () => {
    expect(jsonDifferences({ a: [1, { b: 'x' }], c: 1 }, { a: [1, { b: 'y' }], d: 2 })).toEqual([
      { kind: 'changed', at: 'a[1].b', expected: 'x', found: 'y' },
      { kind: 'dropped', at: 'c', expected: 1 },
      { kind: 'added', at: 'd', found: 2 },
    ]);
    expect(jsonDifferences({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('tells a list that lost or gained items, a member that changed kind, and wholly different values', () => {
    expect(jsonDifferences({ l: [1, 2, 3] }, { l: [1, 2] })).toEqual([{ kind: 'dropped', at: 'l[2]', expected: 3 }]);
    expect(jsonDifferences({ m: { x: 1 } }, { m: [1] })).toEqual([{ kind: 'changed', at: 'm', expected: { x: 1 }, found: [1] }]);
    expect(jsonDifferences({ a: '1' }, { a: 1 })).toEqual([{ kind: 'changed', at: 'a', expected: '1', found: 1 }]);
    expect(jsonDifferences('x', { a: 1 })).toEqual([{ kind: 'changed', at: '', expected: 'x', found: { a: 1 } }]);
    expect(jsonDifferences([1], [1])).toEqual([]);
  });
});

describe('roundTripDifferences', () => {
  it('lists where a definition read back differs from the one sent', () => {
    expect(roundTripDifferences({ a: [1, { b: 'x' }], c: 1 }, { a: [1, { b: 'y' }], d: 2 })).toEqual([
      'a[1].b: sent "x", got back "y"',
      'c: sent 1, got back nothing',
      'd: sent nothing, got back 2',
    ]);
    expect(roundTripDifferences({ a: 1 }, null)).toEqual(['the definition: sent {"a":1}, got back null']);
    expect(roundTripDifferences({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('stops at the limit', () => {
    const sent = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    expect(roundTripDifferences(sent, {}, 3)).toEqual(['k0: sent 0, got back nothing', 'k1: sent 1, got back nothing', 'k2: sent 2, got back nothing']);
  });
});

describe('findExpressions, for any request-like value', () => {
  it('finds the expressions and paths the Object.entries walk found, in its order', () => {
    fc.assert(
      fc.property(requestLikeValue, fc.constantFrom('', 'Arguments'), (value, at) => {
        expect(findExpressions(value, at)).toStrictEqual(expressionsByEntries(value, at));
      }),
      { numRuns: 300 },
    );
  });
});
