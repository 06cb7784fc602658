import { readFileSync } from 'node:fs';
import { AWS_REGION_BY_CODE, type RegionCode } from '@stepscore/step-builder';

/** One step of a pipeline definition that the SageMaker Python SDK emitted. */
export interface SdkTrainingStep {
  readonly Name: string;
  readonly Type: string;
  readonly Arguments: {
    readonly AlgorithmSpecification: Record<string, unknown>;
    readonly HyperParameters?: Record<string, string>;
    readonly InputDataConfig: readonly { DataSource: { S3DataSource: Record<string, unknown> }; ChannelName: string; ContentType?: string }[];
  } & Record<string, unknown>;
  readonly DependsOn?: readonly string[];
  readonly CacheConfig?: Record<string, unknown>;
}

export interface SdkCase {
  readonly _meta: { readonly sdk: string; readonly region: string; readonly inputs: string };
  readonly definition: { readonly Steps: readonly SdkTrainingStep[] };
}

/** The `sagemaker_*` hyperparameters a framework estimator adds to the user's own. */
export const FRAMEWORK_HYPERPARAMETER_NAMES = ['sagemaker_program', 'sagemaker_submit_directory', 'sagemaker_container_log_level', 'sagemaker_region'] as const;

export function loadSdkCase(file: string): SdkCase {
  return JSON.parse(readFileSync(new URL(`./sdk-generated/${file}`, import.meta.url), 'utf8')) as SdkCase;
}

export function sdkStep(sdkCase: SdkCase, name: string): SdkTrainingStep {
  const step = sdkCase.definition.Steps.find((s) => s.Name === name);
  if (!step) throw new Error(`The SDK case has no step '${name}'`);
  return step;
}

/** The keyword arguments of the estimator call that opens `_meta.inputs` (before `fit(`). */
export function estimatorArguments(sdkCase: SdkCase): string {
  const inputs = sdkCase._meta.inputs;
  const end = inputs.indexOf('); fit(');
  if (end < 0) throw new Error('The SDK case inputs do not start with an estimator call followed by fit()');
  return inputs.slice(0, end);
}

/** The raw Python text of `name=<value>` in the estimator call: `'train.py'`, `1`, `True`. */
export function pythonKeywordArgument(sdkCase: SdkCase, name: string): string | undefined {
  return new RegExp(`[(,]\\s*${name}=('[^']*'|[^,)]+)`).exec(estimatorArguments(sdkCase))?.[1];
}

export function stringArgument(sdkCase: SdkCase, name: string): string {
  const raw = pythonKeywordArgument(sdkCase, name);
  if (raw === undefined || !/^'.*'$/.test(raw)) throw new Error(`The SDK case has no string argument ${name}`);
  return raw.slice(1, -1);
}

export function integerArgument(sdkCase: SdkCase, name: string): number {
  const raw = pythonKeywordArgument(sdkCase, name);
  if (raw === undefined || !/^\d+$/.test(raw)) throw new Error(`The SDK case has no integer argument ${name}`);
  return Number(raw);
}

/** A Python bool argument, or the SDK default when the call leaves it out. */
export function booleanArgument(sdkCase: SdkCase, name: string, sdkDefault: boolean): boolean {
  const raw = pythonKeywordArgument(sdkCase, name);
  if (raw === undefined) return sdkDefault;
  if (raw !== 'True' && raw !== 'False') throw new Error(`The SDK case argument ${name} is not a bool: ${raw}`);
  return raw === 'True';
}

/** Our region code for the AWS region the SDK ran in. */
export function regionCode(sdkCase: SdkCase): RegionCode {
  const entry = Object.entries(AWS_REGION_BY_CODE).find(([, awsRegion]) => awsRegion === sdkCase._meta.region);
  if (!entry) throw new Error(`No region code maps to ${sdkCase._meta.region}`);
  return entry[0] as RegionCode;
}

export function sdkRole(sdkCase: SdkCase): string {
  const role = /role (arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+)/.exec(sdkCase._meta.sdk)?.[1];
  if (!role) throw new Error('The SDK case does not name its role');
  return role;
}

export function sdkBucket(sdkCase: SdkCase): string {
  const bucket = /default bucket ([a-z0-9.-]+)/.exec(sdkCase._meta.sdk)?.[1];
  if (!bucket) throw new Error('The SDK case does not name its default bucket');
  return bucket;
}

/** `TrainingStep(name=..., cache_config=CacheConfig(True,'P30D'), depends_on=['A'])` as our options. */
export function trainingStepOptions(sdkCase: SdkCase): { cache?: { enabled: boolean; expireAfter: string }; dependsOn: string[] } {
  const call = /TrainingStep\(([^()]*(?:\([^()]*\)[^()]*)*)\)/.exec(sdkCase._meta.inputs)?.[1] ?? '';
  const cache = /cache_config=CacheConfig\((True|False),\s*'([^']+)'\)/.exec(call);
  const dependsOn = /depends_on=\[([^\]]*)\]/.exec(call)?.[1];
  return {
    ...(cache ? { cache: { enabled: cache[1] === 'True', expireAfter: cache[2] as string } } : {}),
    dependsOn: dependsOn ? [...dependsOn.matchAll(/'([^']+)'/g)].map((m) => m[1] as string) : [],
  };
}

/** The step's hyperparameters split into the framework's `sagemaker_*` ones and the user's. */
export function splitHyperparameters(hyperparameters: Readonly<Record<string, unknown>>): {
  framework: Record<string, unknown>;
  user: Record<string, unknown>;
} {
  const framework: Record<string, unknown> = {};
  const user: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(hyperparameters)) {
    if ((FRAMEWORK_HYPERPARAMETER_NAMES as readonly string[]).includes(name)) framework[name] = value;
    else user[name] = value;
  }
  return { framework, user };
}

export function parseEachJson(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, JSON.parse(String(value))]));
}

/**
 * The JSON paths where two step definitions differ (`Arguments.ResourceConfig.InstanceType`,
 * `Arguments.InputDataConfig[0].ChannelName`); a member only one side has is a difference at its path.
 */
export function differingPaths(ours: unknown, sdk: unknown, path = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(ours) && Array.isArray(sdk)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(ours.length, sdk.length); i++) out.push(...differingPaths(ours[i], sdk[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(ours) && isObject(sdk)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(sdk)])];
    return keys.flatMap((key) => differingPaths(ours[key], sdk[key], path === '' ? key : `${path}.${key}`));
  }
  return JSON.stringify(ours) === JSON.stringify(sdk) ? [] : [path];
}

/** A Training step of any SDK case file, by name. */
export function sdkTrainingStep(file: string, name: string): SdkTrainingStep {
  const step = sdkStep(loadSdkCase(file), name);
  if (step.Type !== 'Training') throw new Error(`${file}: step '${name}' is a ${step.Type} step`);
  return step;
}
