import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, temporaryFolder } from './external-project.js';
import { relatedTestFiles } from './related-test-files.js';

const FILES: Record<string, string> = {
  'src/entry.ts': 'export const entry = 1;\nexport interface Entry { n: number }\n',
  'src/via.ts': "import { entry } from './entry.js';\nexport const via = entry + 1;\n",
  'src/a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
  'src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  'src/other.ts': "import { z } from 'zod';\nexport const other = z.string();\n",
  'test/direct.test.ts': "import { entry } from '../src/entry.js';\nconsole.log(entry);\n",
  'test/indirect.test.ts': "import { via } from '../src/via.js';\nconsole.log(via);\n",
  'test/dynamic.test.ts': "const { via } = await import('../src/via.js');\nconsole.log(via);\n",
  'test/type-only.test.ts': "import type { Entry } from '../src/entry.js';\nexport const e: Entry = { n: 1 };\n",
  'test/cycle.test.ts': "import { a } from '../src/a.js';\nconsole.log(a);\n",
  'test/package.test.ts': "import { other } from '../src/other.js';\nconsole.log(other);\n",
  'test/two.test.ts': "import { other } from '../src/other.js';\nimport { b } from '../src/b.js';\nconsole.log(other, b);\n",
};

let root: string;

beforeAll(() => {
  root = temporaryFolder('stepscore-related-');
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
});
afterAll(removeTemporaryFolders);

const tests = () => Object.keys(FILES).filter((file) => file.endsWith('.test.ts'));

describe('relatedTestFiles', () => {
  it('takes the test files that import a module directly, through others, or by a literal dynamic import', async () => {
    const related = await relatedTestFiles(root, tests(), ['src/entry.ts']);
    expect(related).toEqual(['direct.test.ts', 'indirect.test.ts', 'dynamic.test.ts'].map((file) => join(root, 'test', file)));
  });

  it('leaves out type-only imports, import cycles that never reach the module, and packages', async () => {
    const related = await relatedTestFiles(root, tests(), ['src/entry.ts']);
    for (const file of ['type-only', 'cycle', 'package', 'two']) expect(related).not.toContain(join(root, 'test', `${file}.test.ts`));
  });

  it('takes a file reaching any of several modules, once, in the order the test files were given', async () => {
    const related = await relatedTestFiles(root, [...tests()].reverse(), ['src/b.ts', 'src/via.ts']);
    expect(related).toEqual(['two.test.ts', 'cycle.test.ts', 'dynamic.test.ts', 'indirect.test.ts'].map((file) => join(root, 'test', file)));
  });

  it('gives the files by the path they were asked by when the folder is reached through a link', async () => {
    const link = join(temporaryFolder('stepscore-related-link-'), 'link');
    symlinkSync(root, link, 'dir');
    expect(await relatedTestFiles(link, tests(), ['src/entry.ts'])).toEqual(
      ['direct.test.ts', 'indirect.test.ts', 'dynamic.test.ts'].map((file) => join(link, 'test', file)),
    );
  });

  it('counts a test file named as a module as related to it', async () => {
    expect(await relatedTestFiles(root, tests(), ['test/cycle.test.ts'])).toEqual([join(root, 'test', 'cycle.test.ts')]);
  });
});
