import { describe, expect, it } from 'vitest';
import { isPipelineExpression } from '../src/pipeline-expression.js';

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
