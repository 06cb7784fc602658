export const DependencyType = {
  MODEL_ARTIFACTS: 'model_artifacts',
  PROCESSING_OUTPUT: 'processing_output',
  TRAINING_DATA: 'training_data',
  HYPERPARAMETERS: 'hyperparameters',
  PAYLOAD_SAMPLES: 'payload_samples',
  CUSTOM_PROPERTY: 'custom_property',
} as const;
export type DependencyType = (typeof DependencyType)[keyof typeof DependencyType];
export const DEPENDENCY_TYPES: readonly DependencyType[] = Object.values(DependencyType);

/** source: no dependencies, has outputs; internal: both; sink: dependencies, no outputs; singular: neither. */
export const NodeType = {
  SOURCE: 'source',
  INTERNAL: 'internal',
  SINK: 'sink',
  SINGULAR: 'singular',
} as const;
export type NodeType = (typeof NodeType)[keyof typeof NodeType];
export const NODE_TYPES: readonly NodeType[] = Object.values(NodeType);

export function isDependencyType(value: unknown): value is DependencyType {
  return typeof value === 'string' && (DEPENDENCY_TYPES as readonly string[]).includes(value);
}

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && (NODE_TYPES as readonly string[]).includes(value);
}
