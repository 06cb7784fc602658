import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as stepBuilderSource from '@stepscore/step-builder';
import * as harnessSource from '../../src/index.js';
import { resolve as resolveHook, initialize } from '../../src/runner/isolated/bundled-packages-hook.mjs';
import { sourceFingerprint, sourceWorkerBundle } from '../../src/runner/isolated/source-bundle.js';

const OUR_PACKAGES = ['@stepscore/dependency-resolver', '@stepscore/harness', '@stepscore/sagemaker', '@stepscore/step-builder', '@stepscore/step-model'];

describe('sourceWorkerBundle', () => {
  const bundle = sourceWorkerBundle();

  it('bundles the worker and each of our packages, beside the harness dependencies they import', () => {
    expect(bundle).toBeDefined();
    expect(Object.keys(bundle?.packages ?? {}).sort()).toEqual(OUR_PACKAGES);
    const cache = fileURLToPath(new URL('../../node_modules/.cache/stepscore-worker/', import.meta.url));
    for (const url of [bundle?.entry ?? '', ...Object.values(bundle?.packages ?? {})]) expect(fileURLToPath(url).startsWith(cache)).toBe(true);
  });

  it("gives each package the exports of its sources, so a project's import finds in the bundle what it finds in the package", async () => {
    const bundled = async (name: string) => Object.keys(await import(bundle?.packages[name] ?? '')).sort();
    expect(await bundled('@stepscore/step-builder')).toEqual(Object.keys(stepBuilderSource).sort());
    expect(await bundled('@stepscore/harness')).toEqual(Object.keys(harnessSource).sort());
  });

  it('is the same bundle for the same sources, and none when STEPSCORE_UNBUNDLED_WORKERS=1 asks for the sources', () => {
    expect(sourceWorkerBundle()).toEqual(bundle);
    expect(sourceWorkerBundle({ STEPSCORE_UNBUNDLED_WORKERS: '1' })).toBeUndefined();
  });
});

describe('sourceFingerprint', () => {
  const folder = mkdtempSync(join(tmpdir(), 'stepscore-fingerprint-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('changes when a source file is edited, added or removed, and with the esbuild version', () => {
    const file = join(folder, 'a.ts');
    writeFileSync(file, 'export const a = 1;\n');
    utimesSync(file, 1_000, 1_000);
    const first = sourceFingerprint([folder], '0.28.2');
    expect(sourceFingerprint([folder], '0.28.2')).toBe(first);
    expect(sourceFingerprint([folder], '0.28.3')).not.toBe(first);

    writeFileSync(file, 'export const a = 2;\n');
    utimesSync(file, 1_000, 1_000);
    expect(sourceFingerprint([folder], '0.28.2'), 'same size and time: not seen').toBe(first);
    utimesSync(file, 2_000, 2_000);
    const edited = sourceFingerprint([folder], '0.28.2');
    expect(edited).not.toBe(first);

    writeFileSync(join(folder, 'b.ts'), '');
    const added = sourceFingerprint([folder], '0.28.2');
    expect(added).not.toBe(edited);
    rmSync(join(folder, 'b.ts'));
    expect(sourceFingerprint([folder], '0.28.2')).toBe(edited);
  });

  it('changes with an edit of the other files given (the manifests, the TypeScript settings)', () => {
    const settings = `${folder}-tsconfig.json`;
    writeFileSync(settings, '{}');
    utimesSync(settings, 1_000, 1_000);
    const before = sourceFingerprint([folder], '0.28.2', [settings]);
    expect(before).not.toBe(sourceFingerprint([folder], '0.28.2'));
    utimesSync(settings, 2_000, 2_000);
    expect(sourceFingerprint([folder], '0.28.2', [settings])).not.toBe(before);
    rmSync(settings);
  });
});

describe('bundled-packages-hook', () => {
  it("resolves our packages' names to the bundle and leaves every other specifier to the next resolver", async () => {
    initialize({ '@stepscore/step-builder': 'file:///bundle/step-builder.js' });
    const next = async (specifier: string) => ({ url: `next:${specifier}` });
    const context = { conditions: ['node', 'import'], importAssertions: {}, importAttributes: {}, parentURL: 'file:///project/builders/index.ts' };
    expect(await resolveHook('@stepscore/step-builder', context, next)).toEqual({
      url: 'file:///bundle/step-builder.js',
      format: 'module',
      shortCircuit: true,
    });
    expect(await resolveHook('@stepscore/step-builder/extra', context, next)).toEqual({ url: 'next:@stepscore/step-builder/extra' });
    expect(await resolveHook('zod', context, next)).toEqual({ url: 'next:zod' });
  });
});
