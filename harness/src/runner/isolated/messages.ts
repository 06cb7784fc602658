// What the main thread and a builder worker tell each other. Everything here is plain data: a worker cannot
// receive classes or functions, so it loads the registry, the checks and the backend itself from modules.
// What a worker is doing while it runs a job is not sent: it is written to shared memory (progress-board.ts).
import type { CheckDefinition } from '../../check/check-definition.js';
import type { BuilderResult, CheckResult, RootCause } from '../../check/check-result.js';
import type { BundledPackages } from '../../project-config/module-loader.js';
import type { BackendDescriptor } from './backend-descriptor.js';
import type { BundledModules } from './project-bundle.js';
import type { ProgressBuffers, StretchStart } from './progress-board.js';

/** Where a worker finds what it runs: each `*Module` is a file URL, each `*Export` the name exported there. */
export interface WorkerModules {
  /** The module that exports the builders (the project config's `builders`). */
  readonly registryModule: string;
  /** The export holding them; when absent, taken apart as registryFromModule does (default, or the one registry). */
  readonly registryExport?: string;
  /** The module that exports the checks; the built-in checks (ALL_CHECKS) when absent. */
  readonly checksModule?: string;
  /** The export holding them; ALL_CHECKS when absent. */
  readonly checksExport?: string;
  /** The project's own checks (stepscore config `checks`), each module's default or `checks` export. */
  readonly extraChecksModules?: readonly string[];
  /** Upstream steps added to the catalogue (stepscore config `upstream`), each module's default or `upstream` export. */
  readonly upstreamModules?: readonly string[];
  /** The upstream catalogue of the Integration level (an UpstreamCatalogue or IndexedCatalogue); the built-in one when absent. */
  readonly catalogueModule?: string;
  readonly catalogueExport?: string;
}

/** The code a worker runs: what its boot file imports, and how a project's imports of our packages resolve. */
export interface WorkerCode {
  /** The worker's entry module: the worker's file itself, or, run from unbundled TypeScript, what worker-boot.mjs imports once tsx is registered. */
  readonly entry: string;
  /** Run from the bundled sources (source-bundle.ts): how a project's module finds our packages in the bundle. */
  readonly bundled?: BundledPackages;
}

export interface WorkerStartData extends WorkerModules, WorkerCode {
  readonly backend: BackendDescriptor;
  /** The modules above that were bundled for a worker running the bundled sources (project-bundle.ts), and what to import instead of each. */
  readonly bundledModules?: BundledModules;
  /** Where the worker records its progress and its results for the main thread. */
  readonly progress: ProgressBuffers;
}

/**
 * The workerData of a worker launched before its project is known (launchWorkers): it loads the checks at once
 * and waits for a StartMessage with the rest of its WorkerStartData.
 */
export interface DeferredWorkerStartData extends WorkerCode {
  readonly deferred: true;
  readonly progress: ProgressBuffers;
}

export interface StartMessage {
  readonly type: 'start';
  readonly startData: Omit<WorkerStartData, keyof WorkerCode | 'progress'>;
}

/** The builder, construction, step: what the context makes once and many checks need. */
export type PrerequisiteKind = Extract<RootCause['kind'], 'config' | 'builder_construction' | 'step_creation'>;

/** Failures the main thread saw kill a worker: a replacement worker reports them instead of trying again. */
export type KnownFailures = Partial<Record<PrerequisiteKind, RootCause>>;

/** What a result says about its builder besides the checks; known before any check runs. */
export type BuilderSummary = Pick<BuilderResult, 'builder' | 'stepType' | 'framework'>;

export interface BuilderJob {
  readonly type: 'run-builder';
  /** Numbers the worker's jobs, so that what a finished job's leftovers report is not taken for this one's. */
  readonly job: number;
  /** When the main thread handed the job over: until the first check starts, the time limit runs from here or from the end of the worker's previous job, whichever is later. */
  readonly handedOver: StretchStart;
  readonly builder: string;
  /** The checks still to run for this builder, in order. */
  readonly checkIds: readonly string[];
  readonly rawConfig?: unknown;
  readonly knownFailures: KnownFailures;
}

/**
 * A check a worker loaded, as plain data: what the main thread needs to pick checks by level and to report one
 * whose worker was lost, without loading the checks (and all they import) itself.
 */
export interface CheckSummary extends Pick<CheckDefinition, 'id' | 'level' | 'title' | 'severity'> {
  /** Its importance for a builder of each step type the worker's registry holds (checkImportance). */
  readonly importanceByStepType: Readonly<Record<string, number>>;
}

export type ToWorker = BuilderJob;

export type FromWorker =
  | { readonly type: 'ready'; readonly builders: readonly BuilderSummary[]; readonly checks: readonly CheckSummary[] }
  | { readonly type: 'load-failed'; readonly message: string }
  /** A result shared memory could not hold (too large, or holding what only a message can carry), in case the worker is lost. */
  | { readonly type: 'check-finished'; readonly job: number; readonly index: number; readonly result: CheckResult }
  /** Every check of the job finished, with these results. */
  | { readonly type: 'job-finished'; readonly job: number; readonly checks: readonly CheckResult[] };
