/**
 * The sign-in broker's HTTP service on 127.0.0.1:<org.signinPort> (SPEC §2). IdPs know its URLs
 * (ACS, OIDC redirect URI), so the port is fixed and configurable, never random.
 *
 * Like browser mode it answers only to its own Host (DNS rebinding) and caps bodies before parsing
 * them: 512 KB for the SAML ACS (a real response is a few KB), 16 KB for everything else.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BROKER_CSS, renderPage } from './pages';
import { pickLanguage } from './page-text';
import {
  FLOW_COOKIE,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  type Answer,
  type BrokerService,
} from './broker-service';
import { SAML_LIMITS } from './saml-sp';
import { LOGOUT_COOKIE } from './signout';
import { SAML_LOGOUT_LIMITS } from './saml-logout';
import { createLogger } from '../logger';
import { OP_PREFIX, type OpenIdProviderService } from '../op/openid-provider';

const log = createLogger('broker-server');

const FORM_LIMIT = 16 * 1024;

/**
 * No script at all; styles from our own stylesheet; the QR code is a data: image. No form-action:
 * the start page's form is answered by a redirect to the IdP, which form-action would block.
 */
export const BROKER_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * What oidc-provider's own pages get: the same, plus the one inline script it writes itself (the
 * form_post auto-submit, whose hash it adds to script-src).
 */
const OP_CSP = `${BROKER_CSP}; script-src 'self'`;

/** Our interaction pages under /op; everything else under /op is oidc-provider's. */
const OP_INTERACTION = `${OP_PREFIX}/interaction/`;
const OP_LOGOUT_CONFIRM = `${OP_PREFIX}/session/end/confirm`;

export interface RunningBroker {
  port: number;
  close(): Promise<void>;
}

type Form = Record<string, string | undefined>;

function formOf(request: FastifyRequest): Form {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return {};
  const form: Form = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    // A repeated field arrives as an array: take none of it rather than guess.
    if (typeof value === 'string') form[key] = value;
  }
  return form;
}

