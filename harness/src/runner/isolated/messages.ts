// What the main thread and a builder worker tell each other. Everything here is plain data: a worker cannot
// receive classes or functions, so it loads the registry, the checks and the backend itself from modules.
import type { BuilderResult, CheckResult, RootCause } from '../../check/check-result.js';
import type { BackendDescriptor } from './backend-descriptor.js';

/** Where a worker finds what it runs: each `*Module` is a file URL, each `*Export` the name exported there. */
export interface WorkerModules {
  readonly registryModule: string;
  readonly registryExport: string;
  readonly checksModule: string;
  readonly checksExport: string;
  /** The upstream catalogue of the Integration level (an UpstreamCatalogue or IndexedCatalogue); the built-in one when absent. */
  readonly catalogueModule?: string;
  readonly catalogueExport?: string;
}

export interface WorkerStartData extends WorkerModules {
  /** The worker's TypeScript entry module, imported by the boot file once tsx is registered. */
  readonly entry: string;
  readonly backend: BackendDescriptor;
}

/** The builder, construction, step: what the context makes once and many checks need. */
export type PrerequisiteKind = Extract<RootCause['kind'], 'config' | 'builder_construction' | 'step_creation'>;

/** Failures the main thread saw kill a worker: a replacement worker reports them instead of trying again. */
export type KnownFailures = Partial<Record<PrerequisiteKind, RootCause>>;

/** What a result says about its builder besides the checks; known before any check runs. */
export type BuilderSummary = Pick<BuilderResult, 'builder' | 'stepType' | 'framework'>;

export interface BuilderJob {
  readonly type: 'run-builder';
  readonly builder: string;
  /** The checks still to run for this builder, in order. */
  readonly checkIds: readonly string[];
  readonly rawConfig?: unknown;
  readonly knownFailures: KnownFailures;
}

export type ToWorker = BuilderJob;

export type FromWorker =
  | { readonly type: 'ready'; readonly builders: readonly BuilderSummary[]; readonly checkIds: readonly string[] }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'check-started'; readonly builder: string; readonly checkId: string }
  /** `running`: the builder's code was entered; `returned`: it returned a promise still pending; `settled`: done. */
  | { readonly type: 'prerequisite'; readonly builder: string; readonly kind: PrerequisiteKind; readonly phase: 'running' | 'returned' | 'settled' }
  | { readonly type: 'check-finished'; readonly builder: string; readonly result: CheckResult }
  | { readonly type: 'builder-result'; readonly result: BuilderResult };
