/**
 * Tessera's sign-in service as an OpenID Provider (issue #12, SPEC §2 and M3): the registered
 * applications sign in through it with the authorization code flow and PKCE, and get an ID token
 * that says how the person signed in (`amr`, `acr`).
 *
 * OAuth and OpenID Connect are oidc-provider's (certified); this module only configures it and joins
 * it to Tessera: clients are the applications registry, accounts are the directory, the keys are in
 * the keychain (signing-keys.ts), its records in SQLite (store-adapter.ts), and a person signs in
 * through the broker's own flow (routing → IdP → JIT → MFA). The Tessera session is what counts:
 * oidc-provider's session is honoured only while the Tessera session behind it lives and satisfies
 * this application's MFA requirement.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ClientMetadata,
  Configuration,
  default as Provider,
  Interaction,
  KoaContextWithOIDC,
} from 'oidc-provider';
import type { Application, OpenIdProvider } from '../../../shared/admin/schemas';
import type { Page } from '../broker/broker-service';
import type { Db } from '../store/database';
import type { OrgService } from '../org/org-service';
import type { DirectoryService } from '../jit/directory-service';
import type { ApplicationService } from './application-service';
import { ID_TOKEN_TTL_S, type SigningKeys } from './signing-keys';
import { pruneStore, storeAdapter } from './store-adapter';
import { createLogger } from '../logger';

const log = createLogger('openid-provider');

/** Where the provider lives in the sign-in service: the issuer is http://127.0.0.1:<port>/op. */
export const OP_PREFIX = '/op';
/** Authentication context classes (`acr`): one factor, or Tessera's TOTP on top of it. */
export const ACR_SINGLE = 'urn:tessera:acr:sfa';
export const ACR_MFA = 'urn:tessera:acr:mfa';

const TTL = {
  /** A code is redeemed at once; a minute is plenty. */
  AuthorizationCode: 60,
  AccessToken: 60 * 60,
  IdToken: ID_TOKEN_TTL_S,
  /** offline_access only. */
  RefreshToken: 14 * 24 * 60 * 60,
  /** As long as a broker sign-in flow. */
  Interaction: 15 * 60,
  /** As long as a Tessera session (M6). */
  Session: 8 * 60 * 60,
  Grant: 14 * 24 * 60 * 60,
};

/** The Tessera session a browser holds, as the provider needs it. */
export interface OpSession {
  userId: string;
  mfaDone: boolean;
  amr: string[];
  createdAt: number;
}

export interface OpDeps {
  db: Db;
  org: OrgService;
  directory: DirectoryService;
  applications: ApplicationService;
  keys: SigningKeys;
  now: () => number;
  /** The live Tessera session a browser's session cookie names. */
  session(cookie: string | undefined): OpSession | null;
  /** The name of that cookie. */
  sessionCookie: string;
  /** The sign-in service's page renderer, in the browser's language. */
  renderPage(page: OpPage, acceptLanguage: string | undefined): string;
  /**
   * Whether this person's sign-in to this application needs MFA — the broker's decision (routing
   * rule, policy, the application's switch), the one the simulator shows. null: no IdP signs this
   * person in any more, so no session of theirs may be reused.
   */
  mfaRequired(userId: string, application: Application): boolean | null;
}

/** What the interaction page has to do. */
export type InteractionStep =
  | {
      kind: 'login';
      uid: string;
      application: Application;
      loginHint: string | null;
      mfaRequested: boolean;
      /** prompt=login or an exceeded max_age: the person signs in anew, whatever session they have. */
      fresh: boolean;
    }
  | { kind: 'consent'; uid: string; application: Application; scopes: string[] }
  | { kind: 'unmet'; uid: string; application: Application; reasons: string[] };

type OpPage = Extract<Page, { kind: 'op-logout' | 'signed-out' | 'error' }>;

/** The claims of every ID token, whatever the scopes: how, when and in which session. */
const SESSION_CLAIMS = ['acr', 'amr', 'auth_time', 'sid'];

