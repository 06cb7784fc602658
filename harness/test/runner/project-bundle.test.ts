import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bundledProjectModules, isEsModule, notBundleable, withOwnLocation } from '../../src/runner/isolated/project-bundle.js';
import { sourceWorkerBundle } from '../../src/runner/isolated/source-bundle.js';

const REPOSITORY_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));

describe('notBundleable', () => {
  it('takes imports of fixed specifiers and a module asking for its own location', () => {
    expect(notBundleable("import { a } from './a.js';\nconst b = await import('./b.js');\nconst c = await import(`./c.js`);")).toBeUndefined();
    expect(notBundleable('const here = new URL(import.meta.url); const f = import.meta.filename, d = import.meta.dirname;')).toBeUndefined();
    expect(notBundleable("type T = typeof import('./t.js');")).toBeUndefined();
  });

  it('refuses a module that computes what it imports or uses import.meta otherwise', () => {
    expect(notBundleable('const m = await import(name);')).toBe('it computes what it imports');
    const computedPath = ['const m = await import(`./plugins/', '$', '{name}.js`);'].join('');
    expect(notBundleable(computedPath)).toBe('it computes what it imports');
    expect(notBundleable("const url = import.meta.resolve('./a.js');")).toBe('it uses import.meta for more than its own location');
    expect(notBundleable('register(import.meta);')).toBe('it uses import.meta for more than its own location');
    expect(notBundleable("const file = join(__dirname, 'data.json');")).toBe("it uses CommonJS's __dirname or __filename");
  });
});

describe('isEsModule', () => {
  const folder = mkdtempSync(join(tmpdir(), 'stepscore-module-format-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("follows the extension, else the nearest package.json's type, as Node and tsx do", () => {
    mkdirSync(join(folder, 'esm', 'src'), { recursive: true });
    writeFileSync(join(folder, 'esm', 'package.json'), '{ "type": "module" }');
    mkdirSync(join(folder, 'cjs'));
    writeFileSync(join(folder, 'cjs', 'package.json'), '{ "name": "old-style" }');
    expect(isEsModule(join(folder, 'esm', 'src', 'registry.ts'))).toBe(true);
    expect(isEsModule(join(folder, 'esm', 'src', 'registry.cts'))).toBe(false);
    expect(isEsModule(join(folder, 'cjs', 'registry.ts'))).toBe(false);
    expect(isEsModule(join(folder, 'cjs', 'registry.mts'))).toBe(true);
  });
});

describe('withOwnLocation', () => {
  it("writes the module's URL, query included, its file and its folder where it asks for them", () => {
    const source = 'export const a = [import.meta.url, import.meta.filename, import.meta.dirname];';
    expect(withOwnLocation(source, 'file:///project/registry.ts?size=3')).toBe(
      'export const a = ["file:///project/registry.ts?size=3", "/project/registry.ts", "/project"];',
    );
  });
});

