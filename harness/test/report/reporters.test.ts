import { describe, expect, it } from 'vitest';
import { colorWanted, widthOf } from '../../src/reporters/console/console-style.js';
import { renderConsoleReport } from '../../src/reporters/console/render-console-report.js';
import { fittedColumnWidths, renderFittedTable, wrapText } from '../../src/reporters/console/table.js';
import { type builderDocument, renderBuilderJson } from '../../src/reporters/json/builder-document.js';
import { renderSummaryJson, type summaryDocument } from '../../src/reporters/json/summary-document.js';
import { renderJunit, xmlText } from '../../src/reporters/junit/render-junit.js';
import { markdownCell, renderMarkdown } from '../../src/reporters/markdown/render-markdown.js';
import { reportFiles } from '../../src/report/report-files.js';
import { brokenBuilder, check, fabricatedReport, healthyBuilder, withBlocker } from './fabricated-results.js';

const ANSI = /\u001b\[/;
const report = fabricatedReport();
const broken = report.builders[0] as NonNullable<(typeof report.builders)[0]>;

describe('console reporter', () => {
  const text = renderConsoleReport(report, { color: false });
  const blocked = fabricatedReport([withBlocker(brokenBuilder(), 'level2.contract_alignment'), healthyBuilder()]);

  it('prints a line per builder with score, rating, blockers and failed/ran, then a summary line', () => {
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^stepscore \S+ — 2 builders, levels L1, L2, L3, L4, backend mock/);
    expect(lines).toContain('✗ BrokenTraining  14.3 Poor · no blockers · failed 5/6 (1 error), 1 n/a');
    expect(lines).toContain('✓ HealthyTraining  100.0 Excellent · no blockers · passed 5/5, 1 n/a');
    expect(lines.at(-1)).toBe('Summary: 2 builders (1 Poor, 1 Excellent); no blockers; 5 of 11 checks failed or errored');
    expect(text).not.toMatch(ANSI);
  });

  it('lists under a builder each failing or erroring check with its message, and each root cause once with its fix', () => {
    expect(text).toContain(
      '  FAIL level2.contract_alignment — Title of level2.contract_alignment\n      Contract outputs missing from specification outputs: {checkpoints}',
    );
    expect(text).toContain('  ERROR level2.job_arguments — Title of level2.job_arguments\n      Check level2.job_arguments raised: boom');
    expect(text).toContain('  FAIL level3.step_instantiation — Title of level3.step_instantiation\n      Needs what could not be made — root cause #1');
    expect(text.match(/BrokenTraining could not be constructed/g)).toHaveLength(1);
    expect(text).toContain('root cause #1 (builder_construction, 3 checks): BrokenTraining could not be constructed');
    expect(text).toContain('Fix: Make the builder construct from its config');
    expect(text).not.toContain('level1.inheritance');
    expect(text).not.toContain('level3.checkpoint_config');
  });

  it('names the blockers first: on the builder line, at the top of its failures, and in the summary', () => {
    const out = renderConsoleReport(blocked, { color: false });
    expect(out).toContain('✗ BrokenTraining  14.3 Poor · blocker: level2.contract_alignment · failed 5/6 (1 error), 1 n/a');
    const failures = out.split('\n').filter((l) => /^ {2}(BLOCKER )?(FAIL|ERROR) /.test(l));
    expect(failures[0]).toBe('  BLOCKER FAIL level2.contract_alignment — Title of level2.contract_alignment');
    expect(out).toContain('blockers in BrokenTraining');
  });

  it('says the score before the blocker cap when the cap lowered it', () => {
    const capped = fabricatedReport([
      { ...healthyBuilder('CappedTraining'), checks: [...healthyBuilder().checks, check('level1.extra', 'fail', { severity: 'blocker', importance: 0.1 })] },
    ]);
    expect(renderConsoleReport(capped)).toMatch(/CappedTraining {2}59\.0 Poor \(\d+\.\d before the blocker cap\) · blocker: level1\.extra/);
  });

  it('--verbose lists every check, not-applicable ones with their reason', () => {
    const out = renderConsoleReport(report, { verbose: true });
    expect(out).toContain('  pass level1.inheritance — Title of level1.inheritance');
    expect(out).toContain('  n/a level3.checkpoint_config — Title of level3.checkpoint_config\n      not applicable: level3.checkpoint_config does not apply');
  });

  it('keeps every line within the width it is given, without cutting anything off', () => {
    for (const width of [60, 100, 140]) {
      const out = renderConsoleReport(blocked, { width, verbose: true });
      expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(width);
      expect(out.replace(/\s/g, '')).toContain('Spec-Contractalignmenterrors:[Contractoutputsmissingfromspecificationoutputs:{checkpoints}]');
    }
  });

  it('uses colour only when asked (a terminal without NO_COLOR)', () => {
    expect(renderConsoleReport(report, { color: true })).toMatch(ANSI);
    expect(colorWanted({ isTTY: true }, {})).toBe(true);
    expect(colorWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted({ isTTY: false }, {})).toBe(false);
    expect(widthOf({ isTTY: false, columns: 200 })).toBe(100);
    expect(widthOf({ isTTY: true, columns: 132 })).toBe(132);
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

  it('starts with the verdict and every failure, blockers first, then the scores table', () => {
    const blocked = renderMarkdown(fabricatedReport([withBlocker(brokenBuilder(), 'level2.contract_alignment'), healthyBuilder()]));
    expect(blocked).toContain('## Summary: 2 builders (1 Poor, 1 Excellent); blockers in BrokenTraining; 5 of 11 checks failed or errored');
    expect(blocked).toContain(
      '### Blockers (1)\n\n- **BLOCKER** FAIL [BrokenTraining](#brokentraining) `level2.contract_alignment` — Contract outputs missing',
    );
    expect(blocked).toContain('### Other failures (4)');
    expect(blocked.indexOf('### Blockers')).toBeLessThan(blocked.indexOf('## Scores'));
    expect(blocked).toContain('| BrokenTraining | `level2.contract_alignment` | 100.0 | 0.0 | 0.0 | 0.0 | 14.3 | Poor | 1/6 | 1 |');
  });

  it('per builder: verdict, root causes, failing checks open, passing and not-applicable folded with counts, level table', () => {
    expect(markdown).toContain('| Builder | Blockers | L1 | L2 | L3 | L4 | Overall | Rating | Passed/Ran | Not applicable |');
    expect(markdown).toContain('### BrokenTraining\n\n**14.3 Poor · no blockers · failed 5/6 (1 error), 1 n/a**');
    expect(markdown).toContain('| L1 Interface (×1) | 100.0 | 1/1 | 0 |');
    expect(markdown).toContain('**#1 builder_construction: 1 root cause → 3 checks**');
    expect(markdown).toContain('#### Failing checks (5)');
    expect(markdown).toContain('| `level2.job_arguments` | L2 | ERROR | major | Check level2.job_arguments raised: boom |  |');
    expect(markdown).toContain('<details><summary>Passed (1)</summary>');
    expect(markdown).toContain('<details><summary>Not applicable (1)</summary>');
    expect(markdown.indexOf('#### Failing checks')).toBeLessThan(markdown.indexOf('<details><summary>Passed (1)'));
    expect(markdown).toContain('### HealthyTraining\n\n**100.0 Excellent');
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
    expect(xml).toMatch(
      /<testcase classname="BrokenTraining\.L3 Step Creation" name="BrokenTraining › level3\.step_instantiation — Title of level3\.step_instantiation" time="0\.002">\n\s+<failure message="Needs what could not be made/,
    );
    expect(xml).toContain('Root cause #1 (builder_construction)');
    expect(xml).toMatch(/<error message="Check level2\.job_arguments raised: boom" type="error">/);
    expect(xml).toMatch(/<skipped message="not applicable: level3\.checkpoint_config does not apply"\/>/);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(13);
    expect((xml.match(/<testsuite /g) ?? []).length).toBe((xml.match(/<\/testsuite>/g) ?? []).length);
  });

  it('puts failures first: suites with failures first, and in each suite the failing cases first, blockers leading', () => {
    const blocked = renderJunit(fabricatedReport([healthyBuilder('AHealthy'), withBlocker(brokenBuilder(), 'level2.job_arguments')]));
    expect(blocked.indexOf('<testsuite name="BrokenTraining"')).toBeLessThan(blocked.indexOf('<testsuite name="AHealthy"'));
    const broken = /<testsuite name="BrokenTraining".*?<\/testsuite>/s.exec(blocked)?.[0] ?? '';
    const names = [...broken.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map((m) => m[2]);
    expect(names[0]).toBe('BLOCKER BrokenTraining › level2.job_arguments — Title of level2.job_arguments');
    expect(names.slice(1, 5).every((n) => n?.startsWith('BrokenTraining › level'))).toBe(true);
    expect(names.at(-2)).toContain('level1.inheritance');
    expect(broken).toContain('<property name="blockers" value="level2.job_arguments"/>');
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

describe('fitted tables', () => {
  it('keep natural widths when they fit, and otherwise narrow the widest columns to fit, wrapping cells', () => {
    expect(fittedColumnWidths([10, 8, 12], 100)).toEqual([10, 8, 12]);
    const widths = fittedColumnWidths([12, 80, 70], 100);
    expect(widths[0]).toBe(12);
    expect(widths.reduce((s, w) => s + w, 0) + 4).toBeLessThanOrEqual(100);
    const text = renderFittedTable(['Name', 'Long'], [['a', 'word '.repeat(40).trim()]], { width: 50, color: false });
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(50);
    expect(text.match(/word/g)).toHaveLength(40);
  });
});