/** Which claims each scope releases (oidc-provider's `claims` configuration below). */
const SCOPE_CLAIMS: Record<string, string[]> = {
  // oidc-provider releases acr, amr and auth_time only when asked; here every ID token says them.
  openid: ['sub', 'acr', 'amr', 'auth_time'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'locale', 'zoneinfo'],
  email: ['email', 'email_verified'],
  groups: ['groups'],
};

/** A claim belongs to a scope this application is allowed. */
const claimAllowed = (claim: string, scopes: Set<string>) =>
  Object.entries(SCOPE_CLAIMS).some(([scope, claims]) => scopes.has(scope) && claims.includes(claim));

/** Claims asked for one by one: those the application may have, and those it may not. */
function requestedClaims(
  ctx: KoaContextWithOIDC,
  scopes: Set<string>,
): { granted: string[]; refused: string[] } {
  const asked = ctx.oidc.claims as { id_token?: object; userinfo?: object } | undefined;
  const all = [...new Set([...Object.keys(asked?.id_token ?? {}), ...Object.keys(asked?.userinfo ?? {})])];
  const granted = all.filter((claim) => SESSION_CLAIMS.includes(claim) || claimAllowed(claim, scopes));
  return { granted, refused: all.filter((claim) => !granted.includes(claim)) };
}

/**
 * The application asked for Tessera's MFA class (acr_values). The claims parameter, the other way
 * to ask for an acr, is not enabled.
 */
const asksForMfa = (params: Record<string, unknown>) =>
  String(params.acr_values ?? '')
    .split(' ')
    .includes(ACR_MFA);

const hasScheme = (uri: string) => !/^https?:/i.test(uri);

export class OpenIdProviderService {
  /**
   * The provider and its request handler (Koa's callback() composes its middleware on each call),
   * built at the first request that needs it: an organization with no application never makes a
   * signing key, and a start of Tessera does no key work.
   */
  private built: Promise<{ provider: Provider; callback: ReturnType<Provider['callback']> }> | null = null;
  private port = 0;

  constructor(private readonly deps: OpDeps) {}

  issuer(port = this.port): string {
    return `http://127.0.0.1:${port}${OP_PREFIX}`;
  }

  /** (Re)builds the provider for the sign-in service on `port`. */
  /** For the sign-in service on `port` (the issuer names it); the provider is built when first used. */
  start(port: number): void {
    this.port = port;
    this.built = null;
    pruneStore(this.deps.db, this.deps.now());
  }

  /** What the Applications page shows; its first visit makes the first signing key. */
  async info(running: boolean): Promise<OpenIdProvider> {
    if (this.deps.keys.describe().length === 0) {
      await this.deps.keys.maintain();
      this.built = null;
    }
    return {
      issuer: this.issuer(),
      discoveryUrl: `${this.issuer()}/.well-known/openid-configuration`,
      running,
      signingKeys: this.deps.keys.describe(),
    };
  }

  async rotateSigningKey(): Promise<void> {
    await this.deps.keys.rotate();
    // A new provider signs with the new key first; its records are in SQLite, so nothing is lost.
    this.built = null;
  }

  /** Expired keys leave the JWKS (the scheduler calls this now and then). */
  async maintain(): Promise<void> {
    pruneStore(this.deps.db, this.deps.now());
    // No key yet: the provider was never used, and upkeep does not make one.
    if (this.deps.keys.describe().length === 0) return;
    if (await this.deps.keys.maintain()) this.built = null;
  }

  private ready() {
    if (!this.built) {
      const building = (async () => {
        await this.deps.keys.maintain();
        const provider = await this.build();
        return { provider, callback: provider.callback() };
      })();
      // A build that failed (the keychain, say) is tried again by the next request.
      building.catch(() => {
        if (this.built === building) this.built = null;
      });
      this.built = building;
    }
    return this.built;
  }

