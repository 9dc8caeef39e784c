/** Page actions for the accessibility and layout specs: a console with something on every screen. */
import type { Page } from '@playwright/test';
import type { RunningTessera } from '../support/tessera';
import type { RunningSamlIdp } from '../../support/saml-idp';
import { api } from './signin';

export const ACCOUNT = {
  issuer: 'Wonderland',
  label: 'alice@wonderland.example',
  name: 'Wonderland (alice@wonderland.example)',
  uri: 'otpauth://totp/Wonderland:alice%40wonderland.example?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Wonderland',
};

export const LOCAL_USER = { email: 'bob@example.test', password: 'correct horse battery' };

export const ADMIN_SECTIONS = [
  'Organization',
  'Identity providers',
  'Routing rules',
  'Attribute mapping',
  'MFA policy',
  'Applications',
  'Certificates',
  'Alerts',
  'Directory',
  'Audit log',
] as const;

/**
 * Something on every screen, through the same API the renderer uses: an account, a domain, a SAML
 * IdP (the test IdP), an OIDC IdP entered by hand, the built-in identity with a local user, rules,
 * an application and MFA for the organization.
 */
export async function populate(tessera: RunningTessera, samlIdp: RunningSamlIdp) {
  await api(tessera, 'totp:account:add', { kind: 'uri', uri: ACCOUNT.uri });
  await api(tessera, 'admin:domain:add', { name: 'example.test' });
  const builtin = await api(tessera, 'sso:idp:add-builtin', { acknowledged: true, rule: null });
  await api(tessera, 'sso:user:add', { ...LOCAL_USER, displayName: 'Bob Builder' });
  const saml = await api(tessera, 'sso:idp:save-saml', {
    id: null,
    idp: {
      name: 'Test IdP',
      userIdAttribute: 'uid',
      acknowledgeLessSecure: true,
      source: { kind: 'metadata', xml: samlIdp.metadataXml() },
    },
  });
  await api(tessera, 'sso:jit:set', {
    idpId: saml.id,
    jit: {
      createUsers: true,
      updateUsers: true,
      allowNewEmail: false,
      linkBy: 'employeeNumber',
      mapping: { 'name.givenName': 'givenName', 'name.familyName': 'sn' },
      groupAttribute: 'groups',
    },
  });
  await api(tessera, 'sso:idp:save-oidc', {
    id: null,
    idp: {
      name: 'Corporate OIDC',
      clientId: 'tessera',
      clientSecret: 'a client secret',
      scopes: ['openid', 'email'],
      automaticLogout: false,
      endpoints: {
        kind: 'manual',
        issuer: 'https://login.example.com',
        authorizationEndpoint: 'https://login.example.com/authorize',
        tokenEndpoint: 'https://login.example.com/token',
        jwksUri: 'https://login.example.com/jwks',
        userinfoEndpoint: '',
        endSessionEndpoint: '',
      },
    },
  });
  const rule = await api(tessera, 'routing:rule:save', {
    id: null,
    rule: {
      name: 'Engineering',
      type: 'group',
      values: ['engineering'],
      idpId: saml.id,
      mfa: 'keep',
      mfaRequired: false,
    },
    acknowledged: true,
  });
  await api(tessera, 'routing:rule:set-active', { id: rule.id, active: true, acknowledged: true });
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: {
      name: 'Payroll',
      key: 'payroll',
      requireMfa: true,
      clientType: 'confidential',
      redirectUris: ['https://payroll.example.test/oidc/callback'],
      postLogoutRedirectUris: [],
      scopes: ['profile', 'email', 'groups'],
      firstParty: true,
    },
  });
  // One of each kind the list tells apart: public, and (as a config file makes them) without a redirect URI.
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: {
      name: 'Expenses desktop app',
      key: 'expenses-desktop',
      requireMfa: false,
      clientType: 'public',
      redirectUris: ['http://127.0.0.1:53682/callback'],
      postLogoutRedirectUris: [],
      scopes: ['profile', 'email', 'offline_access'],
      firstParty: false,
    },
  });
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: { name: 'Intranet', key: 'intranet', requireMfa: false },
  });
  await api(tessera, 'mfa:policy:set', {
    enabled: true,
    allowPerUser: false,
    mandatoryForApplications: true,
    mandatoryForOrganization: false,
  });
  return { builtin, saml };
}

/** The dialog's own scroll width against its width, and the page's: nothing wider than the window. */
export function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const over = root.scrollWidth - root.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { over, culprits };
  });
}
