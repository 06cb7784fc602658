import { describe, expect, it } from 'vitest';
import { editDistance, nearestNames, words } from '../src/similar-names.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['instancetyp', 'instancetype', 1],
  ])('%s -> %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('words', () => {
  it('splits camelCase, acronyms, digits and dots', () => {
    expect(words('TrainingJobArn')).toStrictEqual(['training', 'job', 'arn']);
    expect(words('AutoMLJobArn')).toStrictEqual(['auto', 'ml', 'job', 'arn']);
    expect(words('S3OutputPath')).toStrictEqual(['s3', 'output', 'path']);
    expect(words('ml.m5.xlarge')).toStrictEqual(['ml', 'm5', 'xlarge']);
  });
});

describe('nearestNames', () => {
  const members = ['InstanceType', 'InstanceCount', 'VolumeSizeInGB', 'VolumeKmsKeyId', 'InstanceGroups', 'KeepAlivePeriodInSeconds'];

  it('puts a one-letter slip first, case-insensitively', () => {
    expect(nearestNames('InstanceTyp', members)[0]).toBe('InstanceType');
    expect(nearestNames('instancetype', members)[0]).toBe('InstanceType');
  });

  it('prefers names that share words with the target', () => {
    expect(nearestNames('VolumeSize', members, 2)).toStrictEqual(['VolumeSizeInGB', 'VolumeKmsKeyId']);
    expect(nearestNames('ModelArtifact', ['ModelName', 'ModelArtifacts', 'Artifact'])[0]).toBe('ModelArtifacts');
  });

  it('returns at most the limit, without duplicates, and nothing for no candidates', () => {
    expect(nearestNames('x', [...members, ...members])).toHaveLength(3);
    expect(new Set(nearestNames('x', [...members, ...members], 10)).size).toBe(members.length);
    expect(nearestNames('x', [])).toStrictEqual([]);
  });
});
