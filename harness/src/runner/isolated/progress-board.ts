// What a builder worker is doing, kept in memory the main thread can read at any moment: which job it runs,
// how many of its checks are done (and their results), which of the builder's own code is pending, and when the
// current stretch of work began. The worker writes it as it goes; the main thread reads it only when a time
// limit comes due or the worker is lost — instead of a message per check and phase. (A job that finishes
// sends its results in one message; the copies here are for a job the worker does not finish.)
import { performance } from 'node:perf_hooks';
import type { CheckResult } from '../../check/check-result.js';
import type { PrerequisiteKind } from './messages.js';
import { deserializeResult, serializeResult } from './serialized-result.js';

/** ES2024's growable SharedArrayBuffer: Node 20 has it; the TypeScript lib this project targets does not declare it. */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  readonly maxByteLength: number;
  grow(newLength: number): void;
}
const GrowableSharedArrayBuffer = SharedArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => GrowableSharedArrayBuffer;

/** The memory a worker and the main thread share: fixed-size state, and the results of the current job. */
export interface ProgressBuffers {
  readonly state: SharedArrayBuffer;
  /** Grows as results are written; a result that does not fit even at its largest is posted instead. */
  readonly results: GrowableSharedArrayBuffer;
}

/** When a stretch of work (a check, or the gap before the next) began: monotonic clock ms, and the worker's active ms then. */
export interface StretchStart {
  readonly startMs: number;
  readonly activeMs: number;
}

export interface ProgressSnapshot {
  readonly job: number;
  /** Checks done: the next (or running) check is the job's check at this index. */
  readonly finished: number;
  /** The builder's own code that was entered and has not settled, the latest first entered. */
  readonly pending: { readonly kind: PrerequisiteKind; readonly phase: 'running' | 'returned' } | undefined;
  readonly stretch: StretchStart;
  readonly resultBytes: number;
}

const KINDS: readonly PrerequisiteKind[] = ['config', 'builder_construction', 'step_creation'];
const PHASES = ['settled', 'running', 'returned'] as const;
type Phase = (typeof PHASES)[number];

// Int32 slots of the state buffer. SEQUENCE is odd while the worker writes, so a reader can tell a torn read.
const SEQUENCE = 0;
const JOB = 1;
const FINISHED = 2;
const RESULT_BYTES = 3;
const PHASE = 4; // + kind index
const ORDER = PHASE + KINDS.length; // + kind index: when the kind became pending, to find the latest one
const INT_SLOTS = ORDER + KINDS.length;
// Float64 slots, after the Int32 ones.
const STRETCH_START_MS = Math.ceil(INT_SLOTS / 2);
const STRETCH_ACTIVE_MS = STRETCH_START_MS + 1;
const STATE_BYTES = 8 * (STRETCH_ACTIVE_MS + 1);

// Each result: a 4-byte length, a 1-byte kind, then its bytes. Results past the last entry were posted.
const ENTRY_HEADER_BYTES = 5;
const SERIALIZED = 0;
/** Too large or not serialisable: posted as a 'check-finished' message, whose result takes this place. */
const POSTED = 1;

const INITIAL_RESULT_BYTES = 64 * 1024;
const MAX_RESULT_BYTES = 64 * 1024 * 1024;
/** How often a reader retries a read that raced a write, before taking what it read (the writer died mid-write). */
const READ_ATTEMPTS = 10_000;

// Taken now: a builder running in the worker may replace them on the global objects.
const { hrtime } = process;
const eventLoopUtilization = performance.eventLoopUtilization.bind(performance);
const { add: atomicAdd, load: atomicLoad } = Atomics;

/** Milliseconds on the monotonic clock every thread of the process shares. */
export function monotonicMs(): number {
  const [seconds, nanoseconds] = hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}

/** The worker's own time running code so far (in the worker; the main thread asks the Worker handle). */
export function activeMs(): number {
  return eventLoopUtilization().active;
}

export function createProgressBuffers(maxResultBytes = MAX_RESULT_BYTES): ProgressBuffers {
  return {
    state: new SharedArrayBuffer(STATE_BYTES),
    results: new GrowableSharedArrayBuffer(Math.min(INITIAL_RESULT_BYTES, maxResultBytes), { maxByteLength: maxResultBytes }),
  };
}

/** The worker's side: one JobProgress per job; a JobProgress whose job is over writes nothing. */
export class ProgressWriter {
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;
  private job = 0;
  private pendingOrder = 0;
  private full = false;

  constructor(private readonly buffers: ProgressBuffers) {
    this.ints = new Int32Array(buffers.state, 0, INT_SLOTS);
    this.floats = new Float64Array(buffers.state);
  }

  startJob(job: number, stretch: StretchStart): JobProgress {
    this.job = job;
    this.full = false;
    this.write(() => {
      this.ints[JOB] = job;
      this.ints[FINISHED] = 0;
      this.ints[RESULT_BYTES] = 0;
      for (let k = 0; k < KINDS.length; k++) this.ints[PHASE + k] = 0;
      this.floats[STRETCH_START_MS] = stretch.startMs;
      this.floats[STRETCH_ACTIVE_MS] = stretch.activeMs;
    });
    return new JobProgress(this, job);
  }

  /** @internal */
  isCurrent(job: number): boolean {
    return this.job === job;
  }

  /** @internal */
  checkStarted(): void {
    this.write(() => this.markStretch());
  }

