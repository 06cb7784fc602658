import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The projects in the order their files go to the workers: first the ones whose files run longest (a nested run in
 * a copy of the repository, builders stopped at time limits, moto_servers, a packed install, Chromium, whole
 * commands), so that the short unit files fill the other worker around them instead of leaving one long file to run
 * alone at the end. The copy's nested run keeps both cores busy on its own: the files that mostly wait (on time
 * limits, on servers starting and stopping) go beside it, not beside each other. Projects not named here come last.
 */
export const PROJECT_ORDER = ['copy', 'isolation', 'moto', 'pack', 'browser', 'cli', 'cli-mocked', 'defects', 'unit'];

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
