import { describe, expect, it } from 'vitest';
import { extractConstraintShapes, type BotocoreServiceModel } from '../scripts/extract-constraint-shapes.js';

const model: BotocoreServiceModel = {
  shapes: {
    Root: {
      type: 'structure',
      required: ['Items'],
      members: { Items: { shape: 'ItemList' }, Tags: { shape: 'TagMap' } },
    },
    ItemList: { type: 'list', member: { shape: 'Item' }, min: 1, max: 3 },
    Item: { type: 'structure', members: { Mode: { shape: 'Mode' } } },
    Mode: { type: 'string', enum: ['A', 'B'] },
    TagMap: { type: 'map', key: { shape: 'Text' }, value: { shape: 'Text' } },
    Text: { type: 'string', min: 0, max: 10, pattern: '.*' },
    Unrelated: { type: 'string' },
    Extra: { type: 'integer', min: 1 },
  },
};

// botocore models carry documentation on shapes and members; it must not survive.
const documented = {
  shapes: {
    Root: {
      type: 'structure',
      documentation: '<p>root</p>',
      members: { Count: { shape: 'Count', documentation: '<p>count</p>', box: true } },
    },
    Count: { type: 'integer', min: 1, documentation: '<p>n</p>' },
  },
} as unknown as BotocoreServiceModel;

describe('extractConstraintShapes', () => {
  it('keeps the roots and what they reach, sorted, and nothing else', () => {
    const shapes = extractConstraintShapes(model, ['Root', 'Extra']);
    expect(Object.keys(shapes)).toStrictEqual(['Extra', 'Item', 'ItemList', 'Mode', 'Root', 'TagMap', 'Text']);
  });

  it('turns member references into shape names and keeps the constraints', () => {
    const shapes = extractConstraintShapes(model, ['Root']);
    expect(shapes['Root']).toStrictEqual({ type: 'structure', required: ['Items'], members: { Items: 'ItemList', Tags: 'TagMap' } });
    expect(shapes['ItemList']).toStrictEqual({ type: 'list', member: 'Item', min: 1, max: 3 });
    expect(shapes['TagMap']).toStrictEqual({ type: 'map', key: 'Text', value: 'Text' });
    expect(shapes['Mode']).toStrictEqual({ type: 'string', enum: ['A', 'B'] });
    expect(shapes['Text']).toStrictEqual({ type: 'string', min: 0, max: 10, pattern: '.*' });
  });

  it('writes an empty required list for structures that have none', () => {
    expect(extractConstraintShapes(model, ['Item'])['Item']?.required).toStrictEqual([]);
  });

  it('drops documentation and other keys it does not use', () => {
    const shapes = extractConstraintShapes(documented, ['Root']);
    expect(shapes).toStrictEqual({
      Count: { type: 'integer', min: 1 },
      Root: { type: 'structure', required: [], members: { Count: 'Count' } },
    });
  });

  it('fails on a reference to a shape the model lacks', () => {
    expect(() => extractConstraintShapes(model, ['Nope'])).toThrow("Shape 'Nope' is referenced but not defined");
  });
});
