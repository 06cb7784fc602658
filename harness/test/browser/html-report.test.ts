/// <reference lib="dom" />
// The HTML report opened in a real browser: Debian's headless Chromium driven by playwright-core.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStepscore } from '../cli/cli-runner.js';
import { builderRegistry } from '../support/repository-project.js';
import { readReportFolder } from '../../src/report/read-report-folder.js';
import { reportFiles } from '../../src/report/report-files.js';
import { buildRunReport } from '../../src/report/run-report.js';
import { writeReportFiles } from '../../src/report/write-report-files.js';
import { brokenBuilder, FIXED_TIMING, withBlocker } from '../report/fabricated-results.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../../reports/screenshots/', import.meta.url));
const BUILDERS = builderRegistry.names().sort();
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stepscore-html-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * Opens a report page with every request routed: anything but the file itself is recorded and refused. The page's
 * own policy forbids scripts; `bypassCSP` lets the test evaluate axe-core in it, nothing else changes.
 */
async function openReport(file: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; offPage: string[]; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  const offPage: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offPage.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, offPage, consoleErrors };
}

describe('report.html in headless Chromium', () => {
  // One real run of the catalogue, whose report the first test opens and whose results the failing run is built on
  // (each stepscore score starts a builder worker: about a second of CPU).
  let latest: string;
  let latestRun: Awaited<ReturnType<typeof runStepscore>>;
  beforeAll(async () => {
    latest = join(work, 'latest');
    latestRun = await runStepscore(['score', '--out', latest]);
  }, 60_000);

  it('shows the summary table, a table and a level chart per builder, and fetches nothing', async () => {
    const out = latest;
    expect(latestRun.code, latestRun.stderr).toBe(0);
    const { page, offPage, consoleErrors } = await openReport(join(out, 'report.html'));

    const summaryRows = page.locator('table.summary-table tbody tr');
    expect(await summaryRows.count()).toBe(BUILDERS.length);
    expect(await summaryRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-builder')))).toEqual(BUILDERS);
    expect(await page.locator('table.summary-table thead th').allTextContents()).toEqual([
      'Builder',
      'Rating',
      'Blockers',
      'Failed/Ran',
      'L1',
      'L2',
      'L3',
      'L4',
      'N/A',
    ]);
    expect(await page.locator('#verdict').textContent()).toMatch(
      new RegExp(`^Summary: ${BUILDERS.length} builders \\(${BUILDERS.length} Excellent\\); no blockers`),
    );

    for (const builder of BUILDERS) {
      const section = page.locator(`section.builder[data-builder="${builder}"]`);
      expect(await section.count()).toBe(1);
      // Every check passed: they are all folded away under "Passed (N)".
      const passed = section.locator('details.folded-pass');
      expect(await passed.locator('li[data-status="pass"]').count()).toBeGreaterThan(20);
      expect(await passed.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const chart = section.locator('svg.level-chart');
      expect(await chart.count()).toBe(1);
      expect(await chart.locator('rect.bar').count()).toBe(4);
      expect(await chart.locator('line.overall').count()).toBeGreaterThanOrEqual(1);
      expect(await chart.locator('.chart-legend').textContent()).toContain('Excellent');
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(200);
    }
    expect(await page.locator('svg.level-chart').count()).toBe(BUILDERS.length);

    expect(offPage).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);

    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: true });
    await page.close();
  });

  describe('of a run with a failing builder', () => {
    let file: string;
    beforeAll(async () => {
      // A real run of the catalogue, and a builder that cannot be constructed whose contract check is a blocker.
      expect(latestRun.code, latestRun.stderr).toBe(0);
      const { results } = await readReportFolder(latest);
      const report = buildRunReport({
        results: [...results, withBlocker(brokenBuilder(), 'level2.contract_alignment')],
        backend: 'mock',
        levels: [1, 2, 3, 4],
        timing: FIXED_TIMING,
      });
      const out = join(work, 'failing');
      await writeReportFiles(out, reportFiles(report));
      file = join(out, 'report.html');
    });

    it.each([
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ])('at %s size: no axe-core violation, no sideways scrolling, the first blocker on the first screen', async (name, viewport) => {
      const { page, offPage, consoleErrors } = await openReport(file, viewport);
      await page.evaluate(AXE_SOURCE);
      const axeResult = await page.evaluate(async () => {
        type AxeResults = { violations: { id: string; help: string; nodes: { target: unknown }[] }[]; passes: unknown[] };
        const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return {
          passed: result.passes.length,
          violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
        };
      });
      expect(axeResult.violations).toEqual([]);
      // axe really ran: colour contrast, landmarks, names of links and images, and more rules passed.
      expect(axeResult.passed).toBeGreaterThan(15);

      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);

      const firstBlocker = page.locator('#blockers li').first();
      expect(await firstBlocker.textContent()).toContain('BrokenTraining › level2.contract_alignment');
      const box = await firstBlocker.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);

      // The failing builder lists its failing checks open, blocker first; passing ones are folded away.
      const section = page.locator('section.builder[data-builder="BrokenTraining"]');
      expect(await section.locator('ol.checks').first().locator('li').first().getAttribute('data-check')).toBe('level2.contract_alignment');
      expect(await section.locator('details.folded-pass > summary').textContent()).toBe('Passed (1)');
      // The blocker links to its entry.
      await firstBlocker.locator('a').click();
      expect(await page.evaluate(() => location.hash)).toBe('#check-BrokenTraining-level2_contract_alignment');

      expect(offPage).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `failing-${name}-first-screen.png`) });
      await page.screenshot({ path: join(SCREENSHOTS, `failing-${name}-full.png`), fullPage: true });
      await page.close();
    });
  });

  it('draws a history chart per builder on the nightly page', async () => {
    const reportsDir = join(work, 'reports');
    await mkdir(reportsDir, { recursive: true });
    await writeFile(join(reportsDir, 'history.jsonl'), olderRuns(), 'utf8');
    const run = await runStepscore(['score', '--nightly', '--reports-dir', reportsDir]);
    expect(run.code, run.stderr).toBe(0);
    const folder = /Nightly reports written to (.+?)\/ /.exec(run.stdout)?.[1];
    expect(folder).toBeDefined();
    const { page, offPage, consoleErrors } = await openReport(join(folder as string, 'report.html'));

    for (const builder of BUILDERS) {
      const history = page.locator(`section.builder[data-builder="${builder}"] svg.history-chart`);
      expect(await history.count()).toBe(1);
      expect(await history.locator('circle.history-point').count()).toBe(4);
      expect(await history.locator('polyline.history-line').count()).toBe(1);
    }
    expect(offPage).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'nightly-report.png'), fullPage: false });
    await page.close();
  });
});

/** Three earlier nightly runs: scores rising to where the builders are now. */
function olderRuns(): string {
  const checks = { 'level1.inheritance': 'pass' };
  return [
    ['2025-08-13T02:00:00.000Z', 61.2, 'Needs Work'],
    ['2025-08-14T02:00:00.000Z', 78.5, 'Satisfactory'],
    ['2025-08-15T02:00:00.000Z', 91.0, 'Excellent'],
  ]
    .map(([startedAt, overall, rating]) =>
      JSON.stringify({
        schema: 'stepscore.history',
        schemaVersion: 1,
        tool: '0.1.0',
        startedAt,
        finishedAt: startedAt,
        report: 'nightly/earlier',
        backend: 'mock',
        levels: [1, 2, 3, 4],
        builders: BUILDERS.map((builder) => ({ builder, overall, rating, levels: { 1: overall, 2: overall, 3: overall, 4: overall }, checks })),
      }),
    )
    .join('\n')
    .concat('\n');
}
