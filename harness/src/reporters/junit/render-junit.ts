// Written out rather than through junit-report-builder or an XML builder: the document is five element kinds in a
// fixed order (failing suites and cases first), and a library would still need that ordering and these attributes
// spelled out; the one thing it would add, escaping, is xmlText below.
import { LEVEL_NAMES } from '../../check/check-definition.js';
import type { BuilderReport, ReportedCheck, RunReport } from '../../report/run-report.js';
import { failingChecks, isFailing } from '../../report/failing-checks.js';
import { formatScore } from '../console/table.js';

/** Text for an XML attribute or element: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function testCase(builder: BuilderReport, check: ReportedCheck): string {
  const blocker = check.severity === 'blocker' && (check.status === 'fail' || check.status === 'error') ? 'BLOCKER ' : '';
  const attributes = `classname="${xmlText(`${builder.builder}.L${check.level} ${LEVEL_NAMES[check.level]}`)}" name="${xmlText(`${blocker}${builder.builder} › ${check.id} — ${check.title}`)}" time="${seconds(builder.timing.checks[check.id] ?? 0)}"`;
  const message = check.message ?? '';
  const cause = check.rootCause ? `\nRoot cause #${check.rootCause.group} (${check.rootCause.kind}): ${check.rootCause.message}` : '';
  switch (check.status) {
    case 'pass':
      return `    <testcase ${attributes}/>`;
    case 'not_applicable':
      return `    <testcase ${attributes}>\n      <skipped message="${xmlText(`not applicable: ${message}`)}"/>\n    </testcase>`;
    case 'fail':
      return `    <testcase ${attributes}>\n      <failure message="${xmlText(message)}" type="fail">${xmlText(message + cause)}</failure>\n    </testcase>`;
    case 'error':
      return `    <testcase ${attributes}>\n      <error message="${xmlText(message)}" type="error">${xmlText(message + cause)}</error>\n    </testcase>`;
  }
}

function counts(checks: readonly ReportedCheck[]) {
  return {
    tests: checks.length,
    failures: checks.filter((c) => c.status === 'fail').length,
    errors: checks.filter((c) => c.status === 'error').length,
    skipped: checks.filter((c) => c.status === 'not_applicable').length,
  };
}

function countAttributes(c: ReturnType<typeof counts>, ms: number): string {
  return `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(ms)}"`;
}

function testSuite(builder: BuilderReport): string {
  const properties = [
    ['stepType', builder.stepType],
    ['framework', builder.framework],
    ['score', formatScore(builder.score.overall)],
    ['rating', builder.score.rating ?? 'no checks ran'],
    ['blockers', builder.score.blockers.join(', ') || 'none'],
  ]
    .map(([name, value]) => `      <property name="${name}" value="${xmlText(value ?? '')}"/>`)
    .join('\n');
  return [
    `  <testsuite name="${xmlText(builder.builder)}" ${countAttributes(counts(builder.checks), builder.timing.durationMs)}>`,
    `    <properties>\n${properties}\n    </properties>`,
    ...[...failingChecks(builder), ...builder.checks.filter((c) => !isFailing(c))].map((c) => testCase(builder, c)),
    `  </testsuite>`,
  ].join('\n');
}

/**
 * junit.xml: a test suite per builder (those with failures first), a test case per check (failing ones first,
 * blockers leading; not applicable as skipped). Each case names its builder in classname and name.
 */
export function renderJunit(report: RunReport): string {
  const all = counts(report.builders.flatMap((b) => b.checks));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="stepscore" ${countAttributes(all, report.timing.durationMs)}>`,
    ...[...report.builders.filter((b) => b.checks.some(isFailing)), ...report.builders.filter((b) => !b.checks.some(isFailing))].map(testSuite),
    '</testsuites>',
    '',
  ].join('\n');
}
