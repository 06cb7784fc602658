import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The projects in the order their files go to the workers: first the ones whose files run longest (a packed
 * install, builders stopped at time limits, a moto_server, Chromium, whole commands), so that the short unit files
 * fill the other worker around them instead of leaving one long file to run alone at the end. Projects not named
 * here come last.
 */
export const PROJECT_ORDER = ['pack', 'isolation', 'moto', 'browser', 'cli', 'cli-mocked', 'defects', 'unit'];

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
