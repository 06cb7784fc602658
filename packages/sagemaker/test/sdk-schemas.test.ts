import { describe, expect, it } from 'vitest';
import { namedSchema, schemaNode } from '../src/sdk-schemas.js';

describe('schemaNode', () => {
  it('decodes simple-type sentinels, and the list and map bits', () => {
    expect(schemaNode(0)).toMatchObject({ kind: 'scalar', type: 'string' });
    expect(schemaNode(1)).toMatchObject({ kind: 'scalar', type: 'number' });
    expect(schemaNode(2)).toMatchObject({ kind: 'scalar', type: 'boolean' });
    expect(schemaNode(4)).toMatchObject({ kind: 'scalar', type: 'timestamp' });
    expect(schemaNode(21)).toMatchObject({ kind: 'scalar', type: 'blob' });
    expect(schemaNode(64 | 0)).toStrictEqual({ kind: 'list', name: undefined, member: 0 });
    expect(schemaNode(128 | 1)).toStrictEqual({ kind: 'map', name: undefined, value: 1 });
  });

  it('follows lazy references and member wrappers', () => {
    const structure = [3, 'ns', 'Thing', 0, ['A'], [0]];
    expect(schemaNode(() => [() => structure, { sensitive: 1 }])).toMatchObject({ kind: 'structure', name: 'Thing' });
  });

  it('keeps the name of a named simple type', () => {
    expect(schemaNode([0, 'ns', 'Secret', 8, 0])).toStrictEqual({ kind: 'scalar', name: 'Secret', type: 'string' });
  });

  it('refuses what is not a schema', () => {
    expect(() => schemaNode({ not: 'a schema' })).toThrow(/Not a Smithy schema/);
  });
});

describe('namedSchema', () => {
  it('finds exported structures and the lists the SDK only reaches', () => {
    expect(schemaNode(namedSchema('DescribeTrainingJobResponse'))).toMatchObject({ kind: 'structure', name: 'DescribeTrainingJobResponse' });
    expect(schemaNode(namedSchema('InputDataConfig'))).toMatchObject({ kind: 'list', name: 'InputDataConfig' });
    expect(namedSchema('NoSuchShape')).toBeUndefined();
  });

  it('reads the DescribeTrainingJobResponse members with their kinds', () => {
    const node = schemaNode(namedSchema('DescribeTrainingJobResponse'));
    if (node.kind !== 'structure') throw new Error('expected a structure');
    expect(schemaNode(node.members.get('ModelArtifacts'))).toMatchObject({ kind: 'structure', name: 'ModelArtifacts' });
    expect(schemaNode(node.members.get('HyperParameters'))).toMatchObject({ kind: 'map' });
    expect(schemaNode(node.members.get('FinalMetricDataList'))).toMatchObject({ kind: 'list', name: 'FinalMetricDataList' });
    expect(schemaNode(node.members.get('CreationTime'))).toMatchObject({ kind: 'scalar', type: 'timestamp' });
  });
});
