import { renderHtml, type HtmlReportOptions } from '../reporters/html/render-html.js';
import { builderFileName, renderSummaryJson } from '../reporters/json/summary-document.js';
import { renderBuilderJson } from '../reporters/json/builder-document.js';
import { renderJunit } from '../reporters/junit/render-junit.js';
import { renderMarkdown } from '../reporters/markdown/render-markdown.js';
import type { RunReport } from './run-report.js';

export interface ReportFile {
  /** Relative to the report folder, `/`-separated. */
  readonly path: string;
  readonly content: string;
}

export const SUMMARY_FILE = 'summary.json';

/** Every file of a report folder, rendered: summary.json, builders/<name>.json, report.md, report.html, junit.xml. */
export function reportFiles(report: RunReport, options: HtmlReportOptions = {}): ReportFile[] {
  return [
    { path: SUMMARY_FILE, content: renderSummaryJson(report) },
    ...report.builders.map((b) => ({ path: builderFileName(b.builder), content: renderBuilderJson(report, b) })),
    { path: 'report.md', content: renderMarkdown(report) },
    { path: 'report.html', content: renderHtml(report, options) },
    { path: 'junit.xml', content: renderJunit(report) },
  ];
}
