// The format of generated/service-constraints.json: botocore shapes with
// their constraints and without documentation.

export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';

export interface ShapeConstraints {
  readonly type: ShapeType;
  readonly required?: readonly string[];
  /** Member name -> shape name. */
  readonly members?: Readonly<Record<string, string>>;
  readonly union?: boolean;
  readonly member?: string;
  readonly key?: string;
  readonly value?: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface ConstraintModelMeta {
  readonly source: string;
  readonly botocoreVersion: string;
  readonly regenerate: string;
  readonly roots: readonly string[];
}

export interface ConstraintModel {
  readonly _meta: ConstraintModelMeta;
  readonly shapes: Readonly<Record<string, ShapeConstraints>>;
}