  /**
   * A request under /op that oidc-provider answers. `body` is the form fastify already parsed
   * (oidc-provider then uses it instead of the stream).
   */
  async handle(req: IncomingMessage, res: ServerResponse, body?: Record<string, string>): Promise<void> {
    const { callback } = await this.ready();
    const raw = req as IncomingMessage & { originalUrl?: string; body?: unknown };
    // Mounted under /op, as Express would: oidc-provider reads the prefix from originalUrl.
    raw.originalUrl = req.url;
    req.url = req.url!.slice(OP_PREFIX.length) || '/';
    if (body) raw.body = body;
    await new Promise<void>((resolve) => {
      res.on('close', resolve);
      res.on('finish', resolve);
      void Promise.resolve(callback(req, res)).catch((error: unknown) => {
        log.error('The OpenID Provider failed on a request', error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        }
        resolve();
      });
    });
  }

  private application(clientId: unknown): Application | null {
    return typeof clientId === 'string' ? this.deps.org.applicationByKey(clientId) : null;
  }

  /** GET /op/interaction/:uid — what this step of the authorization needs. */
  async interaction(req: IncomingMessage, res: ServerResponse): Promise<InteractionStep> {
    const details = await (await this.ready()).provider.interactionDetails(req, res);
    const application = this.application(details.params.client_id);
    if (!application) throw new Error('The application of this sign-in is no longer registered.');
    if (details.prompt.name === 'login') {
      const reasons = details.prompt.reasons;
      if (details.lastSubmission?.login) {
        // Signed in already in this authorization, and oidc-provider still asks for a login (a
        // requirement Tessera cannot meet): say so to the application rather than loop.
        return { kind: 'unmet', uid: details.uid, application, reasons };
      }
      return {
        kind: 'login',
        uid: details.uid,
        application,
        loginHint: typeof details.params.login_hint === 'string' ? details.params.login_hint : null,
        fresh: reasons.includes('login_prompt') || reasons.includes('max_age'),
        mfaRequested: asksForMfa(details.params),
      };
    }
    return {
      kind: 'consent',
      uid: details.uid,
      application,
      scopes: [...new Set(String(details.params.scope ?? '').split(' '))].filter((scope) =>
        (['openid', ...application.scopes] as string[]).includes(scope),
      ),
    };
  }

  /** Whether `session` may sign this person in to `application` without asking (M6, M3). */
  satisfies(session: OpSession, application: Application, mfaRequested: boolean): boolean {
    const required = this.deps.mfaRequired(session.userId, application);
    if (required === null) return false;
    return session.mfaDone || (!required && !mfaRequested);
  }

  /** The login oidc-provider keeps for a Tessera session (finishLogin), as its session stores it. */
  private static loginOf(session: OpSession): { amr: string[] | undefined; acr: string; ts: number } {
    return {
      // No amr at all rather than an empty one, when the IdP said nothing about how.
      amr: session.amr.length ? session.amr : undefined,
      acr: session.mfaDone ? ACR_MFA : ACR_SINGLE,
      ts: Math.floor(session.createdAt / 1000),
    };
  }

  /** Whether oidc-provider's session holds exactly the login of this Tessera session. */
  private describes(
    opSession:
      { loginTs?: number | undefined; acr?: string | undefined; amr?: string[] | undefined } | undefined,
    session: OpSession,
  ): boolean {
    const login = OpenIdProviderService.loginOf(session);
    return (
      opSession?.loginTs === login.ts &&
      opSession.acr === login.acr &&
      JSON.stringify(opSession.amr ?? null) === JSON.stringify(login.amr ?? null)
    );
  }

  /** The person is signed in at Tessera: the application's authorization continues. */
  async finishLogin(req: IncomingMessage, res: ServerResponse, session: OpSession): Promise<void> {
    const { amr, acr, ts } = OpenIdProviderService.loginOf(session);
    await (
      await this.ready()
    ).provider.interactionFinished(
      req,
      res,
      { login: { accountId: session.userId, acr, ts, ...(amr ? { amr } : {}) } },
      { mergeWithLastSubmission: false },
    );
  }

