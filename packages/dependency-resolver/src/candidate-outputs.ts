import type { DependencyType } from '@stepscore/step-model';
import type { IndexedOutput, OutputTypeIndex } from './output-type-index.js';

/** The available steps in the caller's order, duplicates dropped; built once per list of steps. */
export class ProviderOrder {
  readonly names: readonly string[];
  /** The same for any order of the same steps. */
  readonly orderFreeKey: string;
  private readonly positions = new Map<string, number>();

  constructor(available: Iterable<string>) {
    for (const name of available) if (!this.positions.has(name)) this.positions.set(name, this.positions.size);
    this.names = [...this.positions.keys()];
    this.orderFreeKey = JSON.stringify([...this.names].sort());
  }

  positionOf(name: string): number | undefined {
    return this.positions.get(name);
  }
}

export interface CandidateOutput extends IndexedOutput {
  readonly providerPosition: number;
}

/** The reference's candidate order: providers as given, then outputs as declared. */
export function compareCandidateOrder(x: CandidateOutput, y: CandidateOutput): number {
  return x.providerPosition - y.providerPosition || x.outputIndex - y.outputIndex;
}

/**
 * Visits the outputs of the given types offered by the providers, the consumer excluded, in no
 * particular order. Walks whichever is shorter: the providers' own type lists, or every
 * registered step holding one of the types. Either way only outputs of those types are visited.
 */
export function forEachCandidateOutput(
  index: OutputTypeIndex,
  types: readonly DependencyType[],
  consumer: string,
  providers: ProviderOrder,
  visit: (output: IndexedOutput, providerPosition: number) => void,
): void {
  const stepsByType = types.map((type) => index.stepsWithOutputType(type));
  const stepsHoldingTypes = stepsByType.reduce((sum, steps) => sum + steps.size, 0);

  if (stepsHoldingTypes <= providers.names.length * types.length) {
    for (const steps of stepsByType) {
      for (const [stepName, outputs] of steps) {
        const providerPosition = providers.positionOf(stepName);
        if (providerPosition === undefined || stepName === consumer) continue;
        for (const output of outputs) visit(output, providerPosition);
      }
    }
  } else {
    providers.names.forEach((stepName, providerPosition) => {
      if (stepName === consumer) return;
      for (const type of types) {
        for (const output of index.outputsOf(stepName, type)) visit(output, providerPosition);
      }
    });
  }
}

export function candidateOutputs(index: OutputTypeIndex, types: readonly DependencyType[], consumer: string, providers: ProviderOrder): CandidateOutput[] {
  const candidates: CandidateOutput[] = [];
  forEachCandidateOutput(index, types, consumer, providers, (output, providerPosition) => candidates.push({ ...output, providerPosition }));
  return candidates;
}
