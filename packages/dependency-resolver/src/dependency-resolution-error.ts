import { pythonListRepr } from '@stepscore/step-model';

export class DependencyResolutionError extends Error {
  constructor(
    readonly consumerStep: string,
    readonly unresolved: readonly string[],
  ) {
    super(`Step '${consumerStep}' has unresolved required dependencies: ${pythonListRepr(unresolved)}`);
    this.name = 'DependencyResolutionError';
  }
}