export async function startBroker(
  service: BrokerService,
  port: number,
  op: OpenIdProviderService | null = null,
): Promise<RunningBroker> {
  const app = Fastify({ bodyLimit: FORM_LIMIT, logger: false, forceCloseConnections: true });
  await app.register(cookie);
  // Fastify's querystring parser builds prototype-free objects; formbody uses it too.
  await app.register(formbody, { bodyLimit: FORM_LIMIT });
  const origin = `http://127.0.0.1:${port}`;

  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    if (host === `localhost:${port}` && request.method === 'GET') {
      // IdPs know 127.0.0.1 URLs, and cookies set for localhost would never come back to them.
      return reply.redirect(`${origin}${request.url}`, 308);
    }
    if (host !== `127.0.0.1:${port}`) {
      return reply.code(421).type('text/plain').send('Unexpected Host header.');
    }
    const path = request.url.split('?')[0]!;
    const toProvider =
      op !== null &&
      (path === OP_PREFIX || path.startsWith(`${OP_PREFIX}/`)) &&
      !path.startsWith(OP_INTERACTION) &&
      path !== OP_LOGOUT_CONFIRM;
    if (toProvider) {
      // oidc-provider reads the body itself and guards its own forms (xsrf, client
      // authentication): the applications' token and logout requests come from other origins.
      reply.raw.setHeader('Content-Security-Policy', OP_CSP);
      reply.raw.setHeader('X-Content-Type-Options', 'nosniff');
      reply.raw.setHeader('Referrer-Policy', 'same-origin');
      reply.raw.setHeader('X-Frame-Options', 'DENY');
      return hijacked(reply, () => op.handle(request.raw, reply.raw));
    }
    // Forms post only from our own pages (the logout confirmation among them); the IdP's POSTs to
    // the ACS and to the SLO URL are the cross-site POSTs (a sign-in is named by RelayState and
    // continues only with this browser's cookie; a logout message is trusted only for its IdP's
    // signature). Any other site — including another port on 127.0.0.1, which cookies treat as
    // the same site — is refused.
    const fromIdp = request.url === '/saml/acs' || request.url === '/saml/slo';
    if (request.method === 'POST' && !fromIdp && request.headers.origin !== origin) {
      return reply.code(403).type('text/plain').send('Cross-origin form refused.');
    }
    reply.header('Content-Security-Policy', path === OP_LOGOUT_CONFIRM ? OP_CSP : BROKER_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with our own
    // form posts, and the Origin check above is what tells our forms from other sites'.
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cache-Control', 'no-store');
  });

  const send: Send = (reply: FastifyReply, answer: Answer) => {
    for (const [name, value] of Object.entries(answer.cookies ?? {})) {
      const options = {
        path: '/',
        httpOnly: true,
        sameSite: 'lax' as const,
        ...(name === SESSION_COOKIE ? { maxAge: SESSION_TTL_MS / 1000 } : {}),
      };
      if (value === null) void reply.clearCookie(name, options);
      else void reply.setCookie(name, value, options);
    }
    // 303: after a POST the browser follows with a GET.
    if (answer.page.kind === 'redirect') return reply.redirect(answer.page.url, 303);
    // The page's chrome follows the browser's language; what the core wrote stays English.
    return reply
      .code(answer.status ?? 200)
      .type('text/html; charset=utf-8')
      .header('Vary', 'Accept-Language')
      .send(renderPage(answer.page, pickLanguage(reply.request.headers['accept-language'])));
  };

  app.get('/broker.css', (_request, reply) => reply.type('text/css').send(BROKER_CSS));
  app.get('/', (request, reply) => send(reply, service.startPage(request.cookies[SESSION_COOKIE])));
  app.post('/', async (request, reply) => {
    const form = formOf(request);
    return send(
      reply,
      await service.begin(
        { email: form.email, application: form.application },
        request.cookies[SESSION_COOKIE],
      ),
    );
  });
  // SameSite=Lax keeps the session cookie off cross-site POSTs, so no other site can flip this.
  app.post('/account/mfa', (request, reply) =>
    send(reply, service.setOwnMfa(request.cookies[SESSION_COOKIE], formOf(request).enabled === 'on')),
  );
  app.post('/signout', async (request, reply) =>
    send(reply, await service.signOut(request.cookies[SESSION_COOKIE])),
  );
  app.get('/oidc/signed-out', (request, reply) =>
    send(reply, service.oidcSignedOut(new URL(request.url, origin), request.cookies[LOGOUT_COOKIE])),
  );
  // The redirect binding's signature covers the query exactly as sent, so it is read raw.
  app.get('/saml/slo', async (request, reply) => {
    const at = request.url.indexOf('?');
    return send(
      reply,
      await service.samlSlo({ binding: 'HTTP-Redirect', rawQuery: at < 0 ? '' : request.url.slice(at + 1) }),
    );
  });
  app.post('/saml/slo', { bodyLimit: SAML_LOGOUT_LIMITS.encodedMaxChars * 2 }, async (request, reply) => {
    const form = formOf(request);
    return send(
      reply,
      await service.samlSlo({
        binding: 'HTTP-POST',
        fields: {
          SAMLRequest: form.SAMLRequest,
          SAMLResponse: form.SAMLResponse,
          RelayState: form.RelayState,
        },
      }),
    );
  });
  app.get<{ Params: { id: string } }>('/test/:id', async (request, reply) =>
    send(reply, await service.runTest(request.params.id)),
  );
  app.post('/saml/acs', { bodyLimit: SAML_LIMITS.bodyMaxBytes }, async (request, reply) => {
    const form = formOf(request);
    return send(
      reply,
      await service.samlResponse({
        SAMLResponse: form.SAMLResponse,
        RelayState: form.RelayState,
        ...(request.headers.origin ? { origin: request.headers.origin } : {}),
      }),
    );
  });
  app.get('/oidc/callback', async (request, reply) => {
    const url = new URL(request.url, `http://127.0.0.1:${port}`);
    return send(reply, await service.oidcCallback(url, request.cookies[FLOW_COOKIE]));
  });
  // private_key_jwt: the public keys Tessera signs client assertions with (RFC 7517), for the
  // providers that fetch a client's JWKS by URL.
  app.get('/oidc/jwks', (_request, reply) =>
    reply.type('application/jwk-set+json').send(JSON.stringify(service.clientJwks())),
  );
  app.get<{ Params: { id: string } }>('/flow/:id', async (request, reply) =>
    send(reply, await service.continueFlow(request.params.id, request.cookies[FLOW_COOKIE])),
  );
  app.post<{ Params: { id: string } }>('/flow/:id/password', async (request, reply) =>
    send(
      reply,
      await service.password(request.params.id, request.cookies[FLOW_COOKIE], formOf(request).password ?? ''),
    ),
  );
  app.post<{ Params: { id: string } }>('/flow/:id/confirm', async (request, reply) =>
    send(
      reply,
      await service.confirmIdentity(
        request.params.id,
        request.cookies[FLOW_COOKIE],
        formOf(request).answer ?? '',
      ),
    ),
  );
  app.post<{ Params: { id: string } }>('/flow/:id/mfa', async (request, reply) =>
    send(
      reply,
      await service.mfaCode(request.params.id, request.cookies[FLOW_COOKIE], formOf(request).code ?? ''),
    ),
  );

  if (op) registerOpRoutes(app, service, op, send);

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) log.error('The sign-in service failed on a request', error);
    return send(reply, {
      page: {
        kind: 'error',
        title:
          status === 413
            ? 'Request too large'
            : status === 500
              ? 'Something failed in Tessera'
              : 'Bad request',
        message:
          status === 413
            ? 'The request is larger than a sign-in ever needs and was refused before reading it.'
            : status === 500
              ? 'The sign-in service hit an internal error; the details are in Tessera’s log.'
              : error.message,
      },
      status,
    });
  });

  await app.listen({ host: '127.0.0.1', port });
  return { port, close: () => app.close() };
}

