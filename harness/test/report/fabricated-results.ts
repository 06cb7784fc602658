// Made-up runner results for reporter, nightly and sharding tests: fast, and with every status and a root cause.
import type { CheckStatus, Level } from '../../src/check/check-definition.js';
import type { BuilderResult, CheckResult, RootCause } from '../../src/check/check-result.js';
import { buildRunReport, type RunReport, type ShardInfo } from '../../src/report/run-report.js';

export const CONSTRUCTION_FAILURE: RootCause = {
  kind: 'builder_construction',
  message: 'BrokenTraining could not be constructed: Spec-Contract alignment errors: [Contract outputs missing from specification outputs: {checkpoints}]',
};

export function check(id: string, status: CheckStatus, extra: Partial<CheckResult> = {}): CheckResult {
  const level = Number(id[5]) as Level;
  const message = status === 'pass' ? undefined : status === 'not_applicable' ? `${id} does not apply` : `${id} found a problem`;
  return { id, level, title: `Title of ${id}`, severity: 'major', importance: 1, status, ...(message ? { message } : {}), durationMs: 1.5, ...extra };
}

/** A builder whose every check passes. */
export function healthyBuilder(builder = 'HealthyTraining'): BuilderResult {
  return {
    builder,
    stepType: 'Training',
    framework: 'pytorch',
    backend: 'mock',
    checks: [
      check('level1.inheritance', 'pass'),
      check('level1.required_methods', 'pass', { importance: 1.2 }),
      check('level2.contract_alignment', 'pass', { importance: 1.3 }),
      check('level3.step_instantiation', 'pass', { importance: 1.4 }),
      check('level3.checkpoint_config', 'not_applicable'),
      check('level4.dependency_resolution', 'pass', { importance: 1.4 }),
    ],
  };
}

/** A builder that cannot be constructed: three checks fail for that one reason, one fails on its own, one errors. */
export function brokenBuilder(builder = 'BrokenTraining'): BuilderResult {
  const needsBuilder = (id: string) =>
    check(id, 'fail', { message: `Needs what could not be made — ${CONSTRUCTION_FAILURE.message}`, rootCause: CONSTRUCTION_FAILURE, importance: 1.4 });
  return {
    builder,
    stepType: 'Training',
    framework: 'pytorch',
    backend: 'mock',
    checks: [
      // Deliberately out of level order: reports sort by level.
      needsBuilder('level3.step_instantiation'),
      check('level1.inheritance', 'pass'),
      check('level2.contract_alignment', 'fail', {
        message: 'Contract outputs missing from specification outputs: {checkpoints}',
        evidence: { missing: ['checkpoints'] },
      }),
      needsBuilder('level3.configuration_validity'),
      needsBuilder('level4.dependency_resolution'),
      check('level2.job_arguments', 'error', { message: 'Check level2.job_arguments raised: boom' }),
      check('level3.checkpoint_config', 'not_applicable'),
    ],
  };
}

/** The same builder with the named check made a blocker: a failing one caps the score and is named first. */
export function withBlocker(result: BuilderResult, checkId: string): BuilderResult {
  return { ...result, checks: result.checks.map((c) => (c.id === checkId ? { ...c, severity: 'blocker' as const } : c)) };
}

export const FIXED_TIMING = { startedAt: '2025-08-16T00:23:00.000Z', finishedAt: '2025-08-16T00:23:02.500Z', durationMs: 2500 };

export function fabricatedReport(
  results: readonly BuilderResult[] = [brokenBuilder(), healthyBuilder()],
  options: { shard?: ShardInfo; levels?: Level[]; timing?: typeof FIXED_TIMING } = {},
): RunReport {
  return buildRunReport({
    results,
    backend: 'mock',
    levels: options.levels ?? [1, 2, 3, 4],
    shard: options.shard ?? null,
    timing: options.timing ?? FIXED_TIMING,
  });
}

/** A copy of a JSON value with every `timing` field removed: what two runs of an unchanged tree must agree on. */
export function withoutTiming(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTiming);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'timing')
        .map(([key, v]) => [key, withoutTiming(v)]),
    );
  }
  return value;
}
