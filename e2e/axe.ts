// axe-core WCAG 2 A/AA checks of a page in Chromium, shared by the e2e tests that build views.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations', 'incomplete'] };

/**
 * Runs axe on the page and returns one line per failing node: rule, target and, for contrast, the
 * colours and ratio. Nodes axe could not decide (text over the map canvas…) are logged, not failed.
 */
export async function axeReport(page: Page, label: string): Promise<string[]> {
  // Evaluated through DevTools rather than added as a <script>: the page's Content-Security-Policy
  // (rightly) refuses inline scripts, and axe is the test's, not the page's.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const results = await page.evaluate((options) => (window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(document, options), AXE_OPTIONS);
  const lines = results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} — ${details(node) || v.help}`));
  const undecided = results.incomplete.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} — ${details(node) || v.help}`));
  console.log(`axe ${label}: ${results.passes.length} rules passed, ${lines.length} violation(s), ${undecided.length} undecided${undecided.length ? `:\n  ${undecided.join('\n  ')}` : ''}`);
  return lines;
}

function details(node: NodeResult): string {
  const data = [...node.any, ...node.all, ...node.none].map((check) => check.data as Record<string, unknown> | null).find((d) => d && 'fgColor' in d);
  // Undecided contrast has no colours, only why (bgOverlap: something positioned under the text…).
  if (data && data.fgColor === undefined) return `undecided contrast: ${String(data.messageKey)}`;
  if (data) return `text ${String(data.fgColor)} on ${String(data.bgColor)}: ${String(data.contrastRatio)}:1, needs ${String(data.expectedContrastRatio)} (${String(data.fontSize)} ${String(data.fontWeight)})`;
  return node.failureSummary?.replace(/\s+/g, ' ') ?? '';
}

