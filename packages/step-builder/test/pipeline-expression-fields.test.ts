import { PythonFloat } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPipelineExpressionField, orPipelineExpression, pipelineExpressionFields, pythonNumber } from '../src/index.js';

describe('orPipelineExpression', () => {
  const count = orPipelineExpression(z.number().int().min(1)).default(1);

  it('takes the literal, a parameter, an execution variable, a step property or a join', () => {
    for (const value of [
      3,
      { Get: 'Parameters.InstanceCount' },
      { Get: 'Execution.PipelineExecutionId' },
      { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" },
      { 'Std:Join': { On: '/', Values: ['s3://b', { Get: 'Execution.PipelineExecutionId' }] } },
    ]) {
      expect(count.parse(value)).toEqual(value);
    }
    expect(count.parse(undefined)).toBe(1);
  });

  it("keeps the literal's own message for a bad literal", () => {
    expect(count.safeParse(0).error?.issues.map((i) => i.message)).toEqual(['Too small: expected number to be >=1']);
  });

  it('names both forms for a value of the wrong type, and says when it is missing', () => {
    expect(count.safeParse('3').error?.issues.map((i) => i.message)).toEqual(['expected a number or a pipeline expression such as {"Get": "Parameters.X"}']);
    expect(
      orPipelineExpression(z.string())
        .safeParse(undefined)
        .error?.issues.map((i) => i.message),
    ).toEqual(['required field is missing (expected string)']);
    expect(count.safeParse({ Get: 1 }).success).toBe(false);
    expect(count.safeParse({ Get: 'Parameters.X', Extra: 1 }).success).toBe(false);
  });

  it('is discoverable through defaults and optionals', () => {
    expect(isPipelineExpressionField(count)).toBe(true);
    expect(isPipelineExpressionField(orPipelineExpression(z.string()).optional())).toBe(true);
    expect(isPipelineExpressionField(z.string().optional())).toBe(false);
  });
});

describe('pipelineExpressionFields', () => {
  it('lists every marked field as a dotted path, with * for record keys and [] for array items', () => {
    const schema = z.strictObject({
      plain: z.string(),
      count: orPipelineExpression(z.number()).default(1),
      env: z.record(z.string(), orPipelineExpression(z.string())).optional(),
      channels: z.record(z.string(), z.strictObject({ uri: orPipelineExpression(z.string()), mode: z.string() })).optional(),
      subnets: z.array(orPipelineExpression(z.string())).optional(),
      nested: z.strictObject({ deep: orPipelineExpression(z.boolean()).optional() }),
      hyperparameters: z.object({ known: z.string() }).catchall(orPipelineExpression(z.unknown())),
    });
    expect(pipelineExpressionFields(schema)).toEqual(['count', 'env.*', 'channels.*.uri', 'subnets[]', 'nested.deep', 'hyperparameters.*']);
  });

  it('sees through a refined object', () => {
    const schema = z.strictObject({ a: orPipelineExpression(z.string()) }).superRefine(() => undefined);
    expect(pipelineExpressionFields(schema)).toEqual(['a']);
  });
});

describe('pythonNumber', () => {
  it('checks the number but keeps a PythonFloat as given', () => {
    const schema = pythonNumber(z.number().min(0).max(1));
    const one = new PythonFloat(1);
    expect(schema.parse(one)).toBe(one);
    expect(schema.parse(0.5)).toBe(0.5);
    expect(schema.safeParse(new PythonFloat(2)).error?.issues.map((i) => i.message)).toEqual(['Too big: expected number to be <=1']);
  });
});
