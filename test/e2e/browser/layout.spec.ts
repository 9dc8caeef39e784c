/**
 * Layout at 800 × 600 in every language (issue #13): no admin section is wider than the window, the
 * sidebar is a drawer behind the burger, the authenticator's settings fit. Each screen is also
 * saved as a screenshot (test-results/screens/) for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, startTessera, type RunningTessera } from '../support/tessera';
import { createTestPki } from '../../support/saml-fixtures';
import { startSamlIdp, type RunningSamlIdp } from '../../support/saml-idp';
import { horizontalOverflow, populate } from './a11y';

const LANGUAGES = ['en', 'sv', 'fi', 'pl'] as const;
/** The sidebar's sections, by their place in it (names differ per language). */
const SECTIONS = [
  'authenticator',
  'organization',
  'identityProviders',
  'routingRules',
  'attributeMapping',
  'mfaPolicy',
  'applications',
  'certificates',
  'alerts',
  'directory',
  'auditLog',
] as const;
const SCREENS = join(ROOT, 'test-results', 'screens');

test.use({ viewport: { width: 800, height: 600 } });
test.setTimeout(120_000);

let dataDir: string;
let tessera: RunningTessera;
let samlIdp: RunningSamlIdp;

test.beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-layout-'));
  tessera = await startTessera(dataDir);
  const pki = await createTestPki();
  samlIdp = await startSamlIdp({ signer: pki.idp, users: { alice: { uid: 'alice@example.test' } } });
  await populate(tessera, samlIdp);
});
test.afterAll(async () => {
  await tessera?.stop();
  await samlIdp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openIn(page: Page, lang: string) {
  await page.addInitScript((l) => localStorage.setItem('tessera.language', l), lang);
  await page.goto(tessera.url);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Through the burger: at 800 px the sidebar is a drawer. */
async function openNth(page: Page, index: number) {
  const burger = page.locator('button[aria-controls="main-navigation"]');
  await expect(burger).toBeVisible();
  await burger.click();
  const nav = page.locator('#main-navigation');
  await expect(burger).toHaveAttribute('aria-expanded', 'true');
  await nav
    .locator('button.mantine-NavLink-root[aria-current], button.mantine-NavLink-root:not([data-expanded])')
    .nth(index)
    .click();
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}

for (const lang of LANGUAGES) {
  test(`every screen fits 800 px in ${lang}`, async ({ page }) => {
    await openIn(page, lang);
    for (const [index, section] of SECTIONS.entries()) {
      await openNth(page, index);
      const overflow = await horizontalOverflow(page);
      expect.soft(overflow, `${section} in ${lang} is wider than 800 px`).toEqual({ over: 0, culprits: [] });
      await page.screenshot({ path: join(SCREENS, `${lang}-${index}-${section}.png`), fullPage: true });
    }
  });

  test(`the authenticator's settings fit 800 × 600 with one Save in view (${lang})`, async ({ page }) => {
    await openIn(page, lang);
    await page
      .locator('main')
      .getByRole('button')
      .filter({ has: page.locator('svg.tabler-icon-settings') })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    // The dialog's footer button is visible without scrolling.
    await expect(dialog.locator('button[type="button"]').last()).toBeInViewport();
    await page.screenshot({ path: join(SCREENS, `${lang}-settings.png`) });
  });
}
