import { readFileSync } from 'node:fs';
import { regionCode, sdkBucket, sdkRole } from './sdk-case.js';

/** Any step of a pipeline definition the SageMaker Python SDK emitted, read without assuming its type. */
export interface SdkStep {
  readonly Name: string;
  readonly Type: string;
  readonly Arguments: Record<string, unknown>;
  readonly DependsOn?: readonly string[];
  readonly CacheConfig?: Record<string, unknown>;
  readonly PropertyFiles?: readonly Record<string, unknown>[];
  readonly Description?: string;
}

export interface SdkStepsCase {
  readonly _meta: {
    readonly sdk: string;
    readonly region: string;
    readonly inputs: string;
    readonly s3_calls_recorded_not_performed?: readonly Record<string, unknown>[];
  };
  readonly definition: { readonly Steps: readonly SdkStep[] };
}

export function loadSdkStepsCase(file: string): SdkStepsCase {
  return JSON.parse(readFileSync(new URL(`./sdk-generated/${file}`, import.meta.url), 'utf8')) as SdkStepsCase;
}

export function sdkStepNamed(sdkCase: SdkStepsCase, name: string): SdkStep {
  const step = sdkCase.definition.Steps.find((s) => s.Name === name);
  if (!step) throw new Error(`The SDK case has no step '${name}'; it has ${sdkCase.definition.Steps.map((s) => s.Name).join(', ')}`);
  return step;
}

/** Each `name=value` the transcription relies on, exactly as it stands in the SDK call. */
export function missingFromInputs(sdkCase: SdkStepsCase, fragments: readonly string[]): string[] {
  return fragments.filter((f) => !sdkCase._meta.inputs.includes(f));
}

/** The region code, bucket and role the SDK session of a case had, as our base config takes them. */
export function sdkSessionSettings(sdkCase: SdkStepsCase): { region: string; bucket: string; role: string } {
  const asSdkCase = { _meta: sdkCase._meta, definition: { Steps: [] } };
  return { region: regionCode(asSdkCase), bucket: sdkBucket(asSdkCase), role: sdkRole(asSdkCase) };
}
