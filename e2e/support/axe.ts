import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';

/** axe-core's browser bundle, read once from node_modules. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Makes axe-core available in every page and frame the context opens. An init script is
 * evaluated by the browser itself (CDP), not loaded by the page, so the app's own
 * Content-Security-Policy (`script-src 'self'`) stays as shipped and still applies to the app;
 * an injected <script> tag would be blocked by it. Every frame gets its own copy, which is what
 * axe needs to look inside the Compare screen's pane frames.
 */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

/** The WCAG 2.x A and AA rules plus axe's best practices (landmarks, headings, regions). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the whole page, frames included, and returns what it found. */
export async function axeViolations(page: Page): Promise<Result[]> {
  const results = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe?: { run(context: Document, options: object): Promise<AxeResults> } })
      .axe;
    if (!axe) throw new Error('axe-core is not in this page: call installAxe(context) before opening it');
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: true, resultTypes: ['violations'] });
  }, TAGS);
  return results.violations;
}

/** One line per failing element: rule, impact, where, and axe's summary of why, for a test's message. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((node) => {
        const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' >>> ');
        const summary = (node.failureSummary ?? v.help).replace(/\s+/g, ' ').trim();
        return `${v.id} [${v.impact ?? 'n/a'}] ${target}: ${summary}`;
      }),
    )
    .join('\n');
}