describe('bundledProjectModules', () => {
  const worker = sourceWorkerBundle()!;
  const project = mkdtempSync(join(tmpdir(), 'stepscore-project-bundle-'));
  // The project resolves its packages from this repository's, as a project inside it does.
  symlinkSync(REPOSITORY_MODULES, join(project, 'node_modules'), 'dir');
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
  mkdirSync(join(project, 'lib'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const write = (file: string, text: string, seconds: number) => {
    writeFileSync(join(project, file), text);
    utimesSync(join(project, file), seconds, seconds);
  };
  write('lib/helper.ts', 'export const helperUrl: string = import.meta.url;\nexport const version = 1;\n', 1_000);
  write(
    'registry.ts',
    [
      "import { z } from 'zod';",
      "import { StepSpecification } from '@stepscore/step-model';",
      "import { helperUrl, version } from './lib/helper.js';",
      'export const here: string = import.meta.url;',
      'export { helperUrl, version, z, StepSpecification };',
    ].join('\n'),
    1_000,
  );
  const registryUrl = `${pathToFileURL(join(project, 'registry.ts')).href}?size=3`;

  it("bundles the modules, each keeping its own URL, with third-party packages as Node loads them and ours from the worker's bundle", async () => {
    const modules = await bundledProjectModules([registryUrl], worker);
    const bundled = modules?.[registryUrl];
    expect(bundled).toMatch(/^file:.*\/projects\/.*\.js$/);
    const loaded = (await import(bundled!)) as Record<string, unknown>;
    expect(loaded.here).toBe(registryUrl);
    expect(loaded.helperUrl).toBe(pathToFileURL(join(project, 'lib', 'helper.ts')).href);
    // The same zod as this file's, not a second copy inside the bundle.
    expect(loaded.z).toBe(z);
    expect(loaded.StepSpecification).toBeTypeOf('function');
    expect(loaded.StepSpecification).toBe(((await import(worker.packages['@stepscore/step-model']!)) as Record<string, unknown>).StepSpecification);
    expect(readFileSync(fileURLToPath(bundled!), 'utf8')).toContain(JSON.stringify(fileURLToPath(worker.packages['@stepscore/step-model']!)));
  });

  it("bundles them when the worker bundle's folder is reached through a link at another depth (a copy sharing node_modules)", async () => {
    const linked = join(project, 'deeper', 'than', 'the', 'folder', 'it', 'links', 'to');
    mkdirSync(dirname(linked), { recursive: true });
    symlinkSync(worker.folder, linked, 'dir');
    // A module of its own, so that no earlier build serves it.
    write('linked.ts', "import { version } from './lib/helper.js';\nexport const linked = version;\n", 1_000);
    const url = pathToFileURL(join(project, 'linked.ts')).href;
    const modules = await bundledProjectModules([url], { ...worker, folder: linked });
    expect(modules?.[url]).toMatch(/^file:.*\/projects\/.*\.js$/);
  });

  it('builds again when one of their files changed, and otherwise gives the build it has', async () => {
    const first = await bundledProjectModules([registryUrl], worker);
    expect(await bundledProjectModules([registryUrl], worker)).toEqual(first);
    write('lib/helper.ts', 'export const helperUrl: string = import.meta.url;\nexport const version = 2;\n', 2_000);
    const edited = await bundledProjectModules([registryUrl], worker);
    expect(edited).not.toEqual(first);
    expect(((await import(edited![registryUrl]!)) as Record<string, unknown>).version).toBe(2);
  });

  it('builds again when a third-party file the last build imports is gone (a dependency upgraded)', async () => {
    const first = await bundledProjectModules([registryUrl], worker);
    const home = dirname(dirname(fileURLToPath(first![registryUrl]!)));
    const record = join(home, 'last-build.json');
    const last = JSON.parse(readFileSync(record, 'utf8')) as { files: string[]; outside: string[] };
    expect(last.outside.some((file) => file.includes(`${sep}zod${sep}`))).toBe(true);
    writeFileSync(record, JSON.stringify({ ...last, outside: [...last.outside, join(project, 'node_modules-gone', 'index.js')] }));
    expect(await bundledProjectModules([registryUrl], worker)).toEqual(first);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual(last);
  });

  it('gives none when a module is not a file, is CommonJS, computes what it imports, does not compile or has a broken package.json: those load as they are', async () => {
    expect(await bundledProjectModules(['data:text/javascript,export default 1'], worker)).toBeUndefined();
    write('common.cts', 'exports.registry = 1;\n', 1_000);
    expect(await bundledProjectModules([pathToFileURL(join(project, 'common.cts')).href], worker)).toBeUndefined();
    write('computed.ts', "const name = 'zod';\nexport const m = await import(name);\n", 1_000);
    expect(await bundledProjectModules([pathToFileURL(join(project, 'computed.ts')).href], worker)).toBeUndefined();
    write('broken.ts', 'export const = ;\n', 1_000);
    expect(await bundledProjectModules([pathToFileURL(join(project, 'broken.ts')).href], worker)).toBeUndefined();
    mkdirSync(join(project, 'unreadable'));
    write('unreadable/package.json', '{ "type": ', 1_000);
    write('unreadable/registry.ts', 'export const registry = 1;\n', 1_000);
    expect(await bundledProjectModules([pathToFileURL(join(project, 'unreadable', 'registry.ts')).href], worker)).toBeUndefined();
  });
});
