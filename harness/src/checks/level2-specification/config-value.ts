import type { BasePipelineConfig } from '@stepscore/step-builder';

/**
 * The value a config gives for a name the contract uses: a field named like it in lowercase
 * (`-` read as `_`), else a hyperparameter of that name; as a string, or undefined when absent.
 */
export function configValueFor(config: BasePipelineConfig, name: string): string | undefined {
  const key = name.toLowerCase().replace(/-/g, '_');
  const fields = config as unknown as Record<string, unknown>;
  const hyperparameters = fields['hyperparameters'] as Record<string, unknown> | undefined;
  const value = fields[key] ?? hyperparameters?.[key];
  return value === undefined || value === null ? undefined : String(value);
}

/** The config's `env` overrides, when it has any. */
export function envOverrides(config: BasePipelineConfig): Readonly<Record<string, string>> {
  return (config as { env?: Record<string, string> }).env ?? {};
}
