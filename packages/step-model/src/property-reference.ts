import { PROPERTY_PATH_PREFIX, type OutputSpec } from './output-spec.js';

export type PropertyPathSegment =
  | { readonly kind: 'member'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'key'; readonly key: string };

export interface GetExpression {
  readonly Get: string;
}

export class PropertyPathSyntaxError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot parse property path ${JSON.stringify(path)}: ${reason}`);
    this.name = 'PropertyPathSyntaxError';
  }
}

export function stripPropertiesPrefix(path: string): string {
  return path.startsWith(PROPERTY_PATH_PREFIX) ? path.slice(PROPERTY_PATH_PREFIX.length) : path;
}

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)|^\[(\d+)\]|^\['([^']*)'\]|^\["([^"]*)"\]/;

/**
 * `ModelArtifacts.S3ModelArtifacts`, `InputDataConfig[0].ChannelName`, `HyperParameters['epochs']`,
 * `FinalMetricDataList["val:acc"].Value` — with or without the leading `properties.`.
 */
export function parsePropertyPath(path: string): PropertyPathSegment[] {
  let rest = stripPropertiesPrefix(path);
  const segments: PropertyPathSegment[] = [];
  let expectMember = true;
  while (rest.length > 0) {
    if (!expectMember && rest.startsWith('.')) {
      rest = rest.slice(1);
      expectMember = true;
      continue;
    }
    const m = SEGMENT.exec(rest);
    if (!m) throw new PropertyPathSyntaxError(path, `unexpected text at ${JSON.stringify(rest)}`);
    if (m[1] !== undefined) {
      if (!expectMember) throw new PropertyPathSyntaxError(path, `missing '.' before ${JSON.stringify(m[1])}`);
      segments.push({ kind: 'member', name: m[1] });
    } else if (m[2] !== undefined) {
      if (segments.length === 0) throw new PropertyPathSyntaxError(path, 'an index needs a member before it');
      segments.push({ kind: 'index', index: Number(m[2]) });
    } else {
      if (segments.length === 0) throw new PropertyPathSyntaxError(path, 'a key needs a member before it');
      segments.push({ kind: 'key', key: (m[3] ?? m[4]) as string });
    }
    expectMember = false;
    rest = rest.slice(m[0].length);
  }
  if (segments.length === 0 || expectMember) throw new PropertyPathSyntaxError(path, 'the path is empty or ends with a dot');
  return segments;
}

/** `{"Get": "Steps.<step>.<path without 'properties.'>"}` */
export function propertyGet(stepName: string, propertyPath: string): GetExpression {
  return { Get: `Steps.${stepName}.${stripPropertiesPrefix(propertyPath)}` };
}

export class PropertyReference {
  constructor(
    readonly stepName: string,
    readonly outputSpec: OutputSpec,
  ) {}

  toSageMakerProperty(): GetExpression {
    return propertyGet(this.stepName, this.outputSpec.propertyPath);
  }

  toString(): string {
    return `${this.stepName}.${this.outputSpec.logicalName}`;
  }
}

/** `Steps.<step>.<rest>` split back into its step name and property path. */
export function parseStepsGet(get: string): { stepName: string; path: string } | undefined {
  const m = /^Steps\.([A-Za-z0-9_-]+)\.(.+)$/.exec(get);
  return m ? { stepName: m[1] as string, path: m[2] as string } : undefined;
}
