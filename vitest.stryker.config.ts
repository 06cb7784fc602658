import { defineConfig } from 'vitest/config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The `builders` project of vitest.config.ts, alone, for `pnpm test:mutation` (stryker.config.mjs): only the
// harness's checks may kill a mutant.
export default defineConfig({
  test: {
    name: 'builders',
    include: ['harness/vitest/builders-level*.test.ts'],
    isolate: false,
    maxWorkers: 1,
    setupFiles: ['harness/vitest/stryker-mutant-in-workers.ts'],
  },
});
