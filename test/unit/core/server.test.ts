/** Browser mode's HTTP transport: who may call, and what it refuses before the gate sees anything. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGate, type HandlerTable } from '../../../electron/core/gate';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../../electron/core/server';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
let server: RunningServer;
let calls: number;

/** Raw HTTP so the test controls every header (fetch would set Host and refuse to forge Origin). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: url.host, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (headers: Record<string, string>, body = '{}') =>
  send('/api/invoke/app:status:get', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

beforeEach(async () => {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  calls = 0;
  const handlers = {
    'app:status:get': () => {
      calls++;
      return { version: 't', keychain: { available: true, problem: null, detail: null }, lock: null };
    },
  } as unknown as HandlerTable;
  server = await startServer({ dispatch: createGate(handlers), rendererDir: renderer });
});
afterEach(() => server.close());

describe('browser-mode server', () => {
  it('serves the renderer with a strict CSP, and only to its own Host', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const rebound = await send('/', { headers: { host: `evil.example:${new URL(server.origin).port}` } });
    expect(rebound.status).toBe(421);
  });

  it('binds to loopback only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toContain('/#token='); // in the fragment: never sent to a server
  });

  it('answers a call with our Origin and token', async () => {
    const response = await api({ origin: server.origin, [TOKEN_HEADER]: server.token });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, data: { version: 't' } });
    expect(calls).toBe(1);
  });

  const refused: [string, () => Record<string, string>, number][] = [
    ['no token', () => ({ origin: server.origin }), 401],
    ['a wrong token', () => ({ origin: server.origin, [TOKEN_HEADER]: 'x'.repeat(43) }), 401],
    ['no Origin', () => ({ [TOKEN_HEADER]: server.token }), 403],
    ['another site as Origin', () => ({ origin: 'https://evil.example', [TOKEN_HEADER]: server.token }), 403],
    [
      'a look-alike Origin',
      () => ({ origin: `${server.origin}.evil.example`, [TOKEN_HEADER]: server.token }),
      403,
    ],
  ];
  for (const [name, headers, status] of refused) {
    it(`refuses ${name}`, async () => {
      const response = await api(headers());
      expect(response.status).toBe(status);
      expect(calls).toBe(0);
    });
  }

  it('applies the API checks however the path is spelled', async () => {
    const port = new URL(server.origin).port;
    for (const path of [
      '/%61pi/invoke/app:status:get',
      '/api/invoke/app%3Astatus%3Aget',
      '//api/invoke/app:status:get',
      `http://127.0.0.1:${port}/api/invoke/app:status:get`,
    ]) {
      const response = await send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status, path).not.toBe(200);
      expect(response.body, path).not.toContain('"ok":true');
    }
    expect(calls).toBe(0);
  });

  it('refuses __proto__ keys in the body before the gate', async () => {
    const good = { origin: server.origin, [TOKEN_HEADER]: server.token };
    expect((await api(good, '{"__proto__":{"polluted":1}}')).status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(calls).toBe(0);
  });

  it('never accepts the token in a query string', async () => {
    const response = await send(`/api/invoke/app:status:get?token=${server.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(calls).toBe(0);
  });

  it('refuses bodies that are not JSON, broken JSON, and oversized bodies', async () => {
    const good = { origin: server.origin, [TOKEN_HEADER]: server.token };
    const form = await send('/api/invoke/app:status:get', {
      method: 'POST',
      headers: { ...good, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    expect((await api(good, '{"oops"')).status).toBe(400);
    expect((await api(good, JSON.stringify({ pad: 'a'.repeat(11 * 1024 * 1024) }))).status).toBe(413);
    expect(calls).toBe(0);
  });

  it('passes malformed arguments to the gate, which refuses them', async () => {
    const response = await api({ origin: server.origin, [TOKEN_HEADER]: server.token }, '{"extra":1}');
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toBe(0);
  });
});
