import { describe, expect, it } from 'vitest';
import { listResponseMembers, resolvePropertyPath } from '../src/response-shapes.js';
import { stepTypeVocabulary } from '../src/step-types/vocabulary.js';
import { readFixture } from './sdk-steps.js';

interface ShapeReference {
  step_type: string;
  top_level_members: string[];
  leaf_paths: { path: string; type: string }[];
}

// botocore 1.43.11's referenceable paths of the Processing, Transform and Model response shapes.
const reference = readFixture<Record<string, ShapeReference | object>>('step_properties_by_type.json');
const shapes = Object.entries(reference).filter((entry): entry is [string, ShapeReference] => entry[0] !== '_meta');

/** The walker's leaf type for the reference's type: a scalar kind, 'list' or 'map'. */
function expectedLeafType(referenceType: string): string {
  const kind = /^[a-z]+/.exec(referenceType)?.[0] ?? referenceType;
  return ['integer', 'long', 'float', 'double'].includes(kind) ? 'number' : kind;
}

describe('the reference of the other response shapes', () => {
  it('covers the Processing, Transform and Model steps', () => {
    expect(shapes.map(([shape]) => shape)).toStrictEqual(['DescribeProcessingJobResponse', 'DescribeTransformJobResponse', 'DescribeModelOutput']);
  });

  it.each(shapes)('%s is the response shape the vocabulary gives its step type', (shape, entry) => {
    expect(stepTypeVocabulary(entry.step_type)?.responseShape).toBe(shape);
  });

  it.each(shapes)('%s has the top-level members the reference lists', (shape, entry) => {
    expect(new Set(listResponseMembers(shape))).toStrictEqual(new Set(entry.top_level_members));
  });
});

describe.each(shapes)('every leaf path of %s resolves', (shape, entry) => {
  it.each(entry.leaf_paths.map(({ path, type }) => [path, type] as const))('%s (%s)', (path, type) => {
    const concrete = `properties.${path.replaceAll('[i]', '[0]')}`;
    expect(resolvePropertyPath(concrete, shape)).toMatchObject({ ok: true, leafType: expectedLeafType(type) });
    if (type.startsWith('map<')) expect(resolvePropertyPath(`${concrete}['key']`, shape)).toMatchObject({ ok: true, leafType: 'string' });
    if (type.startsWith('list<')) expect(resolvePropertyPath(`${concrete}[0]`, shape).ok).toBe(true);
  });
});

describe('paths of one shape do not resolve on another', () => {
  it.each([
    ['ProcessingOutputConfig.Outputs[0].S3Output.S3Uri', 'DescribeTransformJobResponse', 'ProcessingOutputConfig'],
    ['ModelArtifacts.S3ModelArtifacts', 'DescribeModelOutput', 'ModelArtifacts'],
    ['PrimaryContainer.ModelDataUrl', 'DescribeTransformJobResponse', 'PrimaryContainer'],
    ['TransformOutput.S3OutputPath', 'DescribeProcessingJobResponse', 'TransformOutput'],
  ])('%s on %s fails at %s', (path, shape, failedAt) => {
    expect(resolvePropertyPath(`properties.${path}`, shape)).toMatchObject({ ok: false, failedAt });
  });

  it('a misnamed leaf fails where it goes wrong and suggests the real member', () => {
    expect(resolvePropertyPath('properties.TransformOutput.S3Uri', 'DescribeTransformJobResponse')).toMatchObject({
      ok: false,
      failedAt: 'S3Uri',
      nearest: expect.arrayContaining(['S3OutputPath']),
    });
    expect(resolvePropertyPath("properties.ProcessingOutputConfig.Outputs['metrics'].S3Uri", 'DescribeProcessingJobResponse')).toMatchObject({
      ok: false,
      failedAt: 'S3Uri',
      nearest: expect.arrayContaining(['S3Output']),
    });
    expect(resolvePropertyPath('properties.ModelName.Value', 'DescribeModelOutput')).toMatchObject({ ok: false, failedAt: 'Value' });
  });
});
