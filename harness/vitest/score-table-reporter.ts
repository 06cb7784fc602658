// The score lines at the end of `pnpm test:builders` (the reporter projects use as 'stepscore/vitest/reporter').
export { builderResultsFromModules, default } from '../src/vitest/score-table-reporter.js';
