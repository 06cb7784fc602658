import type { BasePipelineConfig, PipelineStepDefinition, StepBuilderBase, StepBuilderOptions } from '@stepscore/step-builder';
import { CheckContext, type CheckContextOptions } from '../../context/check-context.js';
import { PrerequisiteError } from '../../context/prerequisite-error.js';
import type { KnownFailures, PrerequisiteKind } from './messages.js';

export type PrerequisitePhase = 'running' | 'returned' | 'settled';

/**
 * The context a worker gives the checks. It records, where the main thread can read it, when the builder's
 * own code runs (parsing the config, the constructor, createStep), so that when a check overruns the main
 * thread knows whose code did not return; and it reports the failures the main thread already saw stop a worker as root causes,
 * instead of running that code again in the replacement worker and losing another worker to it.
 */
export class ObservedCheckContext extends CheckContext {
  private configAnnounced = false;

  constructor(
    options: CheckContextOptions,
    private readonly knownFailures: KnownFailures,
    private readonly report: (kind: PrerequisiteKind, phase: PrerequisitePhase) => void,
  ) {
    super(options);
  }

  override config(): BasePipelineConfig {
    this.throwKnown('config');
    return this.observeOnce(() => super.config());
  }

  /** Every construction goes through here, the shared builder's and the fresh ones checks make. */
  override construct(config: BasePipelineConfig, options?: StepBuilderOptions): StepBuilderBase {
    this.throwKnown('builder_construction');
    this.report('builder_construction', 'running');
    let builder: StepBuilderBase;
    try {
      builder = super.construct(config, options);
    } finally {
      this.report('builder_construction', 'settled');
    }
    return this.observeCreateStep(builder);
  }

  override step(): Promise<PipelineStepDefinition> {
    const known = this.knownFailures.step_creation;
    return known ? Promise.reject(new PrerequisiteError(known)) : super.step();
  }

  /**
   * Checks call createStep themselves too (with dependencies, with other configs): every call is watched, and
   * once one hung or crashed a worker, every later one fails at once with that root cause. The wrapper is an
   * own, non-enumerable property of the instance: the class and its prototype chain stay as they were.
   */
  private observeCreateStep(builder: StepBuilderBase): StepBuilderBase {
    const createStep: unknown = builder.createStep;
    if (typeof createStep !== 'function') return builder;
    const context = this;
    const observed = {
      createStep(this: unknown, ...args: unknown[]): unknown {
        return context.callCreateStep(() => Reflect.apply(createStep, this, args));
      },
    }.createStep;
    Object.defineProperty(observed, 'length', { value: createStep.length });
    // A builder that froze itself stays unobserved rather than failing here where it would not in process.
    Reflect.defineProperty(builder, 'createStep', { value: observed, writable: true, configurable: true, enumerable: false });
    return builder;
  }

  private callCreateStep(call: () => unknown): unknown {
    const known = this.knownFailures.step_creation;
    if (known) return Promise.reject(new PrerequisiteError(known));
    this.report('step_creation', 'running');
    let returned: unknown;
    try {
      returned = call();
    } catch (error) {
      this.report('step_creation', 'settled');
      throw error;
    }
    this.report('step_creation', 'returned');
    const settled = () => this.report('step_creation', 'settled');
    Promise.resolve(returned).then(settled, settled);
    return returned;
  }

  private throwKnown(kind: PrerequisiteKind): void {
    const known = this.knownFailures[kind];
    if (known) throw new PrerequisiteError(known);
  }

  private observeOnce<T>(make: () => T): T {
    if (this.configAnnounced) return make();
    this.configAnnounced = true;
    this.report('config', 'running');
    try {
      return make();
    } finally {
      this.report('config', 'settled');
    }
  }
}
