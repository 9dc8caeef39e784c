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

  it('refuses __proto__ and constructor.prototype keys before the gate, saying so', async () => {
    const good = { origin: server.origin, [TOKEN_HEADER]: server.token };
    for (const body of [
      '{"__proto__":{"polluted":1}}',
      '{"a":[{"constructor":{"prototype":{"polluted":1}}}]}',
    ]) {
      const response = await api(good, body);
      expect(response.status, body).toBe(400);
      expect(JSON.parse(response.body), body).toEqual({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: expect.stringContaining('"__proto__" or "constructor.prototype" key'),
        },
      });
      expect(response.body).not.toMatch(/not valid JSON/);
    }
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

  /** Every refusal has the contract's shape: the renderer shows its message, a caller learns what to fix. */
  async function expectRefusal(
    response: Awaited<ReturnType<typeof send>>,
    status: number,
    code: string,
    message: RegExp,
  ) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code, message: expect.stringMatching(message) },
    });
  }

  it('refuses bodies that are not JSON, broken or empty JSON, and oversized bodies, in the contract shape', async () => {
    const good = { origin: server.origin, [TOKEN_HEADER]: server.token };
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await send('/api/invoke/app:status:get', {
        method: 'POST',
        headers: { ...good, 'content-type': type },
        body: 'a=1',
      });
      await expectRefusal(
        response,
        415,
        'BAD_REQUEST',
        new RegExp(`application/json, not ${type.split(';')[0]}`),
      );
    }
    await expectRefusal(
      await api(good, '{"oops"'),
      400,
      'BAD_REQUEST',
      /^The request body is not valid JSON: .+/,
    );
    await expectRefusal(await api(good, ''), 400, 'BAD_REQUEST', /no body: send a JSON object/);
    await expectRefusal(
      await api(good, JSON.stringify({ pad: 'a'.repeat(11 * 1024 * 1024) })),
      413,
      'BAD_REQUEST',
      /larger than 10 MB/,
    );
    expect(calls).toBe(0);
  });

  it('answers a too long address (414), oversized headers (431) and unknown addresses in the contract shape', async () => {
    const good = { origin: server.origin, [TOKEN_HEADER]: server.token, 'content-type': 'application/json' };
    const post = (path: string, headers: Record<string, string> = good) =>
      send(path, { method: 'POST', headers, body: '{}' });
    await expectRefusal(
      await post(`/api/invoke/${'a'.repeat(200)}`),
      414,
      'BAD_REQUEST',
      /address is too long/,
    );
    await expectRefusal(
      await post(`/api/invoke/${'a'.repeat(20_000)}`),
      431,
      'BAD_REQUEST',
      /larger than 16 KB/,
    );
    await expectRefusal(
      await post('/api/nothing'),
      404,
      'NOT_FOUND',
      /There is no \/api\/nothing: calls go to POST/,
    );
    await expectRefusal(await post('/api/nothing', {}), 404, 'NOT_FOUND', /There is no \/api\/nothing/);
    await expectRefusal(await send('/missing.js'), 404, 'NOT_FOUND', /There is no \/missing\.js here/);
    const get = await send('/api/invoke/app:status:get', { headers: good });
    await expectRefusal(get, 405, 'BAD_REQUEST', /Calls are POST requests, not GET/);
    expect(get.headers.allow).toBe('POST');
    await expectRefusal(await post('/api/invoke/%E0%A4%A'), 400, 'BAD_REQUEST', /not valid/);
    // A channel the contract does not have reaches the gate, which answers in the same shape.
    const unknown = await post('/api/invoke/no:such:channel');
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(calls).toBe(0);
  });

  it('passes malformed arguments to the gate, which refuses them', async () => {
    const response = await api({ origin: server.origin, [TOKEN_HEADER]: server.token }, '{"extra":1}');
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toBe(0);
  });
});
