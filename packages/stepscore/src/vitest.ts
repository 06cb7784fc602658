// `stepscore/vitest`: a project's whole test:builders file is
//   import { defineBuilderTests } from 'stepscore/vitest';
//   await defineBuilderTests();
export { defineBuilderTests, type BuilderTestsOptions, type StepscoreTaskMeta } from '@stepscore/harness/vitest';
