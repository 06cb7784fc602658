import { setFlagsFromString } from 'node:v8';

/**
 * V8's optimising compiler (TurboFan) settings for the builder workers. A worker runs the checks over builders of
 * many classes and config shapes, so its hot functions keep meeting new object maps and are compiled again; each
 * worker is a fresh isolate that compiles all of it anew. In the benchmark's N = 1000 run, V8's background threads
 * (almost all of it TurboFan compiling) used about a third of the CPU time. Optimising a function only once it has
 * run four times as long, and inlining a quarter as much into it, took some 13 % off the run's CPU time
 * (BENCHMARKS.md, "V8's compiler"); eight times as long, some 2 % more in paired runs at N = 1000 (BENCHMARKS.md,
 * "26 November 2026, late afternoon"). The checks' results do not depend on how their code was compiled.
 *
 * V8 flags are the process's (Node refuses V8 options in a Worker's execArgv) and V8 reads these two whenever it
 * decides what to compile, so they are set once, before the first worker starts.
 */
export const BUILDER_WORKER_V8_FLAGS: readonly string[] = ['--interrupt-budget=540672', '--max-inlined-bytecode-size-cumulative=230'];

/** The flags to set: none when `STEPSCORE_V8_DEFAULTS=1` asks for V8's own settings (to compare, or to rule them out). */
export function builderWorkerV8Flags(env: NodeJS.ProcessEnv): readonly string[] {
  return env.STEPSCORE_V8_DEFAULTS === '1' ? [] : BUILDER_WORKER_V8_FLAGS;
}

let applied = false;

export function tuneV8ForBuilderWorkers(): void {
  if (applied) return;
  applied = true;
  for (const flag of builderWorkerV8Flags(process.env)) setFlagsFromString(flag);
}
