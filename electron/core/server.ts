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
 */
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { sameSecret } from './secrets/same-secret';
import { ErrorCode } from '../../shared/ipc/errors';
import type { Dispatch } from './gate';

export const TOKEN_HEADER = 'x-tessera-token';
/**
 * Large enough for the largest request the contract allows (an 8 MB import file, 1 MB of IdP
 * metadata), small enough that no request can exhaust memory; the gate then applies each
 * channel's own limits.
 */
const BODY_LIMIT = 10 * 1024 * 1024;

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
  });
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  const deny = (reply: FastifyReply, status: number, message: string) =>
    reply
      .code(status)
      .type('application/json')
      .send({ ok: false, error: { code: ErrorCode.Forbidden, message } });

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
      // Only JSON (Fastify's own parser, which refuses __proto__ and constructor.prototype keys).
      // A plain HTML form cannot send application/json across sites without a preflight.
      api.removeContentTypeParser('text/plain');
      api.post<{ Params: { channel: string } }>('/invoke/:channel', async (request) =>
        options.dispatch(request.params.channel, request.body),
      );
    },
    { prefix: '/api' },
  );
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    void reply.code(status).send({
      ok: false,
      error: {
        code: status === 500 ? ErrorCode.Internal : ErrorCode.BadRequest,
        message: status === 500 ? 'Internal error.' : error.message,
      },
    });
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', cacheControl: false });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}/#token=${token}`, origin, token, close: () => app.close() };
}
