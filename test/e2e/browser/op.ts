/**
 * A relying party for the OpenID Provider spec: a tiny web application on 127.0.0.1 that signs
 * people in through Tessera with openid-client, as a real application would.
 *
 *   GET /<app>/login   the authorization URL (PKCE S256, state, nonce kept per browser) → Tessera
 *   GET /<app>/cb      the code redeemed (authorizationCodeGrant): shows email, amr (JSON) and acr
 *   GET /<app>/logout  Tessera's end-session URL (id_token_hint, the registered post-logout URI)
 *   GET /<app>/bye     "You are signed out of the app."
 *
 * `/<app>/login?redirect_uri=…` asks Tessera to send the code elsewhere (the hostile case); every
 * request the server gets is in `requests`, so a test can tell that the browser never went there.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as oidc from 'openid-client';
import { close, listen } from '../../support/peers';

export interface RelyingPartyApp {
  /** Its path on the server, e.g. "wiki". */
  path: string;
  /** As registered in Tessera; shown on the app's pages. */
  name: string;
  clientId: string;
  /** Confidential applications authenticate with client_secret_basic; public ones with none. */
  clientSecret: string | null;
  scope: string;
}

export interface RunningRelyingParty {
  base: string;
  redirectUri(path: string): string;
  postLogoutRedirectUri(path: string): string;
  /** Discovers Tessera's provider for this application (once it is registered there). */
  add(app: RelyingPartyApp, issuer: string): Promise<void>;
  /** Every path the server was asked for, in order. */
  readonly requests: readonly string[];
  stop(): Promise<void>;
}

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
}

interface AppState {
  app: RelyingPartyApp;
  config: oidc.Configuration;
  /** Per browser (the rp_session cookie). */
  pending: Map<string, Pending>;
  idTokens: Map<string, string>;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(res: ServerResponse, status: number, title: string, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
      `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
  );
}

function browserId(req: IncomingMessage, res: ServerResponse): string {
  const existing = /(?:^|;\s*)rp_session=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (existing) return existing;
  const id = randomBytes(16).toString('base64url');
  res.setHeader('set-cookie', `rp_session=${id}; Path=/; HttpOnly; SameSite=Lax`);
  return id;
}

export async function startRelyingParty(): Promise<RunningRelyingParty> {
  const apps = new Map<string, AppState>();
  const requests: string[] = [];
  let base = '';

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    requests.push(url.pathname);
    const [, path, action] = url.pathname.split('/');
    const state = apps.get(path ?? '');
    if (!state || req.method !== 'GET') return html(res, 404, 'Not found', '');
    const { app, config } = state;
    const id = browserId(req, res);
    switch (action) {
      case 'login': {
        const pending: Pending = {
          verifier: oidc.randomPKCECodeVerifier(),
          state: oidc.randomState(),
          nonce: oidc.randomNonce(),
          redirectUri: url.searchParams.get('redirect_uri') ?? `${base}/${app.path}/cb`,
        };
        state.pending.set(id, pending);
        const target = oidc.buildAuthorizationUrl(config, {
          redirect_uri: pending.redirectUri,
          scope: app.scope,
          code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
          code_challenge_method: 'S256',
          state: pending.state,
          nonce: pending.nonce,
        });
        res.writeHead(302, { location: target.href }).end();
        return;
      }
      case 'cb': {
        const pending = state.pending.get(id);
        if (!pending) return html(res, 400, app.name, '<p role="alert">No sign-in was started here.</p>');
        state.pending.delete(id);
        try {
          const tokens = await oidc.authorizationCodeGrant(config, url, {
            pkceCodeVerifier: pending.verifier,
            expectedState: pending.state,
            expectedNonce: pending.nonce,
          });
          const claims = tokens.claims()!;
          state.idTokens.set(id, tokens.id_token!);
          return html(
            res,
            200,
            app.name,
            `<p>Signed in to the app.</p><dl>` +
              `<dt>email</dt><dd data-testid="email">${escape(String(claims.email ?? ''))}</dd>` +
              `<dt>amr</dt><dd data-testid="amr">${escape(JSON.stringify(claims.amr ?? null))}</dd>` +
              `<dt>acr</dt><dd data-testid="acr">${escape(String(claims.acr ?? ''))}</dd>` +
              `</dl><p><a href="/${app.path}/logout">Sign out</a></p>`,
          );
        } catch (error) {
          const cause = (error as { cause?: unknown }).cause;
          return html(
            res,
            500,
            app.name,
            `<p role="alert">${escape(`${(error as Error).message} ${cause ? JSON.stringify(cause) : ''}`)}</p>`,
          );
        }
      }
      case 'logout': {
        const idToken = state.idTokens.get(id);
        if (!idToken) return html(res, 400, app.name, '<p role="alert">Not signed in to the app.</p>');
        const target = oidc.buildEndSessionUrl(config, {
          id_token_hint: idToken,
          post_logout_redirect_uri: `${base}/${app.path}/bye`,
        });
        res.writeHead(302, { location: target.href }).end();
        return;
      }
      case 'bye':
        state.idTokens.delete(id);
        return html(res, 200, app.name, '<p role="status">You are signed out of the app.</p>');
      default:
        return html(res, 404, 'Not found', '');
    }
  }

  const { server, base: listening } = await listen((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) html(res, 500, 'Error', `<p role="alert">${escape(String(error))}</p>`);
    });
  });
  base = listening;
  return {
    base,
    redirectUri: (path) => `${base}/${path}/cb`,
    postLogoutRedirectUri: (path) => `${base}/${path}/bye`,
    async add(app, issuer) {
      const config = await oidc.discovery(
        new URL(issuer),
        app.clientId,
        undefined,
        app.clientSecret ? oidc.ClientSecretBasic(app.clientSecret) : oidc.None(),
        { execute: [oidc.allowInsecureRequests] },
      );
      apps.set(app.path, { app, config, pending: new Map(), idTokens: new Map() });
    },
    requests,
    stop: () => close(server),
  };
}
