/** Page actions for the sign-out spec: a person at the sign-in service, the SAML IdP and the OP. */
import { expect, type Page } from '@playwright/test';
import { samlIdpLogin } from './signin';

/** The sign-in service's start page → Next → the IdP (whatever it shows next is the caller's). */
export async function startSignIn(page: Page, signinBase: string, email: string) {
  await page.goto(`${signinBase}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Next' }).click();
}

/** At the test SAML IdP: its login form, then back at the sign-in service, signed in. */
export async function samlSignIn(page: Page, signinBase: string, email: string, username: string) {
  await startSignIn(page, signinBase, email);
  await samlIdpLogin(page, username);
  await expect(page.getByText(`You are signed in as ${email}`)).toBeVisible();
}

/** oidc-provider's login form, and its consent page when it asks. */
export async function opSignIn(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  const signedIn = page.getByRole('heading', { name: 'Signed in' });
  await expect(consent.or(signedIn)).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await expect(signedIn).toBeVisible();
}

/** The signed-in page's Sign out button (its label in any of the four languages). */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^(Sign out|Logga ut|Kirjaudu ulos|Wyloguj się)$/ }).click();
}
