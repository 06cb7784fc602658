import { defineConfig } from 'vitest/config';

// Projects:
//   unit      - unit tests of the domain packages, the builders and the harness
//   builders  - `pnpm test:builders`: one test per check per registered builder
//   moto      - integration against a local moto_server (127.0.0.1 only)
//   browser   - the HTML report opened in headless Chromium
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'builders/**/*.test.ts', 'harness/test/**/*.test.ts'],
          exclude: ['harness/test/moto/**', 'harness/test/browser/**', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'builders',
          include: ['harness/vitest/builders.test.ts'],
        },
      },
      {
        test: {
          name: 'moto',
          include: ['harness/test/moto/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['harness/test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
