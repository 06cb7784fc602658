import type { PipelineValue } from '@stepscore/step-builder';

/** A named (config, inputs) pair derived from the builder's own schema and spec. */
export interface ScenarioPlan {
  readonly name: string;
  /** What it tries, in words, for messages. */
  readonly description: string;
  readonly rawConfig: Readonly<Record<string, unknown>>;
  readonly inputs: Readonly<Record<string, PipelineValue>>;
  /** The settings this scenario changed from the default, with their probe values. */
  readonly changed: readonly ChangedSetting[];
}

export interface ChangedSetting {
  readonly field: string;
  readonly value: unknown;
  /** What the change is meant to show, e.g. `the longest name the schema accepts`; `left-out`: the setting is removed. */
  readonly purpose: 'name' | 'region' | 'instance' | 'boundary' | 'override' | 'flip' | 'parameter' | 'enum' | 'left-out';
}

/** A config the schema must refuse, naming `field`. */
export interface InvalidConfigProbe {
  readonly field: string;
  /** In words, e.g. `training_instance_count = 0 (below its minimum 1)`. */
  readonly description: string;
  readonly rawConfig: Readonly<Record<string, unknown>>;
}
