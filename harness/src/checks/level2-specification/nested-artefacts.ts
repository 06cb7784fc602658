import { isUnderContainerPath, type ScriptContract } from '@stepscore/step-model';

/**
 * An output inside another output's directory is collected twice, once as itself and once inside the other, so a
 * consumer of the outer one receives the inner one's data as well.
 */
export function nestedArtefactProblems(contract: ScriptContract): string[] {
  const entries = Object.entries(contract.expectedOutputPaths ?? {});
  return entries.flatMap(([name, path]) =>
    entries
      .filter(([other, otherPath]) => other !== name && path !== otherPath && isUnderContainerPath(path, otherPath))
      .map(([other, otherPath]) => `output '${name}' (${path}) sits inside output '${other}''s directory (${otherPath})`),
  );
}
