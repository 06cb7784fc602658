import { describe, expect, it } from 'vitest';
import { indexPath, keyPath, memberPath, parsePropertyPath } from '../src/property-path.js';

describe('parsePropertyPath', () => {
  it('reads members, indexes and quoted keys', () => {
    const parsed = parsePropertyPath(`FinalMetricDataList['val:acc'].Value`);
    expect(parsed).toStrictEqual({
      ok: true,
      segments: [
        { kind: 'member', name: 'FinalMetricDataList', text: 'FinalMetricDataList' },
        { kind: 'key', key: 'val:acc', text: "['val:acc']" },
        { kind: 'member', name: 'Value', text: 'Value' },
      ],
    });
    expect(parsePropertyPath('InputDataConfig[12].ChannelName')).toMatchObject({
      ok: true,
      segments: [{ name: 'InputDataConfig' }, { kind: 'index', index: 12 }, { name: 'ChannelName' }],
    });
  });

  it('reads double quotes and escaped quotes in keys', () => {
    expect(parsePropertyPath('HyperParameters["a.b"]')).toMatchObject({ ok: true, segments: [{}, { kind: 'key', key: 'a.b' }] });
    expect(parsePropertyPath("HyperParameters['it\\'s']")).toMatchObject({ ok: true, segments: [{}, { kind: 'key', key: "it's" }] });
  });

  it.each([
    ['', ''],
    ['.A', '.A'],
    ['A.', '.'],
    ['A..B', '..B'],
    ['A[0]B', 'B'],
    ['A[x]', '[x]'],
    ["A['b", "['b"],
    ['A B', ' B'],
  ])('refuses %j at %j', (path, at) => {
    expect(parsePropertyPath(path)).toMatchObject({ ok: false, at });
  });
});

describe('path formatting', () => {
  it('joins members, indexes and keys', () => {
    expect(memberPath('', 'RoleArn')).toBe('RoleArn');
    expect(memberPath(indexPath('InputDataConfig', 0), 'ChannelName')).toBe('InputDataConfig[0].ChannelName');
    expect(keyPath('HyperParameters', 'epochs')).toBe("HyperParameters['epochs']");
  });

  it('escapes quotes in keys so the path reads back the same key', () => {
    const path = keyPath('HyperParameters', "it's \\ ok");
    expect(parsePropertyPath(path)).toMatchObject({ ok: true, segments: [{}, { kind: 'key', key: "it's \\ ok" }] });
  });
});
