import type { DependencyType, OutputSpec, StepSpecification } from '@stepscore/step-model';

export interface IndexedOutput {
  readonly stepName: string;
  readonly spec: StepSpecification;
  readonly output: OutputSpec;
  /** Position of the output in its spec, which orders candidates of one provider. */
  readonly outputIndex: number;
}

/** Registered outputs grouped by output type, both per step and across all steps. */
export class OutputTypeIndex {
  private readonly byStep = new Map<string, ReadonlyMap<DependencyType, readonly IndexedOutput[]>>();
  private readonly byType = new Map<DependencyType, Map<string, readonly IndexedOutput[]>>();

  set(stepName: string, spec: StepSpecification): void {
    this.delete(stepName);
    const grouped = new Map<DependencyType, IndexedOutput[]>();
    [...spec.outputs.values()].forEach((output, outputIndex) => {
      const entry: IndexedOutput = { stepName, spec, output, outputIndex };
      const group = grouped.get(output.outputType);
      if (group) group.push(entry);
      else grouped.set(output.outputType, [entry]);
    });
    this.byStep.set(stepName, grouped);
    for (const [type, entries] of grouped) {
      let steps = this.byType.get(type);
      if (!steps) this.byType.set(type, (steps = new Map()));
      steps.set(stepName, entries);
    }
  }

  delete(stepName: string): void {
    const grouped = this.byStep.get(stepName);
    if (!grouped) return;
    for (const type of grouped.keys()) this.byType.get(type)?.delete(stepName);
    this.byStep.delete(stepName);
  }

  /** The step's outputs of one type, in spec order. */
  outputsOf(stepName: string, type: DependencyType): readonly IndexedOutput[] {
    return this.byStep.get(stepName)?.get(type) ?? [];
  }

  /** Every step with outputs of this type → those outputs. */
  stepsWithOutputType(type: DependencyType): ReadonlyMap<string, readonly IndexedOutput[]> {
    return this.byType.get(type) ?? EMPTY;
  }
}

const EMPTY: ReadonlyMap<string, readonly IndexedOutput[]> = new Map();
