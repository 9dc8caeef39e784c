/**
 * Browser mode: the same handler table over HTTP on 127.0.0.1, serving the built renderer. Used by
 * the end-to-end tests (Chromium) and to run Tessera where Electron's binary is missing.
 *
 * It is a local server any web page could try to reach, so (ARCHITECTURE §2):
 * - it binds 127.0.0.1 only and answers only to Host 127.0.0.1:<port> or localhost:<port> (DNS rebinding);
 * - API calls need our Origin (cross-site requests) and a random per-launch token in a header; the
 *   token reaches the page in the URL fragment, which browsers never send to a server, and the page
 *   removes it from the address bar at once;
 * - bodies are capped before parsing.
 *
 * Every answer that is not the renderer's files has the contract's shape, `{ ok: false, error: { code,
 * message } }` for every refusal — also those Fastify and Node's HTTP parser make before any route
 * runs (415, 413, 414, 431, broken JSON, unknown addresses) — so the renderer always has an error to
 * show and a caller always has a message that says what to change.
 */
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import secureJson from 'secure-json-parse';
import { sameSecret } from './secrets/same-secret';
import { ErrorCode } from '../../shared/ipc/errors';
import type { Dispatch } from './gate';
import { createLogger } from './logger';

const log = createLogger('server');

export const TOKEN_HEADER = 'x-tessera-token';
/**
 * Large enough for the largest request the contract allows (an 8 MB import file, 1 MB of IdP
 * metadata), small enough that no request can exhaust memory; the gate then applies each
 * channel's own limits.
 */
const BODY_LIMIT = 10 * 1024 * 1024;

type Refusal = { ok: false; error: { code: ErrorCode; message: string } };
const refusal = (code: ErrorCode, message: string): Refusal => ({ ok: false, error: { code, message } });

/** An error with the HTTP status and message a caller should see. */
function httpError(statusCode: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

/**
 * The request body as JSON, refusing `__proto__` and `constructor.prototype` keys (which could
 * change every object in the process once merged somewhere) with a message that says so, rather
 * than calling valid JSON invalid.
 */
function parseJsonBody(
  _request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) {
  if (body.trim() === '')
    return done(
      httpError(400, 'The request has no body: send a JSON object ({} when the call takes no arguments).'),
    );
  try {
    done(null, secureJson.parse(body, null, { protoAction: 'error', constructorAction: 'error' }));
  } catch (error) {
    const message = (error as Error).message;
    if (/forbidden (prototype|constructor)/i.test(message)) {
      return done(
        httpError(
          400,
          'The request body has a "__proto__" or "constructor.prototype" key, which Tessera refuses: rename or remove that key.',
        ),
      );
    }
    done(httpError(400, `The request body is not valid JSON: ${message}.`));
  }
}

/** What Fastify's own refusals mean for a caller, in words that say what to change. */
function describe(error: FastifyError, request: FastifyRequest): { status: number; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        message: `Calls must be sent as application/json, not ${request.headers['content-type'] ?? 'without a Content-Type'}.`,
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, message: `The request body is larger than ${BODY_LIMIT / 1024 / 1024} MB.` };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, message: 'The address is too long: no channel has a name that long.' };
    case 'FST_ERR_BAD_URL':
      return { status: 400, message: 'The address is not valid (a broken %-escape).' };
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  return { status, message: status === 500 ? 'Internal error.' : error.message };
}

/** Refusals by Node's HTTP parser, before Fastify sees a request: the same shape, then the socket closes. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers (with its address) are larger than 16 KB.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request did not arrive in time.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify(refusal(ErrorCode.BadRequest, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Our renderer needs styles injected at run time (Mantine), nothing else inline; the QR decoder
 * compiles its bundled WebAssembly ('wasm-unsafe-eval' allows exactly that, not eval) and runs in a
 * worker from our origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface ServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  // forceCloseConnections: a browser's keep-alive connection must not hold up shutdown.
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: true,
    clientErrorHandler: answerClientError,
    // Refusals the router makes before any hook (a too long or broken address): same shape.
    frameworkErrors: (error, request, reply) => {
      const { status, message } = describe(error, request as FastifyRequest);
      void (reply as FastifyReply)
        .code(status)
        .type('application/json')
        .send(refusal(ErrorCode.BadRequest, message));
    },
  });
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  const deny = (reply: FastifyReply, status: number, message: string) =>
    reply.code(status).type('application/json').send(refusal(ErrorCode.Forbidden, message));

  // Before any route or plugin is registered: each takes the handlers in force when it is added, so
  // set later they would leave Fastify's own answers in place for the API.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, message } = describe(error, request);
    if (status === 500) log.error(`${request.method} ${request.url.split('?')[0]} failed`, error);
    void reply
      .code(status)
      .type('application/json')
      .send(refusal(status === 500 ? ErrorCode.Internal : ErrorCode.BadRequest, message));
  });
  app.setNotFoundHandler((request, reply) => {
    // Shown back to the caller: cut short, it is whatever the caller sent.
    const path = (request.url.split('?')[0] ?? '').slice(0, 200);
    if (path.startsWith('/api/invoke/') && request.method !== 'POST') {
      return reply
        .code(405)
        .header('Allow', 'POST')
        .type('application/json')
        .send(refusal(ErrorCode.BadRequest, `Calls are POST requests, not ${request.method}.`));
    }
    return reply
      .code(404)
      .type('application/json')
      .send(
        refusal(
          ErrorCode.NotFound,
          path.startsWith('/api/')
            ? `There is no ${path}: calls go to POST /api/invoke/<channel>.`
            : `There is no ${path} here.`,
        ),
      );
  });

  // Every request: our Host only, and the common headers.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!allowedHosts.has(request.headers.host ?? '')) return deny(reply, 421, 'Unexpected Host header.');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Frame-Options', 'DENY');
  });

  // The API lives in its own plugin so that its checks are bound to its routes, not to the raw
  // request URL: a path spelled /%61pi/… or an absolute-form target still reaches these hooks.
  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const origin = request.headers.origin;
        if (!origin || !allowedOrigins.has(origin)) return deny(reply, 403, 'Cross-origin call refused.');
        if (!sameSecret(request.headers[TOKEN_HEADER], token))
          return deny(reply, 401, 'Missing or wrong session token.');
        reply.header('Cache-Control', 'no-store');
      });
      // Only JSON. A plain HTML form cannot send application/json across sites without a preflight.
      api.removeAllContentTypeParsers();
      api.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
      api.post<{ Params: { channel: string } }>('/invoke/:channel', async (request) =>
        options.dispatch(request.params.channel, request.body),
      );
    },
    { prefix: '/api' },
  );
  await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', cacheControl: false });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}/#token=${token}`, origin, token, close: () => app.close() };
}