  /** @internal Whether the result went into shared memory; when not, the caller posts it. */
  checkFinished(result: CheckResult): boolean {
    let offset = this.ints[RESULT_BYTES] as number;
    let stored = false;
    if (!this.full) {
      const bytes = serializeResult(result);
      stored = bytes !== undefined && this.reserve(offset + ENTRY_HEADER_BYTES + bytes.byteLength);
      if (stored || this.reserve(offset + ENTRY_HEADER_BYTES)) {
        const length = stored && bytes ? bytes.byteLength : 0;
        const view = new DataView(this.buffers.results);
        view.setUint32(offset, length);
        view.setUint8(offset + 4, stored ? SERIALIZED : POSTED);
        if (stored && bytes) new Uint8Array(this.buffers.results, offset + ENTRY_HEADER_BYTES, length).set(bytes);
        offset += ENTRY_HEADER_BYTES + length;
      } else {
        // Not even an entry's header fits: this result and the job's later ones are posted, in order.
        this.full = true;
      }
    }
    this.write(() => {
      this.ints[RESULT_BYTES] = offset;
      this.ints[FINISHED] = (this.ints[FINISHED] as number) + 1;
      this.markStretch();
    });
    return stored;
  }

  /** @internal */
  prerequisite(kind: PrerequisiteKind, phase: Phase): void {
    const k = KINDS.indexOf(kind);
    this.write(() => {
      if (this.ints[PHASE + k] === 0 && phase !== 'settled') this.ints[ORDER + k] = ++this.pendingOrder;
      this.ints[PHASE + k] = PHASES.indexOf(phase);
    });
  }

  private markStretch(): void {
    this.floats[STRETCH_START_MS] = monotonicMs();
    this.floats[STRETCH_ACTIVE_MS] = activeMs();
  }

  private reserve(bytes: number): boolean {
    const { results } = this.buffers;
    if (bytes <= results.byteLength) return true;
    if (bytes > results.maxByteLength) return false;
    results.grow(Math.min(results.maxByteLength, Math.max(bytes, 2 * results.byteLength)));
    return true;
  }

  private write(update: () => void): void {
    atomicAdd(this.ints, SEQUENCE, 1);
    try {
      update();
    } finally {
      atomicAdd(this.ints, SEQUENCE, 1);
    }
  }
}

/** What the checks of one job report; silent once the worker has moved on to another job. */
export class JobProgress {
  private finished = 0;

  constructor(
    private readonly writer: ProgressWriter,
    readonly job: number,
  ) {}

  checkStarted(): void {
    if (this.writer.isCurrent(this.job)) this.writer.checkStarted();
  }

  /** The check's index in the job, and whether the result must be posted because shared memory cannot hold it. */
  checkFinished(result: CheckResult): { index: number; mustPost: boolean } {
    const index = this.finished++;
    if (!this.writer.isCurrent(this.job)) return { index, mustPost: false };
    return { index, mustPost: !this.writer.checkFinished(result) };
  }

  prerequisite(kind: PrerequisiteKind, phase: Phase): void {
    if (this.writer.isCurrent(this.job)) this.writer.prerequisite(kind, phase);
  }
}

/** The main thread's side. */
export class ProgressReader {
  private readonly ints: Int32Array;
  private readonly floats: Float64Array;

  constructor(private readonly buffers: ProgressBuffers) {
    this.ints = new Int32Array(buffers.state, 0, INT_SLOTS);
    this.floats = new Float64Array(buffers.state);
  }

  read(): ProgressSnapshot {
    for (let attempt = 1; ; attempt++) {
      const before = atomicLoad(this.ints, SEQUENCE);
      if (before % 2 === 1 && attempt < READ_ATTEMPTS) continue;
      const snapshot = this.readFields();
      if (atomicLoad(this.ints, SEQUENCE) === before || attempt >= READ_ATTEMPTS) return snapshot;
    }
  }

  /** The results of the snapshot's finished checks, in order; `posted` holds those that came as messages, by index. */
  results(snapshot: ProgressSnapshot, posted: ReadonlyMap<number, CheckResult>): CheckResult[] {
    const view = new DataView(this.buffers.results);
    const results: CheckResult[] = [];
    let offset = 0;
    for (let index = 0; index < snapshot.finished; index++) {
      const kind = offset + ENTRY_HEADER_BYTES <= snapshot.resultBytes ? view.getUint8(offset + 4) : POSTED;
      if (kind === SERIALIZED) {
        const length = view.getUint32(offset);
        results.push(deserializeResult(new Uint8Array(this.buffers.results, offset + ENTRY_HEADER_BYTES, length).slice()));
        offset += ENTRY_HEADER_BYTES + length;
        continue;
      }
      if (offset < snapshot.resultBytes) offset += ENTRY_HEADER_BYTES;
      const result = posted.get(index);
      if (!result) throw new Error(`The result of check ${index} was posted by its worker but has not arrived`);
      results.push(result);
    }
    return results;
  }

  private readFields(): ProgressSnapshot {
    let pending: ProgressSnapshot['pending'];
    let latest = 0;
    for (let k = 0; k < KINDS.length; k++) {
      const phase = PHASES[this.ints[PHASE + k] as number];
      const order = this.ints[ORDER + k] as number;
      if (phase && phase !== 'settled' && order > latest) {
        latest = order;
        pending = { kind: KINDS[k] as PrerequisiteKind, phase };
      }
    }
    return {
      job: this.ints[JOB] as number,
      finished: this.ints[FINISHED] as number,
      pending,
      stretch: { startMs: this.floats[STRETCH_START_MS] as number, activeMs: this.floats[STRETCH_ACTIVE_MS] as number },
      resultBytes: this.ints[RESULT_BYTES] as number,
    };
  }
}
