import type { StepSpecification } from '@stepscore/step-model';
import { OutputTypeIndex } from './output-type-index.js';

/** Step name → specification, with the outputs indexed by type for the resolver. */
export class SpecificationRegistry {
  private readonly specs = new Map<string, StepSpecification>();
  readonly outputIndex = new OutputTypeIndex();
  private revision = 0;

  /** Registers or replaces the step's specification. */
  register(stepName: string, spec: StepSpecification): void {
    this.specs.set(stepName, spec);
    this.outputIndex.set(stepName, spec);
    this.revision++;
  }

  get(stepName: string): StepSpecification | undefined {
    return this.specs.get(stepName);
  }

  has(stepName: string): boolean {
    return this.specs.has(stepName);
  }

  stepNames(): string[] {
    return [...this.specs.keys()];
  }

  specifications(): IterableIterator<StepSpecification> {
    return this.specs.values();
  }

  /** Increases on every registration, so that caches built on the registry know when to drop. */
  get version(): number {
    return this.revision;
  }
}