type Send = (reply: FastifyReply, answer: Answer) => FastifyReply;

/**
 * Hands the raw response to oidc-provider. Fastify no longer answers for it, so a failure here is
 * answered here: a 500, never a browser left waiting.
 */
async function hijacked(reply: FastifyReply, write: () => Promise<void>): Promise<FastifyReply> {
  reply.hijack();
  try {
    await write();
  } catch (error) {
    log.error('The OpenID Provider failed on a request', error);
    if (!reply.raw.headersSent) {
      reply.raw.statusCode = 500;
      reply.raw.setHeader('Content-Type', 'text/plain; charset=utf-8');
    }
    reply.raw.end('The sign-in service hit an internal error; the details are in Tessera’s log.');
  }
  return reply;
}

/**
 * The OpenID Provider's interaction pages: the person signs in through the broker's own flow
 * (the start page posts here), and the application's authorization continues at /done.
 */
function registerOpRoutes(
  app: FastifyInstance,
  service: BrokerService,
  op: OpenIdProviderService,
  send: Send,
): void {
  type Uid = { Params: { uid: string } };
  const expired = (detail: string): Answer => ({
    page: {
      kind: 'error',
      title: 'This sign-in has expired',
      message: `The application's sign-in request is no longer open (${detail}).`,
      fix: 'Go back to the application and sign in again.',
    },
    status: 400,
  });
  /** The step of this interaction, or why there is none (expired, another browser). */
  const step = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await op.interaction(request.raw, reply.raw);
    } catch (error) {
      log.info(`An application's sign-in could not continue: ${(error as Error).message}`);
      send(
        reply,
        expired((error as { error_description?: string }).error_description ?? (error as Error).message),
      );
      return null;
    }
  };
  const startPage = (uid: string, appName: string, email: string | undefined): Answer => ({
    page: {
      kind: 'start',
      applications: [],
      ...(email ? { email } : {}),
      op: { uid, appName },
    },
  });

  app.get<Uid>(`${OP_INTERACTION}:uid`, async (request, reply) => {
    const current = await step(request, reply);
    if (!current) return reply;
    if (current.kind === 'consent') {
      if (current.application.firstParty) {
        return hijacked(reply, () => op.finishConsent(request.raw, reply.raw, true));
      }
      return send(reply, {
        page: {
          kind: 'consent',
          uid: current.uid,
          appName: current.application.name,
          scopes: current.scopes,
        },
      });
    }
    if (current.kind === 'unmet') {
      return hijacked(reply, () =>
        op.abort(
          request.raw,
          reply.raw,
          'unmet_authentication_requirements',
          `Tessera cannot sign in as the application asked (${current.reasons.join(', ')}).`,
        ),
      );
    }
    const session = service.session(request.cookies[SESSION_COOKIE]);
    if (!current.fresh && session && op.satisfies(session, current.application, current.mfaRequested)) {
      return hijacked(reply, () => op.finishLogin(request.raw, reply.raw, session));
    }
    return send(reply, startPage(current.uid, current.application.name, current.loginHint ?? session?.email));
  });

  app.post<Uid>(`${OP_INTERACTION}:uid/login`, async (request, reply) => {
    const current = await step(request, reply);
    if (!current) return reply;
    if (current.kind !== 'login') return send(reply, expired('it no longer asks for a sign-in'));
    return send(
      reply,
      await service.begin(
        { email: formOf(request).email, application: current.application.key },
        request.cookies[SESSION_COOKIE],
        { uid: current.uid, mfaRequested: current.mfaRequested, fresh: current.fresh },
      ),
    );
  });

  // Back from the broker's flow, signed in at Tessera.
  app.get<Uid>(`${OP_INTERACTION}:uid/done`, async (request, reply) => {
    const current = await step(request, reply);
    if (!current) return reply;
    if (current.kind !== 'login') return send(reply, expired('it no longer asks for a sign-in'));
    const cookie = request.cookies[SESSION_COOKIE];
    const session = service.session(cookie);
    if (
      !session ||
      (current.fresh && !service.madeFor(current.uid, cookie)) ||
      !op.satisfies(session, current.application, current.mfaRequested)
    ) {
      return send(reply, startPage(current.uid, current.application.name, session?.email));
    }
    return hijacked(reply, () => op.finishLogin(request.raw, reply.raw, session));
  });

  app.post<Uid>(`${OP_INTERACTION}:uid/consent`, async (request, reply) => {
    const current = await step(request, reply);
    if (!current) return reply;
    if (current.kind !== 'consent') return send(reply, expired('it no longer asks for consent'));
    return hijacked(reply, () => op.finishConsent(request.raw, reply.raw, formOf(request).allow === 'yes'));
  });

  app.post<Uid>(`${OP_INTERACTION}:uid/abort`, async (request, reply) => {
    const current = await step(request, reply);
    if (!current) return reply;
    return hijacked(reply, () =>
      op.abort(request.raw, reply.raw, 'access_denied', 'The person cancelled the sign-in at Tessera.'),
    );
  });

  // RP-initiated logout, confirmed: Tessera's session ends, and the IdP's where it can; then
  // oidc-provider ends its own and sends the browser to the application's registered URI.
  app.post(OP_LOGOUT_CONFIRM, async (request, reply) => {
    const form = formOf(request);
    const cookie = request.cookies[SESSION_COOKIE];
    // Only the person's "Sign out" on our confirmation page ends the Tessera session: the form
    // oidc-provider submits by itself (when its own session has nobody in it) must not, or any site
    // could sign people out by sending them to the end-session endpoint.
    if (form.logout === 'yes' && form.tessera === 'signout' && cookie) {
      const answer = await service.signOut(cookie, {
        action: OP_LOGOUT_CONFIRM,
        xsrf: form.xsrf ?? '',
        appName: null,
      });
      // The IdP's logout first; its signed-out page carries the form that comes back here.
      if (answer.page.kind === 'redirect' || answer.page.kind === 'post-form') return send(reply, answer);
      reply.raw.setHeader(
        'Set-Cookie',
        app.serializeCookie(SESSION_COOKIE, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax' }),
      );
    }
    const body: Record<string, string> = {};
    for (const [key, value] of Object.entries(form))
      if (key !== 'tessera' && value !== undefined) body[key] = value;
    reply.raw.setHeader('Content-Security-Policy', OP_CSP);
    return hijacked(reply, () => op.handle(request.raw, reply.raw, body));
  });
}
