/**
 * The accessibility check every screen passes: axe-core, run in the page as it is, in the light
 * and the dark scheme, with no critical or serious violation allowed.
 *
 *   await expectAccessible(page, 'Certificates');
 *
 * axe-core is evaluated in the page through Playwright (not a <script> tag), so the app's strict
 * CSP does not stand in its way; @axe-core/playwright does the same but declares Node >= 22.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** What counts: WCAG 2.x A and AA, plus axe's best practices (landmarks, headings, region …). */
const RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

const BLOCKING = new Set(['critical', 'serious']);

export type Scheme = 'light' | 'dark';

export interface A11yOptions {
  /** Schemes to check in; both by default. */
  schemes?: Scheme[];
  /** A CSS selector to limit the check to (a dialog, say); the whole page by default. */
  include?: string;
  /** Rules to leave out, each with the reason in the calling test. */
  disableRules?: string[];
}

/** Runs axe once, as the page is now; returns the blocking violations. */
export async function axeViolations(page: Page, options: A11yOptions = {}): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await settle(page);
  const results = await page.evaluate(
    ([include, runOptions]) => {
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe;
      return axe.run(include ? { include: [include] } : document, runOptions);
    },
    [
      options.include ?? null,
      {
        ...RUN_OPTIONS,
        rules: Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }])),
      },
    ] as const,
  );
  return results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
}

/** Asserts no critical or serious violation on the page (or `include`), in each scheme. */
export async function expectAccessible(page: Page, screen: string, options: A11yOptions = {}) {
  const original = await currentScheme(page);
  try {
    for (const scheme of options.schemes ?? ['light', 'dark']) {
      await useScheme(page, scheme);
      const violations = await axeViolations(page, options);
      // Soft: one run reports every screen that fails, not only the first.
      expect.soft(describe(violations), `${screen} (${scheme}): no critical or serious violation`).toBe('');
    }
  } finally {
    await useScheme(page, original);
  }
}

/** Mantine follows prefers-color-scheme ("auto"); the sign-in pages use `color-scheme: light dark`. */
export async function useScheme(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await expect
    .poll(() => currentScheme(page), { message: `the page did not switch to the ${scheme} scheme` })
    .toBe(scheme);
}

function currentScheme(page: Page): Promise<Scheme> {
  return page.evaluate(() => {
    const mantine = document.documentElement.getAttribute('data-mantine-color-scheme');
    if (mantine === 'light' || mantine === 'dark') return mantine;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  });
}

/** Transitions (a dialog fading in, a scheme change) finished: contrast is measured on final colours. */
async function settle(page: Page) {
  // Hover colours are not what a screen is judged by; the pointer rests outside the content.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

function describe(violations: Result[]): string {
  return violations
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`)
          .join('\n') +
        (v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''),
    )
    .join('\n');
}
