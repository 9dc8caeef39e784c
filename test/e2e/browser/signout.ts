/**
 * Page actions for the sign-out spec (a person at the sign-in service, the SAML IdP and the OP),
 * and the two upstream IdPs it and the OpenID Provider spec sign in through.
 */
import { expect, type Page } from '@playwright/test';
import type { RunningTessera } from '../support/tessera';
import { startDnsmasq, type RunningDns, type RunningOidcProvider } from '../../support/peers';
import type { RunningSamlIdp } from '../../support/saml-idp';
import { api, samlIdpLogin } from './signin';

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

/**
 * Two upstream IdPs, as the sign-out and OpenID Provider specs use them: the SAML IdP for
 * example.test (the default rule) and the OpenID provider for oidc.test, both claimed domains
 * verified through a real DNS server, JIT on, activated. Returns the DNS server to stop.
 */
export async function configureUpstreams(
  tessera: RunningTessera,
  samlIdp: RunningSamlIdp,
  oidc: RunningOidcProvider,
  options: { automaticLogout: boolean },
): Promise<RunningDns> {
  const domains = [
    await api(tessera, 'admin:domain:add', { name: 'example.test' }),
    await api(tessera, 'admin:domain:add', { name: 'oidc.test' }),
  ];
  const dns = await startDnsmasq(
    domains.map((domain) => `--txt-record=${domain.recordName},${domain.token}`),
    domains[1]!.recordName,
  );
  const org = await api(tessera, 'admin:org:get', {});
  await api(tessera, 'admin:org:update', {
    name: 'Acme',
    dnsResolver: dns.resolver,
    signinPort: org.signinPort,
  });
  for (const name of ['example.test', 'oidc.test']) {
    await api(tessera, 'admin:domain:verify', { name });
    await api(tessera, 'admin:domain:claim', { name, claimed: true });
  }
  await api(tessera, 'sso:sp-certificate:generate', { keyType: 'rsa-2048' });
  samlIdp.registerSp((await api(tessera, 'sso:sp-metadata:get', { signed: false })).xml);
  const jit = {
    createUsers: true,
    updateUsers: true,
    allowNewEmail: false,
    linkBy: null,
    mapping: {},
    groupAttribute: null,
  };
  const saml = await api(tessera, 'sso:idp:save-saml', {
    id: null,
    idp: {
      name: 'Test IdP',
      userIdAttribute: 'uid',
      acknowledgeLessSecure: true,
      source: { kind: 'metadata', xml: samlIdp.metadataXml() },
    },
  });
  const op = await api(tessera, 'sso:idp:save-oidc', {
    id: null,
    idp: {
      name: 'Corporate OIDC',
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      scopes: ['openid', 'email'],
      automaticLogout: options.automaticLogout,
      endpoints: { kind: 'discovery', discoveryUrl: oidc.issuer },
    },
  });
  for (const idp of [saml, op]) {
    await api(tessera, 'sso:jit:set', { idpId: idp.id, jit });
    await api(tessera, 'sso:idp:set-activated', { id: idp.id, activated: true });
  }
  const rule = await api(tessera, 'routing:rule:save', {
    id: null,
    rule: {
      name: 'OIDC',
      type: 'domain',
      values: ['oidc.test'],
      idpId: op.id,
      mfa: 'keep',
      mfaRequired: false,
    },
    acknowledged: true,
  });
  await api(tessera, 'routing:rule:set-active', { id: rule.id, active: true, acknowledged: true });
  return dns;
}
