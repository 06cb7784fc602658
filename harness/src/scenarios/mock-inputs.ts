import { posix } from 'node:path';
import { DependencyType, type StepSpecification } from '@stepscore/step-model';

export const MOCK_INPUT_BUCKET = 'stepscore-inputs';

/**
 * A distinct S3 location for each dependency, so a swapped channel shows. When the contract reads the input as a
 * file (its container path has an extension), the location names an object of that file's name.
 */
export function mockInputUri(logicalName: string, containerPath?: string, dependencyType?: string): string {
  const base = `s3://${MOCK_INPUT_BUCKET}/inputs/${logicalName}`;
  // Model artefacts are what a training job writes: one gzipped tarball.
  if (dependencyType === DependencyType.MODEL_ARTIFACTS && containerPath === undefined) return `${base}/model.tar.gz`;
  const file = containerPath === undefined ? undefined : posix.basename(containerPath);
  return file?.includes('.') ? `${base}/${file}` : base;
}

/** A distinct name for a dependency that carries a name (a model name) rather than a location. */
export function mockInputName(logicalName: string): string {
  return `stepscore-input-${logicalName.replace(/[^A-Za-z0-9]+/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}

/** A mock value for every required dependency of the spec (every dependency with `includeOptional`): a location, or a name for String data. */
export function mockInputsFor(spec: StepSpecification, includeOptional = false): Record<string, string> {
  const paths = spec.scriptContract?.expectedInputPaths ?? {};
  return Object.fromEntries(
    [...spec.dependencies.values()]
      .filter((d) => includeOptional || d.required)
      .map((d) => [
        d.logicalName,
        d.dataType === 'String' ? mockInputName(d.logicalName) : mockInputUri(d.logicalName, paths[d.logicalName], d.dependencyType),
      ]),
  );
}
