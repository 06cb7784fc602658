import { type BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { CheckDefinition } from '../src/check/check-definition.js';
import type { BuilderResult, CheckResult } from '../src/check/check-result.js';
import { ALL_CHECKS } from '../src/checks/index.js';
import { createMockBackend } from '../src/backends/mock-backend.js';
import { runBuilder } from '../src/runner/run-builder.js';
import { type BuilderScore, scoreBuilder } from '../src/scoring/score-builder.js';
import { DEFECT_CLASSES, type DefectClass, type SeededDefect } from './defect.js';
import { builderRegistry } from './registration-variants.js';

export interface DefectOutcome {
  readonly defect: SeededDefect;
  /** The declared check's result; undefined when no check has the declared id. */
  readonly declared: CheckResult | undefined;
  /**
   * The declared check failed ('error' does not count) at the declared severity, naming the declared fragment, with
   * the declared root cause if any.
   */
  readonly caught: boolean;
  /** Why it does not count as caught; undefined when caught. */
  readonly missedBecause?: string;
  /** Other checks that failed on the defect, on their own evidence or through a root cause. */
  readonly otherFailures: readonly CheckResult[];
  /** Checks that errored: a check that breaks on a defect instead of reporting it. */
  readonly errors: readonly CheckResult[];
  readonly result: BuilderResult;
  /** The builder's score with the defect: a failing blocker caps it at Poor. */
  readonly score: BuilderScore;
}

/** Runs every check on one builder registration, in a registry where it takes the place of the real one. */
export async function runAllChecks(registration: BuilderRegistration, checks: readonly CheckDefinition[] = ALL_CHECKS): Promise<BuilderResult> {
  const registry = new BuilderRegistry(builderRegistry.all().map((r) => (r.stepName === registration.stepName ? registration : r)));
  return runBuilder(registration, registry, { checks, backendName: 'mock', backendFactory: createMockBackend });
}

function missedBecause(defect: SeededDefect, declared: CheckResult | undefined): string | undefined {
  if (!declared) return `no check has the id ${defect.caughtBy}`;
  if (declared.status !== 'fail')
    return `${defect.caughtBy} ${declared.status === 'pass' ? 'passed' : `was ${declared.status}`}${declared.message ? `: ${declared.message}` : ''}`;
  if (declared.severity !== defect.severity) return `${defect.caughtBy} failed, but it is a ${declared.severity} check, not the declared ${defect.severity}`;
  if (!(declared.message ?? '').includes(defect.messageFragment)) {
    return `${defect.caughtBy} failed, but its message does not contain ${JSON.stringify(defect.messageFragment)}: ${declared.message ?? '(no message)'}`;
  }
  const rootCause = declared.rootCause?.kind;
  if (rootCause !== defect.rootCause) {
    return rootCause
      ? `${defect.caughtBy} failed only because of the ${rootCause} root cause, not on its own evidence: ${declared.message ?? ''}`
      : `${defect.caughtBy} was expected to fail with the ${String(defect.rootCause)} root cause, but failed on its own`;
  }
  return undefined;
}

export async function runDefect(defect: SeededDefect, checks: readonly CheckDefinition[] = ALL_CHECKS): Promise<DefectOutcome> {
  const result = await runAllChecks(defect.make(), checks);
  const declared = result.checks.find((c) => c.id === defect.caughtBy);
  const reason = missedBecause(defect, declared);
  return {
    defect,
    declared,
    caught: reason === undefined,
    ...(reason === undefined ? {} : { missedBecause: reason }),
    otherFailures: result.checks.filter((c) => c.status === 'fail' && c.id !== defect.caughtBy),
    errors: result.checks.filter((c) => c.status === 'error'),
    result,
    score: scoreBuilder(result.checks),
  };
}

/** Runs the defects one after another (each makes its own broken builder and mocks). */
export async function runDefectCorpus(defects: readonly SeededDefect[], checks: readonly CheckDefinition[] = ALL_CHECKS): Promise<DefectOutcome[]> {
  const outcomes: DefectOutcome[] = [];
  for (const defect of defects) outcomes.push(await runDefect(defect, checks));
  return outcomes;
}

/** The registered builders as they are: every check must pass or not apply. */
export async function runCleanBuilders(checks: readonly CheckDefinition[] = ALL_CHECKS): Promise<BuilderResult[]> {
  const results: BuilderResult[] = [];
  for (const registration of builderRegistry.all()) results.push(await runAllChecks(registration, checks));
  return results;
}

/** Checks that failed or errored on the clean builders, as `<builder> <check>: <message>`. */
export function cleanFailures(results: readonly BuilderResult[]): string[] {
  return results.flatMap((r) =>
    r.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${r.builder} ${c.id} (${c.status}): ${c.message ?? ''}`),
  );
}

export interface DetectionRate {
  readonly caught: number;
  readonly total: number;
}

export function detectionRate(outcomes: readonly DefectOutcome[]): DetectionRate {
  return { caught: outcomes.filter((o) => o.caught).length, total: outcomes.length };
}

export function formatDetectionRate({ caught, total }: DetectionRate): string {
  const percent = total === 0 ? 0 : (100 * caught) / total;
  return `detection rate: ${caught}/${total} (${percent.toFixed(1)}%)`;
}

/** The detection rate of each defect class present, in the order of DEFECT_CLASSES. */
export function detectionRateByClass(outcomes: readonly DefectOutcome[]): { defectClass: DefectClass; rate: DetectionRate }[] {
  return (Object.keys(DEFECT_CLASSES) as DefectClass[]).flatMap((defectClass) => {
    const mine = outcomes.filter((o) => o.defect.defectClass === defectClass);
    return mine.length === 0 ? [] : [{ defectClass, rate: detectionRate(mine) }];
  });
}

/** One line per class, then the whole corpus: `<class>: detection rate: N/M (x%)`. */
export function formatDetectionRates(outcomes: readonly DefectOutcome[]): string {
  const width = Math.max(...Object.values(DEFECT_CLASSES).map((t) => t.length));
  const lines = detectionRateByClass(outcomes).map(({ defectClass, rate }) => `${DEFECT_CLASSES[defectClass].padEnd(width)}  ${formatDetectionRate(rate)}`);
  return [...lines, `${'All defects'.padEnd(width)}  ${formatDetectionRate(detectionRate(outcomes))}`].join('\n');
}

/** The step type of the registered builder a defect was seeded into. */
export function stepTypeOfBase(defect: SeededDefect): string {
  return builderRegistry.get(defect.base).stepType;
}

/**
 * Per step type (in the order they first appear), one line per class present and one for the step type:
 * `<step type>  <class>: detection rate: N/M (x%)`.
 */
export function formatDetectionRatesByStepType(outcomes: readonly DefectOutcome[], stepTypeOf: (defect: SeededDefect) => string = stepTypeOfBase): string {
  const stepTypes = [...new Set(outcomes.map((o) => stepTypeOf(o.defect)))];
  const typeWidth = Math.max(...stepTypes.map((t) => t.length));
  const classWidth = Math.max(...Object.values(DEFECT_CLASSES).map((t) => t.length));
  return stepTypes
    .flatMap((stepType) => {
      const mine = outcomes.filter((o) => stepTypeOf(o.defect) === stepType);
      const lines = detectionRateByClass(mine).map(
        ({ defectClass, rate }) => `${stepType.padEnd(typeWidth)}  ${DEFECT_CLASSES[defectClass].padEnd(classWidth)}  ${formatDetectionRate(rate)}`,
      );
      return [...lines, `${stepType.padEnd(typeWidth)}  ${'All of this step type'.padEnd(classWidth)}  ${formatDetectionRate(detectionRate(mine))}`];
    })
    .join('\n');
}
