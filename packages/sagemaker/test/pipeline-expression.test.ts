import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPipelineExpression, isPlainObject } from '../src/pipeline-expression.js';

/** isPipelineExpression as first written, with Object.keys: the one it is compared with. */
function isPipelineExpressionByKeys(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const operand = value[keys[0] as string];
  if (keys[0] === 'Get') return typeof operand === 'string';
  if (keys[0] === 'Std:Join') return isPlainObject(operand) && typeof operand['On'] === 'string' && Array.isArray(operand['Values']);
  if (keys[0] === 'Std:JsonGet') return isPlainObject(operand) && typeof operand['Path'] === 'string';
  return false;
}

describe('isPipelineExpression', () => {
  it.each([
    [{ Get: 'Parameters.InstanceType' }],
    [{ Get: "Steps.Train.FinalMetricDataList['val:acc'].Value" }],
    [{ 'Std:Join': { On: '/', Values: ['s3://bucket', { Get: 'Execution.PipelineExecutionId' }] } }],
    [{ 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Eval.PropertyFiles.Report' }, Path: 'metrics.acc' } }],
  ])('accepts %j', (value) => {
    expect(isPipelineExpression(value)).toBe(true);
  });

  it.each([
    [null],
    ['Parameters.X'],
    [['Get']],
    [{}],
    [{ Get: 'a', Std: 'b' }],
    [{ get: 'Parameters.X' }],
    [{ Get: 5 }],
    [{ 'Std:Join': 'a,b' }],
    [{ 'Std:Join': { On: '/' } }],
    [{ 'Std:JsonGet': { PropertyFile: 'Report' } }],
    [
      new (class Get {
        Get = 'x';
      })(),
    ],
  ])('rejects %j', (value) => {
    expect(isPipelineExpression(value)).toBe(false);
  });
});

describe('isPipelineExpression, for any value', () => {
  const operand = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom('On', 'Values', 'Path', 'x'), fc.oneof(fc.string(), fc.array(fc.string()))),
  );
  const keyed = fc.dictionary(fc.constantFrom('Get', 'Std:Join', 'Std:JsonGet', 'get', 'Other'), operand, { maxKeys: 3 });
  const withoutPrototype = keyed.map((record) => Object.assign(Object.create(null) as Record<string, unknown>, record));

  it('decides as the Object.keys version did, whatever the keys and their number, with or without a prototype', () => {
    fc.assert(
      fc.property(fc.oneof(keyed, withoutPrototype, fc.anything()), (value) => {
        expect(isPipelineExpression(value)).toBe(isPipelineExpressionByKeys(value));
      }),
      { numRuns: 500 },
    );
  });

  it('counts only own keys: an enumerable key added to Object.prototype does not make a Get two keys', () => {
    let decided: boolean;
    Object.defineProperty(Object.prototype, 'Polluted', { value: 'x', enumerable: true, configurable: true, writable: true });
    try {
      decided = isPipelineExpression({ Get: 'Parameters.P' });
    } finally {
      delete (Object.prototype as Record<string, unknown>)['Polluted'];
    }
    expect(decided).toBe(true);
  });
});
