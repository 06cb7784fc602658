// @stepscore/harness/vitest (re-exported as `stepscore/vitest`): a project's whole `test:builders` file is
//   import { defineBuilderTests } from 'stepscore/vitest';
//   await defineBuilderTests();
export { defineBuilderTests, type BuilderTestsOptions } from './define-builder-tests.js';
export type { StepscoreTaskMeta } from './task-meta.js';
