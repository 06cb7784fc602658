import { describe, expect, it } from 'vitest';
import { renderCheckTable } from '../../src/reporters/console/check-table.js';
import { renderConsoleReport } from '../../src/reporters/console/render-console-report.js';
import { renderSummaryTable } from '../../src/reporters/console/summary-table.js';
import { wrapText } from '../../src/reporters/console/table.js';
import { builderDocument, renderBuilderJson } from '../../src/reporters/json/builder-document.js';
import { renderSummaryJson, summaryDocument } from '../../src/reporters/json/summary-document.js';
import { renderJunit, xmlText } from '../../src/reporters/junit/render-junit.js';
import { markdownCell, renderMarkdown } from '../../src/reporters/markdown/render-markdown.js';
import { reportFiles } from '../../src/report/report-files.js';
import { brokenBuilder, check, fabricatedReport, healthyBuilder } from './fabricated-results.js';

const ANSI = /\u001b\[/;
const report = fabricatedReport();
const broken = report.builders[0] as NonNullable<(typeof report.builders)[0]>;

describe('console reporter', () => {
  const text = renderConsoleReport(report, { color: false });

  it('prints per builder its level table, a check table and its root causes, then the summary', () => {
    expect(text).toMatch(/^stepscore \S+ — 2 builders, levels L1, L2, L3, L4, backend mock/);
    expect(text).toContain('BrokenTraining (Training, pytorch): 14.3 Poor');
    expect(text).toContain('HealthyTraining (Training, pytorch): 100.0 Excellent');
    for (const head of ['Check', 'Level', 'Status', 'Importance', 'Message', 'Root cause']) expect(text).toContain(head);
    expect(text).toContain('#1 builder_construction: 1 root cause → 3 checks');
    expect(text).toContain('Fix: Make the builder construct from its config');
    expect(text).toContain('Checks: level3.step_instantiation, level3.configuration_validity, level4.dependency_resolution');
    expect(text.indexOf('Summary')).toBeGreaterThan(text.indexOf('HealthyTraining (Training'));
    expect(text).not.toMatch(ANSI);
  });

  it('shows each check with level, status, importance, message and root cause', () => {
    const table = renderCheckTable(broken, { color: false });
    const row = table.split('\n').find((l) => l.includes('level3.step_instantiation')) ?? '';
    expect(row).toMatch(/level3\.step_instantiation\s+│\s+L3\s+│ FAIL\s+│\s+1\.4 │ Needs what could not be made — .*│ #1 builder_construction │/);
    expect(table).toMatch(/level2\.job_arguments\s+│\s+L2\s+│ ERROR/);
    expect(table).toMatch(/level3\.checkpoint_config\s+│\s+L3\s+│ n\/a/);
  });

  it('has a summary row per builder with L1–L4, overall, rating, passed/ran and not applicable', () => {
    const table = renderSummaryTable(report, { color: false });
    expect(table).toMatch(/Builder\s+│\s+L1 │\s+L2 │\s+L3 │\s+L4 │ Overall │ Rating\s+│ Passed\/Ran │ Not applicable/);
    expect(table).toMatch(/BrokenTraining\s+│ 100\.0 │\s+0\.0 │\s+0\.0 │\s+0\.0 │\s+14\.3 │ Poor\s+│\s+1\/6 │\s+1 │/);
    expect(table).toMatch(/HealthyTraining\s+│ 100\.0 │ 100\.0 │ 100\.0 │ 100\.0 │\s+100\.0 │ Excellent │\s+5\/5 │\s+1 │/);
  });

  it('uses colour only when asked (a terminal)', () => {
    expect(renderSummaryTable(report, { color: true })).toMatch(ANSI);
  });

  it('wraps long messages without cutting anything off', () => {
    const long = `channel config <- 's3://${'b'.repeat(90)}/hyperparameters.json' then more words`;
    const wrapped = wrapText(long, 40);
    expect(wrapped.split('\n').every((l) => l.length <= 40)).toBe(true);
    expect(wrapped.replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
  });
});

describe('JSON reporters', () => {
  it('summary.json: schema, run, one entry per builder and totals, timing apart', () => {
    const summary = JSON.parse(renderSummaryJson(report)) as ReturnType<typeof summaryDocument>;
    expect(summary).toMatchObject({ schema: 'stepscore.summary', schemaVersion: 2, run: { backend: 'mock', levels: [1, 2, 3, 4], shard: null } });
    expect(summary.builders[0]).toEqual({
      builder: 'BrokenTraining',
      stepType: 'Training',
      framework: 'pytorch',
      file: 'builders/BrokenTraining.json',
      overall: 14.2857,
      rating: 'Poor',
      blockers: [],
      levels: { 1: 100, 2: 0, 3: 0, 4: 0 },
      passed: 1,
      failed: 4,
      errored: 1,
      ran: 6,
      notApplicable: 1,
      rootCauses: 1,
    });
    expect(summary.totals).toEqual({ builders: 2, passed: 6, failed: 4, errored: 1, ran: 11, notApplicable: 2 });
    expect(Object.keys(summary)).toEqual(['schema', 'schemaVersion', 'tool', 'run', 'builders', 'totals', 'timing']);
  });

  it('builders/<name>.json: score, four levels, every check and the root causes', () => {
    const document = JSON.parse(renderBuilderJson(report, broken)) as ReturnType<typeof builderDocument>;
    expect(document).toMatchObject({ schema: 'stepscore.builder', builder: 'BrokenTraining', score: { overall: 14.2857, rating: 'Poor', passed: 1, ran: 6 } });
    expect(document.levels.map((l) => [l.level, l.score])).toEqual([
      [1, 100],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
    expect(document.checks).toHaveLength(7);
    expect(document.rootCauses[0]?.checks).toHaveLength(3);
    expect(document.run).not.toHaveProperty('builders');
  });
});

describe('Markdown reporter', () => {
  const markdown = renderMarkdown(report);

  it('has the summary table and, per builder, its level table, root causes and check table', () => {
    expect(markdown).toContain('| Builder | L1 | L2 | L3 | L4 | Overall | Rating | Passed/Ran | Not applicable |');
    expect(markdown).toContain('| BrokenTraining | 100.0 | 0.0 | 0.0 | 0.0 | 14.3 | Poor | 1/6 | 1 |');
    expect(markdown).toContain('### BrokenTraining — 14.3 Poor');
    expect(markdown).toContain('| L1 Interface (×1) | 100.0 | 1/1 | 0 |');
    expect(markdown).toContain('**#1 builder_construction: 1 root cause → 3 checks**');
    expect(markdown).toContain('| `level2.job_arguments` | L2 | ERROR | 1.0 | Check level2.job_arguments raised: boom |  |');
    expect(markdown).toContain('### HealthyTraining — 100.0 Excellent');
  });

  it('escapes pipes and line breaks inside cells', () => {
    expect(markdownCell('a | b\nc')).toBe('a \\| b<br>c');
    const odd = fabricatedReport([{ ...healthyBuilder('Odd'), checks: [check('level1.inheritance', 'fail', { message: 'expected a|b\nfound c' })] }]);
    expect(renderMarkdown(odd)).toContain('expected a\\|b<br>found c');
  });
});

describe('JUnit reporter', () => {
  const xml = renderJunit(report);

  it('has a suite per builder and a case per check; failures, errors and skips as JUnit marks them', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="stepscore" tests="13" failures="4" errors="1" skipped="2"')).toBe(true);
    expect(xml).toMatch(/<testsuite name="BrokenTraining" tests="7" failures="4" errors="1" skipped="1" time="0\.011">/);
    expect(xml).toContain('<property name="rating" value="Poor"/>');
    expect(xml).toMatch(/<testcase classname="BrokenTraining\.L3 Step Creation" name="level3\.step_instantiation — Title of level3\.step_instantiation" time="0\.002">\n\s+<failure message="Needs what could not be made/);
    expect(xml).toContain('Root cause #1 (builder_construction)');
    expect(xml).toMatch(/<error message="Check level2\.job_arguments raised: boom" type="error">/);
    expect(xml).toMatch(/<skipped message="not applicable: level3\.checkpoint_config does not apply"\/>/);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(13);
    expect((xml.match(/<testsuite /g) ?? []).length).toBe((xml.match(/<\/testsuite>/g) ?? []).length);
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xmlText(`a<b & "c" 'd'\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;');
  });
});

describe('report files', () => {
  it('are summary.json, one JSON per builder, report.md, report.html and junit.xml', () => {
    expect(reportFiles(report).map((f) => f.path)).toEqual([
      'summary.json',
      'builders/BrokenTraining.json',
      'builders/HealthyTraining.json',
      'report.md',
      'report.html',
      'junit.xml',
    ]);
  });

  it('render the same text for the same report', () => {
    expect(reportFiles(fabricatedReport([healthyBuilder(), brokenBuilder()]))).toEqual(reportFiles(report));
  });
});
