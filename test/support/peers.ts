/**
 * Real peers the tests run against on 127.0.0.1: a certified OpenID provider (oidc-provider) and a
 * real DNS server (dnsmasq). Each is started on a free port and stopped by the caller.
 */
import { createServer as createNetServer } from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import ProviderModule from 'oidc-provider';

/** The little of oidc-provider's API the tests use. */
type ProviderConstructor = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => { callback(): RequestListener };
const Provider = ProviderModule as ProviderConstructor;

export async function listen(
  handler: RequestListener,
  host = '127.0.0.1',
): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://${host}:${port}` };
}

export async function close(server: Server): Promise<void> {
  // Some routes never finish their response on purpose.
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * A real oidc-provider on a free loopback port, with one client registered for Tessera (and
 * `options.clients`: more registrations, e.g. one per token endpoint authentication method).
 */
export async function startOidcProvider(
  redirectUris = ['http://127.0.0.1/callback'],
  /** Claims per login name (its dev login page accepts any name and password); `sub` is the name. */
  accounts: Record<string, Record<string, unknown>> = {},
  options: {
    /** More clients, beside Tessera's. */
    clients?: Record<string, unknown>[];
    /** More of Tessera's client registration, e.g. `post_logout_redirect_uris`. */
    client?: Record<string, unknown>;
    /**
     * Another loopback address (e.g. 127.0.0.2) for a browser test where Tessera's own provider
     * runs too: browsers keep cookies per host, not per port, and both use oidc-provider's names.
     */
    host?: string;
  } = {},
): Promise<RunningOidcProvider> {
  // The issuer names the port, so the server listens before the provider exists.
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const { server, base } = await listen((req, res) => handler(req, res), options.host);
  const clientId = 'tessera';
  const clientSecret = 'a-client-secret-for-tests';
  const provider = new Provider(base, {
    clients: [
      { client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, ...options.client },
      ...(options.clients ?? []).map((client) => ({ redirect_uris: redirectUris, ...client })),
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'name'],
    },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ ...accounts[id], sub: id }),
    }),
  });
  // oidc-provider answers "invalid_client" without the detail (by design); TESSERA_DEBUG_OP=1
  // prints why it refused, with the cause, when a test needs to know.
  if (process.env.TESSERA_DEBUG_OP) {
    for (const event of ['grant.error', 'server_error']) {
      (provider as unknown as { on(e: string, f: (...a: unknown[]) => void): void }).on(
        event,
        (_ctx, error) => console.log(event, error, (error as { cause?: unknown })?.cause),
      );
    }
  }
  handler = provider.callback();
  return { issuer: base, clientId, clientSecret, stop: () => close(server) };
}

/**
 * Signs in at oidc-provider's own login and consent pages (its dev interactions accept any name
 * and password) the way a browser would: cookies kept, forms posted, redirects followed by hand.
 * Returns the redirect back to the relying party, with the code.
 */
export async function oidcProviderAuthorize(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  const go = async (url: string, form?: Record<string, string>) => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...rest] = pair!.split('=');
      jar.set(name!.trim(), rest.join('='));
    }
    return { response, html: await response.text() };
  };
  let page = await go(authorizationUrl);
  for (let hops = 0; hops < 20; hops++) {
    const location = page.response.headers.get('location');
    if (location) {
      const next = new URL(location, origin);
      if (next.origin !== origin) return next;
      page = await go(next.href);
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(page.html)?.[1];
    if (!action)
      throw new Error(
        `oidc-provider showed no form (HTTP ${page.response.status}): ${page.html.slice(0, 500)}`,
      );
    const target = new URL(action.replace(/&amp;/g, '&'), origin).href;
    const hidden = Object.fromEntries(
      [...page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    page = await go(
      target,
      /name="login"/.test(page.html) ? { ...hidden, login, password: 'any password' } : hidden,
    );
  }
  throw new Error('oidc-provider never redirected back to the relying party');
}

/**
 * A system program the tests run as a real peer (dnsmasq, chronyd). They live in /usr/sbin, which a
 * non-root PATH often lacks; look there too. Missing, the tests fail (never skip): a skipped test
 * would hide that what it covers is untested.
 */
export function findSystemTool(name: string, neededFor: string, debianPackage = name): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  const found = dirs
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `${name} is not installed, and the ${neededFor} tests need it: install the Debian package \`${debianPackage}\` (\`scripts/setup.sh --tests\`).`,
    );
  }
  return found;
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a service whose port must be known first). */
export async function freeTcpPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A UDP port that was free a moment ago. */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** A peer's process: its output kept for error messages, stopped with SIGTERM (SIGKILL after 5 s). */
export function spawnPeer(binary: string, args: string[]) {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    log: () => log,
    exited: () => !running(),
    async stop(): Promise<void> {
      if (!running()) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await done;
      clearTimeout(killer);
    },
  };
}

export interface RunningDns {
  /** host:port, as Tessera's resolver setting takes it. */
  resolver: string;
  stop(): Promise<void>;
}

/**
 * dnsmasq authoritative for `.test` with the given records (dnsmasq options such as
 * `--txt-record=name,value`); ready once it answers `probeName`, never after a guessed delay.
 */
export async function startDnsmasq(records: string[], probeName: string): Promise<RunningDns> {
  const binary = findSystemTool('dnsmasq', 'domain-verification', 'dnsmasq-base');
  if (spawnSync(binary, ['--version']).status !== 0) throw new Error(`${binary} does not run.`);
  const port = await freeUdpPort();
  const resolver = `127.0.0.1:${port}`;
  const peer = spawnPeer(binary, [
    '--keep-in-foreground',
    `--port=${port}`,
    '--listen-address=127.0.0.1',
    '--bind-interfaces',
    '--no-resolv',
    '--no-hosts',
    '--conf-file=/dev/null',
    // No pid file (the default is /var/run), and stay the user we are (it would switch to
    // "nobody" when started as root).
    '--pid-file=',
    `--user=${userInfo().username}`,
    '--log-facility=-',
    // Answer for all of .test itself: an unknown name is NXDOMAIN, not REFUSED.
    '--local=/test/',
    ...records,
  ]);
  const stop = () => peer.stop();

  const probe = new Resolver({ timeout: 200, tries: 1 });
  probe.setServers([resolver]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (peer.exited()) throw new Error(`dnsmasq exited at start:\n${peer.log()}`);
    try {
      await probe.resolveTxt(probeName);
      return { resolver, stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`dnsmasq did not answer (${String(error)}):\n${peer.log()}`);
      }
    }
  }
}