  /** The consent step: first-party applications never show it; third-party ones after "Allow". */
  async finishConsent(req: IncomingMessage, res: ServerResponse, allowed: boolean): Promise<void> {
    const { provider } = await this.ready();
    const details = await provider.interactionDetails(req, res);
    if (!allowed) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person did not allow this application.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const application = this.application(details.params.client_id);
    if (!application || !details.session?.accountId)
      throw new Error('This sign-in has no person or application.');
    const grantId = await this.grantFor(details, application, details.session.accountId);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  /** Cancels the authorization: the application gets `error` (and says why). */
  async abort(req: IncomingMessage, res: ServerResponse, error: string, description: string): Promise<void> {
    await (
      await this.ready()
    ).provider.interactionFinished(
      req,
      res,
      { error, error_description: description },
      { mergeWithLastSubmission: false },
    );
  }

  /** The grant of the scopes this application asks for and is allowed (openid always). */
  private async grantFor(details: Interaction, application: Application, accountId: string): Promise<string> {
    const { provider } = await this.ready();
    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId, clientId: application.key });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const allowed = new Set(['openid', ...application.scopes]);
    const scopes = (missing.missingOIDCScope ?? []).filter((scope) => allowed.has(scope));
    if (scopes.length) grant.addOIDCScope(scopes.join(' '));
    const asked = missing.missingOIDCClaims ?? [];
    const claims = asked.filter((claim) => SESSION_CLAIMS.includes(claim) || claimAllowed(claim, allowed));
    if (claims.length) grant.addOIDCClaims(claims);
    // Refused, not left open: an open claim would ask for consent again and again.
    const refused = asked.filter((claim) => !claims.includes(claim));
    if (refused.length) grant.rejectOIDCClaims(refused);
    for (const [indicator, resourceScopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, resourceScopes.join(' '));
    }
    return grant.save();
  }

  // ── oidc-provider's configuration ─────────────────────────────────────────────────────────────

  /** An application as oidc-provider's client metadata; undefined while it cannot sign in. */
  private async clientMetadata(clientId: string): Promise<ClientMetadata | undefined> {
    const app = this.deps.org.applicationByKey(clientId);
    if (!app) return undefined;
    if (app.redirectUris.length === 0) {
      log.warn(`${app.name} tried to sign in, but it has no redirect URI registered in Tessera.`);
      return undefined;
    }
    const secret = app.clientType === 'confidential' ? await this.deps.applications.clientSecret(app) : null;
    if (app.clientType === 'confidential' && !secret) {
      log.warn(
        `${app.name} tried to sign in, but it has no client secret yet (create one under Applications).`,
      );
      return undefined;
    }
    return {
      client_id: app.key,
      client_name: app.name,
      ...(secret ? { client_secret: secret, token_endpoint_auth_method: 'client_secret_basic' } : {}),
      ...(app.clientType === 'public' ? { token_endpoint_auth_method: 'none' } : {}),
      // RFC 8252: an app scheme or a loopback redirect makes a native application.
      application_type: app.redirectUris.some(hasScheme) ? 'native' : 'web',
      redirect_uris: app.redirectUris,
      post_logout_redirect_uris: app.postLogoutRedirectUris,
      response_types: ['code'],
      grant_types: [
        'authorization_code',
        ...(app.scopes.includes('offline_access') ? ['refresh_token'] : []),
      ],
      scope: ['openid', ...app.scopes].join(' '),
    };
  }

  private async build(): Promise<Provider> {
    const deps = this.deps;
    // Loaded when the sign-in service starts, not with the core: a one-off command never needs it.
    const { default: ProviderClass, interactionPolicy } = await import('oidc-provider');
    const { Check } = interactionPolicy;
    const policy = interactionPolicy.base();
    // The Tessera session is what counts: oidc-provider's own session alone signs nobody in.
    policy.get('login')!.checks.add(
      new Check('tessera_session', 'The person must sign in at Tessera', (ctx) => {
        const accountId = ctx.oidc.session?.accountId;
        if (!accountId) return Check.NO_NEED_TO_PROMPT;
        const session = deps.session(ctx.cookies.get(deps.sessionCookie, { signed: false }));
        const application = this.application(ctx.oidc.client?.clientId);
        if (!session || session.userId !== accountId || !application) return Check.REQUEST_PROMPT;
        // oidc-provider's session says how and when (acr, amr, auth_time): it must say what this
        // very Tessera session would, not what an earlier one of the same person did.
        if (!this.describes(ctx.oidc.session, session)) return Check.REQUEST_PROMPT;
        return this.satisfies(session, application, asksForMfa(ctx.oidc.params ?? {}))
          ? Check.NO_NEED_TO_PROMPT
          : Check.REQUEST_PROMPT;
      }),
    );

    const configuration: Configuration = {
      adapter: storeAdapter(deps.db, deps.now, (id) => this.clientMetadata(id)),
      clients: [],
      jwks: { keys: (await deps.keys.privateJwks()) as NonNullable<Configuration['jwks']>['keys'] },
      cookies: {
        keys: [await deps.keys.cookieKey()],
        // Cookies ignore ports: on 127.0.0.1 another program's "_session" would overwrite ours.
        names: {
          session: 'tessera_op_session',
          interaction: 'tessera_op_interaction',
          resume: 'tessera_op_resume',
        },
        long: { httpOnly: true, sameSite: 'lax', signed: true, path: OP_PREFIX },
        short: { httpOnly: true, sameSite: 'lax', signed: true },
      },
      findAccount: (_ctx, sub) => {
        let user;
        try {
          user = deps.directory.user(sub);
        } catch {
          return undefined;
        }
        if (!user.active) return undefined;
        const verified = new Set(
          deps.org
            .get()
            .domains.filter((domain) => domain.verifiedAt !== null)
            .map((domain) => domain.name),
        );
        const profile = user.profile;
        const name =
          profile.displayName ??
          ([profile['name.givenName'], profile['name.familyName']].filter(Boolean).join(' ') || undefined);
        return {
          accountId: sub,
          claims: () => ({
            sub,
            email: user.email,
            // Only an address in a domain the organization proved it owns (J0) is "verified".
            email_verified: verified.has(user.email.slice(user.email.lastIndexOf('@') + 1)),
            ...(name ? { name } : {}),
            ...(profile['name.givenName'] ? { given_name: profile['name.givenName'] } : {}),
            ...(profile['name.familyName'] ? { family_name: profile['name.familyName'] } : {}),
            preferred_username: user.email,
            ...(profile.locale ? { locale: profile.locale } : {}),
            ...(profile.timezone ? { zoneinfo: profile.timezone } : {}),
            groups: user.groups,
          }),
        };
      },
      claims: {
        // How the person signed in (amr, acr) and when (auth_time), for every application.
        acr: null,
        amr: null,
        auth_time: null,
        sid: null,
        iss: null,
        ...SCOPE_CLAIMS,
      },
      scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
      acrValues: [ACR_SINGLE, ACR_MFA],
      // The ID token carries the profile claims too: the applications are the organization's own.
      conformIdTokenClaims: false,
      // Exact redirect URI match, always, even with a single one registered.
      allowOmittingSingleRegisteredRedirectUri: false,
      responseTypes: ['code'],
      // PKCE for every client, not only public ones: a stripped code_challenge is refused.
      pkce: { required: () => true },
      ttl: TTL,
      interactions: {
        policy,
        url: (_ctx, interaction) => `${OP_PREFIX}/interaction/${interaction.uid}`,
      },
      loadExistingGrant: async (ctx) => {
        const client = ctx.oidc.client!;
        const session = ctx.oidc.session!;
        const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
        const application = this.application(client.clientId);
        if (!application?.firstParty || !session.accountId) return existing;
        // First-party: no consent screen; the grant is what the application may have (its scopes,
        // and the claims that say how and when the person signed in).
        const grant =
          existing ??
          new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
        const allowed = new Set(['openid', ...application.scopes]);
        const requested = [...(ctx.oidc.requestParamScopes ?? [])].filter((scope) => allowed.has(scope));
        if (requested.length) grant.addOIDCScope(requested.join(' '));
        const claims = requestedClaims(ctx, allowed);
        grant.addOIDCClaims([...SESSION_CLAIMS, ...claims.granted]);
        // Refused, not left open: an open claim would ask for consent again and again.
        if (claims.refused.length) grant.rejectOIDCClaims(claims.refused);
        await grant.save();
        return grant;
      },
      features: {
        devInteractions: { enabled: false },
        revocation: { enabled: true },
        userinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx, form) => this.logoutPage(ctx, form),
          postLogoutSuccessSource: (ctx) => this.loggedOutPage(ctx),
        },
      },
      // Single-page applications (public clients) call the token endpoint from their own origin.
      clientBasedCORS: (_ctx, origin, client) =>
        client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) ?? false,
      renderError: (ctx, out) => this.errorPage(ctx, out),
    };
    const provider = new ProviderClass(this.issuer(), configuration);
    // The sign-in service answers only on 127.0.0.1 over http (loopback).
    provider.proxy = false;
    provider.on('server_error', (_ctx, error) =>
      log.error('The OpenID Provider hit an internal error', error),
    );
    provider.on('grant.error', (_ctx, error) =>
      log.warn(
        `A token request was refused: ${(error as { error?: string }).error ?? error.message} (${(error as { error_description?: string }).error_description ?? ''})`,
      ),
    );
    return provider;
  }

  private logoutPage(ctx: KoaContextWithOIDC, form: string): void {
    // oidc-provider hands its confirmation form over as HTML; its two values go into our page.
    const action = /action="([^"]+)"/.exec(form)?.[1] ?? `${OP_PREFIX}/session/end/confirm`;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const app = this.application(ctx.oidc.client?.clientId);
    this.render(ctx, 200, { kind: 'op-logout', action, xsrf, appName: app?.name ?? null });
  }

  private loggedOutPage(ctx: KoaContextWithOIDC): void {
    this.render(ctx, 200, { kind: 'signed-out', idpName: null, upstream: 'none' });
  }

  private errorPage(ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }): void {
    log.warn(`An application's sign-in request was refused: ${out.error} (${out.error_description ?? ''})`);
    const params = (ctx.oidc?.params ?? {}) as Record<string, unknown>;
    const clientId = typeof params.client_id === 'string' ? params.client_id.slice(0, 200) : null;
    const sent = typeof params.redirect_uri === 'string' ? params.redirect_uri.slice(0, 500) : null;
    const app = this.application(clientId);
    // What exactly to fix, with the value the application sent.
    const fix =
      out.error === 'invalid_redirect_uri' && app
        ? `${app.name} sent the redirect URI ${sent ?? '(none)'}, which is not registered for it. Redirect URIs must match exactly: register that one under Applications → ${app.name} in Tessera, or correct the application's setting.`
        : out.error === 'invalid_client' && !app
          ? `No application has the client ID ${clientId ?? '(none)'}: add it under Applications in Tessera, or correct the application's client ID.`
          : app
            ? `The application ${app.name} must send exactly what is registered for it in Tessera (Applications): its client ID, one of its redirect URIs, and PKCE (S256).`
            : 'The application must be registered in Tessera (Applications), and send its client ID and a registered redirect URI.';
    this.render(ctx, ctx.status >= 400 ? ctx.status : 400, {
      kind: 'error',
      title: 'The application’s sign-in request was refused',
      message: `${out.error}${out.error_description ? `: ${out.error_description}` : ''}`,
      fix,
    });
  }

  private render(ctx: KoaContextWithOIDC, status: number, page: OpPage): void {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = this.deps.renderPage(page, ctx.get('accept-language'));
  }
}
