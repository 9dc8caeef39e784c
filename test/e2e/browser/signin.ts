/** Page actions for the live sign-in spec: Test SSO in the admin console, and a person signing in. */
import { expect, type Page } from '@playwright/test';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { RunningTessera } from '../support/tessera';
import { idpCard } from './admin';

/**
 * The browser-mode API, for setting up what other specs already cover through the UI (domains,
 * IdPs, rules): the same contract, token and Origin the renderer uses.
 */
export async function api<C extends Channel>(
  tessera: RunningTessera,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const token = new URL(tessera.url).hash.replace('#token=', '');
  const response = await fetch(`${tessera.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: tessera.origin, 'x-tessera-token': token },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { ok: boolean; data: ResponseOf<C>; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.data;
}

/**
 * Clicks the IdP's "Test SSO", opens the sign-in (a new tab in browser mode) and hands that tab to
 * `signIn`; returns the Test SSO dialog once the result is shown.
 */
export async function testSso(page: Page, idpName: string, signIn: (tab: Page) => Promise<void>) {
  await idpCard(page, idpName).getByRole('button', { name: 'Test SSO' }).click();
  const dialog = page.getByRole('dialog', { name: `Test SSO: ${idpName}` });
  const opened = page.context().waitForEvent('page');
  await dialog.getByRole('button', { name: 'Open the sign-in window' }).click();
  const tab = await opened;
  await signIn(tab);
  await expect(tab.getByRole('heading', { name: /Test SSO (succeeded|failed)/ })).toBeVisible();
  await tab.close();
  await expect(dialog.getByText(/^Test (succeeded|failed)$/)).toBeVisible();
  return dialog;
}

/** The test SAML IdP's login page. */
export async function samlIdpLogin(tab: Page, username: string) {
  await tab.getByLabel('Username').fill(username);
  await tab.getByRole('button', { name: 'Sign in' }).click();
}

/** oidc-provider's development login and consent pages. */
export async function oidcProviderLogin(tab: Page, login: string) {
  await tab.locator('input[name="login"]').fill(login);
  await tab.locator('input[name="password"]').fill('any password');
  await tab.getByRole('button', { name: 'Sign-in' }).click();
  await tab.getByRole('button', { name: 'Continue' }).click();
}

/** A check in the Test SSO result, by its title. */
export function check(dialog: ReturnType<Page['getByRole']>, title: string) {
  return dialog.getByRole('listitem').filter({ hasText: title });
}
