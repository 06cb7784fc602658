// `stepscore/vitest/reporter`: the score table per builder at the end of test:builders
// (vitest.config: `reporters: ['default', 'stepscore/vitest/reporter']`).
export { default } from '@stepscore/harness/vitest/reporter';
