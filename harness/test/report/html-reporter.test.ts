import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reporters/html/render-html.js';
import { RATING_COLOURS } from '../../src/reporters/html/rating-colours.js';
import { brokenBuilder, check, fabricatedReport, healthyBuilder, withBlocker } from './fabricated-results.js';

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

describe('HTML reporter', () => {
  const report = fabricatedReport();
  const html = renderHtml(report);

  it('is one self-contained page: inline style and SVG, no script, no link, no external URL', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(https?:)?\/\/[a-z]/i);
  });

  it('has the summary table with a row per builder', () => {
    expect(count(html, /<table class="summary-table">/g)).toBe(1);
    expect(html).toContain('<tr data-builder="BrokenTraining">');
    expect(html).toContain('<tr data-builder="HealthyTraining">');
  });

  it('starts with the verdict and the failures, blockers first, each linking to its check in its builder', () => {
    const blocked = renderHtml(fabricatedReport([withBlocker(brokenBuilder(), 'level2.contract_alignment'), healthyBuilder()]));
    const top = blocked.slice(0, blocked.indexOf('<section id="summary"'));
    expect(top).toContain(
      '<p class="verdict" id="verdict">Summary: 2 builders (1 Poor, 1 Excellent); blockers in BrokenTraining; 5 of 11 checks failed or errored</p>',
    );
    expect(top).toContain('<h2 id="blockers-title">Blockers (1)</h2>');
    expect(top).toContain('<h2 id="failures-title">Other failures (4)</h2>');
    expect(top.indexOf('level2.contract_alignment')).toBeLessThan(top.indexOf('level2.job_arguments'));
    expect(top).toContain('<a href="#check-BrokenTraining-level2_contract_alignment">');
    expect(blocked).toContain('id="check-BrokenTraining-level2_contract_alignment"');
    expect(html).not.toContain('id="blockers"');
  });

  it('shows failing checks open and folds passing and not-applicable ones away with their counts', () => {
    const broken = /<section class="builder" id="builder-BrokenTraining".*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(broken).toContain('<h3>Failing checks (5)</h3>');
    expect(broken.indexOf('Failing checks')).toBeLessThan(broken.indexOf('<details class="folded-pass"><summary>Passed (1)</summary>'));
    expect(broken).toContain('<details class="folded-not_applicable"><summary>Not applicable (1)</summary>');
    expect(broken).toContain('Not applicable: level3.checkpoint_config does not apply');
    expect(broken).toContain('Needs what could not be made — root cause #1');
  });

  it('has per builder a section with one level chart: four bars, the overall line, a legend', () => {
    expect(count(html, /<section class="builder"/g)).toBe(2);
    expect(count(html, /<svg class="level-chart"/g)).toBe(2);
    const brokenChart = /<svg class="level-chart" data-builder="BrokenTraining".*?<\/svg>/s.exec(html)?.[0] ?? '';
    expect(count(brokenChart, /<rect [^>]*class="bar"/g)).toBe(4);
    expect(brokenChart).toContain('class="overall"');
    expect(brokenChart).toContain('Overall 14.3');
    expect(brokenChart).toContain('<g class="chart-legend">');
    // Bars and legend use the rating colour scale: L1 100 is Excellent, the others Poor.
    expect(brokenChart).toMatch(/class="bar" data-level="1"/);
    expect(brokenChart).toContain(`fill="${RATING_COLOURS.Excellent}" class="bar" data-level="1"`);
    expect(brokenChart).toContain(`fill="${RATING_COLOURS.Poor}" class="bar" data-level="2"`);
    for (const colour of Object.values(RATING_COLOURS)) expect(brokenChart).toContain(colour);
  });

  it('shows the root causes with the count, the message and the fix', () => {
    expect(html).toContain('#1 builder_construction: 1 root cause → 3 checks');
    expect(html).toContain('Fix: Make the builder construct from its config');
  });

  it('marks a level in which no check ran as not run, not as zero', () => {
    const onlyL1 = renderHtml(fabricatedReport([{ ...healthyBuilder('OnlyL1'), checks: [check('level1.inheritance', 'pass')] }], { levels: [1] }));
    expect(count(onlyL1, />not run</g)).toBe(3);
  });

  it('escapes what builders and checks say', () => {
    const odd = renderHtml(
      fabricatedReport([{ ...healthyBuilder('Odd'), checks: [check('level1.inheritance', 'fail', { message: '<script>alert(1)</script> & "x"' })] }]),
    );
    expect(odd).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(odd).not.toContain('<script>');
  });

  it('draws a history chart per builder when history is given, and none otherwise', () => {
    expect(html).not.toContain('class="history-chart"');
    const withHistory = renderHtml(report, {
      history: {
        BrokenTraining: [
          { startedAt: '2025-08-14T02:00:00.000Z', overall: 95, rating: 'Excellent' },
          { startedAt: '2025-08-15T02:00:00.000Z', overall: 14.2857, rating: 'Poor' },
        ],
      },
    });
    expect(count(withHistory, /<svg class="history-chart" data-builder="BrokenTraining"/g)).toBe(1);
    expect(count(withHistory, /<circle /g)).toBe(2);
    expect(withHistory).toContain(`fill="${RATING_COLOURS.Poor}" class="history-point"`);
    expect(withHistory).toContain('<polyline class="history-line"');
  });
});
