// Broken copies of a real builder's registration: one artefact changed, everything else as registered.
import type { BuilderRegistration } from '@stepscore/step-builder';
import type { StepSpecificationInput, TrainingScriptContract } from '@stepscore/step-model';
import { builderRegistry } from '../test/support/repository-project.js';

export { builderRegistry };

/** The registered builders the corpus seeds defects into: two of each step type but Transform, which has one. */
export type RealBuilderName =
  | 'PyTorchTraining'
  | 'XGBoostTraining'
  | 'TabularPreprocessing'
  | 'XGBoostModelEval'
  | 'BatchTransform'
  | 'PyTorchModel'
  | 'XGBoostModel';

export function realBuilder(name: RealBuilderName): BuilderRegistration {
  return builderRegistry.get(name);
}

const clone = <T>(value: T): T => structuredClone(value);

/** A copy of the registration whose spec and contract were changed by `mutate` (on deep copies). */
export function withSpecAndContract(
  base: BuilderRegistration,
  mutate: (spec: StepSpecificationInput, contract: TrainingScriptContract) => void,
): BuilderRegistration {
  const contract = clone(base.contract) as TrainingScriptContract;
  const spec = { ...clone({ ...base.spec, scriptContract: undefined }), scriptContract: contract } as StepSpecificationInput;
  mutate(spec, contract);
  const BaseClass = base.builderClass;
  // The builder class takes its spec from its own module; this subclass hands it the broken one.
  const Broken = {
    [base.builderClass.name]: class extends (BaseClass as new (...args: never[]) => object) {
      constructor(config: never, options: Record<string, unknown> = {}) {
        super(config, { ...options, spec: { ...spec, scriptContract: spec.scriptContract } } as never);
      }
    },
  }[base.builderClass.name] as unknown as BuilderRegistration['builderClass'];
  return { ...base, spec, contract: spec.scriptContract ?? contract, builderClass: Broken };
}

/** A copy of the registration with another builder class (usually a subclass overriding one method). */
export function withBuilderClass(base: BuilderRegistration, builderClass: unknown): BuilderRegistration {
  return { ...base, builderClass: builderClass as BuilderRegistration['builderClass'] };
}

/** A copy of the registration whose default config was changed by `mutate` (on a deep copy). */
export function withDefaultConfig(base: BuilderRegistration, mutate: (config: Record<string, unknown>) => void): BuilderRegistration {
  const config = clone(base.defaultConfig) as Record<string, unknown>;
  mutate(config);
  return { ...base, defaultConfig: config };
}

/** A copy of the registration whose config schema is replaced: for schemas that let bad configs through. */
export function withConfigSchema(base: BuilderRegistration, configSchema: unknown): BuilderRegistration {
  return { ...base, configSchema: configSchema as BuilderRegistration['configSchema'] };
}
