/**
 * The OpenID Provider across a restart of Tessera: its records are in the encrypted store and its
 * keys in the keychain, so an application's refresh token keeps working, the JWKS is the same, and
 * an ID token from before still verifies.
 */
import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { freeTcpPort } from '../../../support/peers';
import { FormBrowser, firstForm } from '../../../support/form-browser';

const tempDir = useTempDirs();
const CB = 'https://notes.example/cb';

describe('the OpenID Provider across a restart', () => {
  it('keeps refresh tokens, keys and the issuer', async () => {
    requireSecretService();
    const dataDir = tempDir();
    const port = await freeTcpPort();
    let core: Core = await createCore({ dataDir, version: 'test', defaultSigninPort: port });
    const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
      const result = await core.dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as ResponseOf<C>;
    };
    try {
      await call('sso:idp:add-builtin', {
        rule: { name: 'Local', type: 'domain', values: ['local.test'], mfa: 'keep', mfaRequired: false },
        acknowledged: true,
      });
      await call('sso:user:add', {
        email: 'ann@local.test',
        displayName: 'Ann',
        password: 'a long enough password',
      });
      const { clientSecret } = await call('mfa:application:save', {
        id: null,
        application: {
          name: 'Notes',
          key: 'notes',
          requireMfa: false,
          clientType: 'confidential',
          redirectUris: [CB],
          postLogoutRedirectUris: [],
          scopes: ['offline_access'],
          firstParty: true,
        },
      });
      const before = await call('op:provider:get', {});
      const app = await oidc.discovery(
        new URL(before.issuer),
        'notes',
        undefined,
        oidc.ClientSecretBasic(clientSecret!),
        { execute: [oidc.allowInsecureRequests] },
      );
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(app, {
        redirect_uri: CB,
        scope: 'openid offline_access',
        prompt: 'consent',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: 's',
      });
      const browser = new FormBrowser();
      const start = await browser.follow(url.href);
      const password = await browser.follow(firstForm(start.html, before.issuer).action, {
        form: { email: 'ann@local.test' },
      });
      let page = await browser.request(firstForm(password.html, before.issuer).action, {
        form: { password: 'a long enough password' },
      });
      while (page.location && !page.location.startsWith(CB)) {
        page = await browser.request(new URL(page.location, page.url).href);
      }
      const tokens = await oidc.authorizationCodeGrant(app, new URL(page.location!), {
        pkceCodeVerifier: verifier,
        expectedState: 's',
      });

      const keys = (await call('op:provider:get', {})).signingKeys;
      expect(keys).toHaveLength(1);
      core.close();
      core = await createCore({ dataDir, version: 'test', defaultSigninPort: port });
      const after = await call('op:provider:get', {});
      expect(after.issuer).toBe(before.issuer);
      expect(after.signingKeys).toEqual(keys);
      const refreshed = await oidc.refreshTokenGrant(app, tokens.refresh_token!);
      expect(refreshed.access_token).toBeTruthy();
      const jwks = createRemoteJWKSet(new URL(`${after.issuer}/jwks`));
      await expect(
        jwtVerify(tokens.id_token!, jwks, { issuer: after.issuer, audience: 'notes' }),
      ).resolves.toBeTruthy();
    } finally {
      core.close();
    }
  }, 60_000);
});
