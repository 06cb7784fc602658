// The HTML report opened in a real browser: Debian's headless Chromium driven by playwright-core.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStepscore } from '../cli/cli-runner.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../../reports/screenshots/', import.meta.url));
const BUILDERS = ['PyTorchTraining', 'XGBoostTraining'];

let browser: Browser;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stepscore-html-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

/** Opens a report page with every request routed: anything but the file itself is recorded and refused. */
async function openReport(file: string): Promise<{ page: Page; offPage: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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
  it('shows the summary table, a table and a level chart per builder, and fetches nothing', async () => {
    const out = join(work, 'latest');
    const run = await runStepscore(['score', '--out', out, '--concurrency', '2']);
    expect(run.code, run.stderr).toBe(0);
    const { page, offPage, consoleErrors } = await openReport(join(out, 'report.html'));

    const summaryRows = page.locator('table.summary-table tbody tr');
    expect(await summaryRows.count()).toBe(BUILDERS.length);
    expect(await summaryRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-builder')))).toEqual(BUILDERS);
    expect(await page.locator('table.summary-table thead th').allTextContents()).toEqual(['Builder', 'L1', 'L2', 'L3', 'L4', 'Overall', 'Rating', 'Passed/Ran', 'Not applicable']);

    for (const builder of BUILDERS) {
      const section = page.locator(`section.builder[data-builder="${builder}"]`);
      expect(await section.count()).toBe(1);
      const checkRows = section.locator('table.check-table tbody tr');
      expect(await checkRows.count()).toBeGreaterThan(20);
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

  it('draws a history chart per builder on the nightly page', async () => {
    const reportsDir = join(work, 'reports');
    await mkdir(reportsDir, { recursive: true });
    await writeFile(join(reportsDir, 'history.jsonl'), olderRuns(), 'utf8');
    const run = await runStepscore(['score', '--nightly', '--reports-dir', reportsDir, '--concurrency', '2']);
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
