import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The projects in the order their files go to the workers: first the ones whose files run longest (a nested run in
 * a copy of the repository, whole commands, builders stopped at time limits, moto_servers, a packed install,
 * Chromium), so that the short unit files fill the other worker around them instead of leaving one long file to run
 * alone at the end. Projects not named here come last. (Where the files that mostly wait go among the long ones
 * moved `pnpm test` by less than its run-to-run spread: BENCHMARKS.md, 26 November 2026, afternoon.)
 */
export const PROJECT_ORDER = ['copy', 'cli', 'isolation', 'moto', 'pack', 'browser', 'cli-mocked', 'defects', 'unit'];

function rank(specification: TestSpecification): number {
  const index = PROJECT_ORDER.indexOf(specification.project.name);
  return index === -1 ? PROJECT_ORDER.length : index;
}

/** vitest's own order (longest or failed first, from its cache) within a project; the projects in PROJECT_ORDER. */
export default class LongestProjectsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: within a project, vitest's order stands.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
