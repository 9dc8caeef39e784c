/**
 * Our OpenID relying party against a dishonest provider (test/support/hostile-op.ts): the honest
 * flow succeeds with its claims; every attack is refused, each by its own check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcRelyingParty, type OidcPeer } from '../../../../electron/core/broker/oidc-rp';
import { discoverOidc } from '../../../../electron/core/sso/oidc-discovery';
import { startHostileOp, type HostileOpMode, type RunningHostileOp } from '../../../support/hostile-op';

const REDIRECT = 'http://127.0.0.1:7480/oidc/callback';

describe('OIDC relying party', () => {
  let op: RunningHostileOp;
  let peer: OidcPeer;
  const rp = new OidcRelyingParty();

  beforeAll(async () => {
    op = await startHostileOp();
    const endpoints = await discoverOidc(op.discoveryUrl);
    peer = {
      settings: {
        ...endpoints,
        discoveryUrl: op.discoveryUrl,
        automaticLogout: false,
        clientId: op.clientId,
        scopes: ['openid', 'email', 'profile'],
        tokenEndpointAuthMethod: 'client_secret_basic',
        clientPublicJwk: null,
      },
      clientSecret: op.clientSecret,
      redirectUri: REDIRECT,
    };
  });
  afterAll(() => op.stop());

  async function signIn(mode: HostileOpMode, overrides: Partial<OidcPeer> = {}) {
    op.setMode(mode);
    const used = { ...peer, ...overrides };
    const { url, pending } = await rp.start(used);
    const authorize = await fetch(url, { redirect: 'manual' });
    const location = authorize.headers.get('location');
    expect(location, await authorize.text()).toMatch(/^http:\/\/127\.0\.0\.1:7480\/oidc\/callback\?/);
    return rp.finish(used, pending, new URL(location!));
  }

  it('signs in through an honest provider with PKCE, state and nonce', async () => {
    const outcome = await signIn('honest');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.subject).toBe('user-1');
    expect(outcome.claims.email).toEqual(['alice@example.com']);
    expect(Object.getPrototypeOf(outcome.claims)).toBeNull();
    expect(outcome.checks.every((check) => check.status === 'pass')).toBe(true);
    const request = op.authorizations.at(-1)!;
    expect(request.codeChallengeMethod).toBe('S256');
    expect(request.state).toBeTruthy();
    expect(request.nonce).toBeTruthy();
    // Tokens never appear in the decoded messages.
    const shown = outcome.messages.map((message) => message.body).join('\n');
    expect(shown).not.toMatch(/"access_token":\s*"(?!\(redacted\))/);
    expect(shown).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  const attacks: [HostileOpMode, string][] = [
    ['foreign-key', 'id-token-signature'],
    ['alg-none', 'id-token-signature'],
    ['hs256-public-key', 'id-token-signature'],
    ['wrong-iss', 'id-token-claims'],
    ['wrong-aud', 'id-token-claims'],
    ['wrong-nonce', 'id-token-claims'],
    ['expired', 'id-token-claims'],
    ['wrong-state', 'state'],
    ['missing-iss-param', 'issuer-parameter'],
    ['wrong-iss-param', 'issuer-parameter'],
    ['userinfo-sub-mismatch', 'userinfo'],
  ];
  it.each(attacks)('refuses %s with the %s check', async (mode, check) => {
    const outcome = await signIn(mode);
    expect(outcome.ok).toBe(false);
    const failed = outcome.checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.id)).toEqual([check]);
    expect(failed[0]!.fix).toBeTruthy();
  });

  it('refuses a wrong client secret at the token step', async () => {
    const outcome = await signIn('honest', { clientSecret: 'not-the-secret' });
    expect(outcome.ok).toBe(false);
    expect(outcome.checks.find((c) => c.status === 'fail')?.id).toBe('token');
  });
});
