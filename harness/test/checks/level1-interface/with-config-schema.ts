import type { BuilderRegistration } from '@stepscore/step-builder';

/** A copy of the registration whose config schema is replaced: for schemas that let bad configs through. */
export function withConfigSchema(base: BuilderRegistration, configSchema: unknown): BuilderRegistration {
  return { ...base, configSchema: configSchema as BuilderRegistration['configSchema'] };
}
