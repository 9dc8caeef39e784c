/**
 * OpenID Connect RP-Initiated Logout 1.0, with openid-client's buildEndSessionUrl: the browser is
 * sent to the OP's end_session_endpoint with id_token_hint (the session's ID token),
 * post_logout_redirect_uri (back to the sign-in service) and a random state checked on return.
 *
 * The ID token is a token: it is kept here, in this process's memory, for its session's life and
 * never written to disk, a log or a page. After a restart it is gone; the logout then names the
 * client instead (client_id, which the specification allows), and the OP may ask the person to
 * confirm.
 */
import * as client from 'openid-client';
import { isLoopbackHost } from '../../../shared/admin/schemas';
import type { OidcPeer } from './oidc-rp';

/** Sessions at most (8 h each); beyond it the oldest hint is dropped (the logout still works). */
const HINTS_MAX = 10_000;

export class OidcLogout {
  /** Session token hash → its ID token and when the session ends. */
  private readonly hints = new Map<string, { idToken: string; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  remember(tokenHash: string, idToken: string, expiresAt: number): void {
    const now = this.now();
    for (const [key, hint] of this.hints) if (hint.expiresAt <= now) this.hints.delete(key);
    if (this.hints.size >= HINTS_MAX) this.hints.delete(this.hints.keys().next().value!);
    this.hints.set(tokenHash, { idToken, expiresAt });
  }

  /** The session's ID token, removed: it is used once, for this session's logout. */
  take(tokenHash: string): string | null {
    const hint = this.hints.get(tokenHash);
    this.hints.delete(tokenHash);
    return hint && hint.expiresAt > this.now() ? hint.idToken : null;
  }

  /** The end-session URL, or null when the OP announced none. */
  endSessionUrl(
    peer: OidcPeer,
    idToken: string | null,
    postLogoutRedirectUri: string,
    state: string,
  ): string | null {
    const { settings } = peer;
    if (!settings.endSessionEndpoint) return null;
    const config = new client.Configuration(
      { issuer: settings.issuer, end_session_endpoint: settings.endSessionEndpoint },
      settings.clientId,
    );
    const issuer = new URL(settings.issuer);
    if (issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname)) client.allowInsecureRequests(config);
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      state,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }
}
