import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listResponseMembers, resolvePropertyPath } from '../src/response-shapes.js';

interface PropertiesReference {
  top_level_members: string[];
  leaf_paths: { path: string; type: string }[];
}

const reference = JSON.parse(readFileSync(new URL('./fixtures/training_step_properties.json', import.meta.url), 'utf8')) as PropertiesReference;

function missOf(path: string) {
  const resolution = resolvePropertyPath(path);
  if (resolution.ok) throw new Error(`expected ${path} not to resolve, but it resolved to ${resolution.leafType}`);
  return resolution;
}

describe('resolvePropertyPath on DescribeTrainingJobResponse', () => {
  it.each([
    ['properties.ModelArtifacts.S3ModelArtifacts', 'string'],
    ['ModelArtifacts.S3ModelArtifacts', 'string'],
    ['properties.OutputDataConfig.S3OutputPath', 'string'],
    ['TrainingJobName', 'string'],
    ["FinalMetricDataList['val:acc'].Value", 'number'],
    ['FinalMetricDataList["val:acc"].Value', 'number'],
    ['FinalMetricDataList[0].Timestamp', 'timestamp'],
    ["HyperParameters['epochs']", 'string'],
    ['InputDataConfig[0].ChannelName', 'string'],
    ['EnableNetworkIsolation', 'boolean'],
    ['ModelArtifacts', 'structure'],
    ['InputDataConfig', 'list'],
    ['HyperParameters', 'map'],
  ])('%s resolves to %s', (path, leafType) => {
    const resolution = resolvePropertyPath(path);
    expect(resolution.ok && resolution.leafType).toBe(leafType);
  });

  it('names the shape where a path ends on a named shape', () => {
    expect(resolvePropertyPath('ModelArtifacts')).toStrictEqual({ ok: true, leafType: 'structure', shapeName: 'ModelArtifacts' });
  });

  it('fails TrainingJobOutput.S3Output at TrainingJobOutput and suggests members that hold an S3 output', () => {
    const miss = missOf('properties.TrainingJobOutput.S3Output');
    expect(miss.failedAt).toBe('TrainingJobOutput');
    expect(miss.reason).toContain('not a member of DescribeTrainingJobResponse');
    expect(miss.nearest).toContain('OutputDataConfig');
    expect(miss.nearest).toHaveLength(3);
    for (const name of miss.nearest) expect(listResponseMembers('DescribeTrainingJobResponse')).toContain(name);
  });

  it('suggests by name alone when nothing follows the miss', () => {
    expect(missOf('TrainingJobStatsu').nearest[0]).toBe('TrainingJobStatus');
  });

  it('fails ModelArtifacts.S3Uri at S3Uri and suggests S3ModelArtifacts', () => {
    const miss = missOf('ModelArtifacts.S3Uri');
    expect(miss.failedAt).toBe('S3Uri');
    expect(miss.nearest).toStrictEqual(['S3ModelArtifacts']);
  });

  it('fails indexing a structure', () => {
    const miss = missOf('OutputDataConfig[0]');
    expect(miss.failedAt).toBe('[0]');
    expect(miss.reason).toMatch(/OutputDataConfig is a structure .*cannot be indexed/);
    expect(miss.nearest).toContain('S3OutputPath');
  });

  it('fails naming a member of a list without picking an item, and points at the item member', () => {
    const miss = missOf('InputDataConfig.ChannelName');
    expect(miss.failedAt).toBe('ChannelName');
    expect(miss.reason).toMatch(/InputDataConfig is a list .*\[0\]/);
    expect(miss.nearest[0]).toBe('ChannelName');
  });

  it('fails dotting into a map or indexing it with a number', () => {
    expect(missOf('HyperParameters.epochs').reason).toMatch(/is a map.*\['key'\]/);
    expect(missOf('HyperParameters[0]').reason).toMatch(/quoted key/);
  });

  it('fails going below a scalar', () => {
    expect(missOf('TrainingJobName.Value')).toMatchObject({ failedAt: 'Value', nearest: [] });
    expect(missOf("TrainingJobName['x']").reason).toMatch(/TrainingJobName is a string, which cannot be indexed/);
    expect(missOf('ModelArtifacts.S3ModelArtifacts.Bucket').reason).toMatch(/^ModelArtifacts\.S3ModelArtifacts is a string/);
  });

  it('fails paths it cannot read', () => {
    expect(missOf('ModelArtifacts..S3ModelArtifacts').failedAt).toBe('..S3ModelArtifacts');
    expect(missOf('InputDataConfig[0]ChannelName').failedAt).toBe('ChannelName');
    expect(missOf('properties.').reason).toMatch(/empty/);
    expect(missOf("HyperParameters['epochs").failedAt).toBe("['epochs");
  });
});

describe('resolvePropertyPath on other roots', () => {
  it('walks any shape the SDK has', () => {
    const resolution = resolvePropertyPath('properties.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri', 'DescribeProcessingJobResponse');
    expect(resolution).toMatchObject({ ok: true, leafType: 'string' });
    expect(resolvePropertyPath('ModelArn', 'DescribeModelOutput')).toMatchObject({ ok: true, leafType: 'string' });
  });

  it('names an unknown root shape and suggests real ones', () => {
    const resolution = resolvePropertyPath('TrainingJobName', 'DescribeTrainingJobRespons');
    expect(resolution.ok).toBe(false);
    if (!resolution.ok) {
      expect(resolution.failedAt).toBe('DescribeTrainingJobRespons');
      expect(resolution.nearest[0]).toBe('DescribeTrainingJobResponse');
    }
  });
});

describe('listResponseMembers', () => {
  it('lists every top-level member the botocore reference lists', () => {
    const members = listResponseMembers('DescribeTrainingJobResponse');
    expect(new Set(members)).toStrictEqual(new Set(reference.top_level_members));
  });

  it('lists members of shapes the SDK only reaches and does not export', () => {
    expect(listResponseMembers('ModelArtifacts')).toStrictEqual(['S3ModelArtifacts']);
    expect(listResponseMembers('MetricData')).toStrictEqual(['MetricName', 'Value', 'Timestamp']);
  });

  it('refuses unknown shapes and shapes without members', () => {
    expect(() => listResponseMembers('ModelArtifact')).toThrow(/no shape 'ModelArtifact'.*ModelArtifacts/);
    expect(() => listResponseMembers('InputDataConfig')).toThrow(/is a list \(InputDataConfig\), which has no members/);
  });
});

describe('every leaf path of the botocore reference resolves', () => {
  const expectedLeafType = (referenceType: string): string => {
    const kind = /^[a-z]+/.exec(referenceType)?.[0] ?? referenceType;
    if (['integer', 'long', 'float', 'double'].includes(kind)) return 'number';
    return kind;
  };

  it.each(reference.leaf_paths.map((entry) => [entry.path, entry.type] as const))('%s (%s)', (path, type) => {
    const concrete = path.replaceAll('[i]', '[0]');
    const isMap = type.startsWith('map<');
    const resolution = resolvePropertyPath(isMap ? `${concrete}['key']` : concrete);
    expect(resolution).toMatchObject({ ok: true, leafType: isMap ? 'string' : expectedLeafType(type) });
  });
});
