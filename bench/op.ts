/**
 * Tessera as an OpenID Provider (issue #12): what the OP leg adds to a whole sign-in, beside the
 * same person's sign-in at the broker alone, both over real HTTP on 127.0.0.1 against one running
 * sign-in service (composeSignin's services, startBroker with the OpenIdProviderService, as
 * app-core's listenForSignIns starts them), interleaved in one run:
 * - (a) the built-in identity at the broker: start page → email → password → signed in;
 * - (b) a registered confidential application (first-party, no MFA) signing the same person in:
 *   openid-client's authorization URL with PKCE → Tessera's interaction → email → password →
 *   /done → redirect with the code → token exchange (client_secret_basic) → ID token validated
 *   (claims, nonce, and — this is plain HTTP, so openid-client is told to — its signature against
 *   the JWKS, fetched once and cached as an application would).
 * Each iteration uses a fresh browser (cookie jar), so each is a whole sign-in, never a session reuse.
 * The baseline under both: one Argon2id verification of the same password hash, the floor of any
 * built-in sign-in. The keychain reads each sign-in makes are counted too (through the store the
 * services are composed on): a Secret Service round trip costs milliseconds, so one per request
 * shows in the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as oidc from 'openid-client';
import { ApplicationInputSchema } from '../shared/admin/schemas';
import { composeSignin } from '../electron/core/app-core';
import { verifyPassword } from '../electron/core/builtin/passwords';
import { startBroker } from '../electron/core/broker/broker-server';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import type { SecretKind } from '../electron/core/secrets/secret-refs';
import { openDatabase, readOrCreateVaultId } from '../electron/core/store/database';
import { FormBrowser, type FormPage } from '../test/support/form-browser';
import { median, row } from './format';

const WARM_UP = 10;
const SIGN_INS = 40;
const EMAIL = 'ada@local.test';
const PASSWORD = 'a long enough password';
const CALLBACK = 'http://127.0.0.1:9/wiki/cb';

/** The OP leg may add at most this much to a sign-in (median); see the comment at the report. */
const TARGET_ADDED_MS = 25;

/** The real keychain, counting the reads (and their time) the sign-in service makes. */
class CountingSecretStore extends KeytarSecretStore {
  reads = 0;
  readMs = 0;
  /** Reads by kind of secret (the account name's first part). */
  readsOf = new Map<string, number>();

  override async get(account: string): Promise<string | null> {
    const start = performance.now();
    try {
      return await super.get(account);
    } finally {
      this.reads++;
      this.readMs += performance.now() - start;
      const kind = account.split(':')[0]!;
      this.readsOf.set(kind, (this.readsOf.get(kind) ?? 0) + 1);
    }
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const action = (html: string, name: string) => {
  const found = new RegExp(`action="([^"]*/${name})"`).exec(html)?.[1];
  if (!found) throw new Error(`benchOp: no form posting to …/${name} in:\n${html.slice(0, 400)}`);
  return found;
};

/** Follows redirects until a page, or until the browser is sent to the application's `stopAt`. */
async function until(browser: FormBrowser, page: FormPage, stopAt?: string): Promise<FormPage> {
  let current = page;
  for (let hops = 0; current.location && hops < 12; hops++) {
    const next = new URL(current.location, current.url).href;
    if (stopAt && next.startsWith(stopAt)) return { ...current, location: next };
    current = await browser.request(next);
  }
  return current;
}

interface Steps {
  /** The start page (a: GET /; b: from the authorization request to Tessera's start page). */
  start: number;
  /** Email → the password page (the broker's routing and flow, both). */
  email: number;
  /** Password → signed in (a: the signed-in page; b: through /done to the redirect with the code). */
  password: number;
  /** b only: the token request and the ID token's validation. */
  token: number;
  total: number;
  /** Keychain reads during the sign-in, and their time. */
  reads: number;
  readMs: number;
}

/** What a sign-in measures itself; `counted` adds the keychain reads. */
type Timed = Omit<Steps, 'reads' | 'readMs'>;

function stepper() {
  let last = performance.now();
  const first = last;
  return {
    lap() {
      const now = performance.now();
      const ms = now - last;
      last = now;
      return ms;
    },
    total: () => last - first,
  };
}

/** (a) The built-in identity at the broker, no application. */
async function brokerSignIn(base: string): Promise<Timed> {
  const browser = new FormBrowser();
  const clock = stepper();
  const start = await browser.request(`${base}/`);
  if (!start.html.includes('name="email"')) throw new Error('benchOp: the start page has no email field');
  const startMs = clock.lap();
  const asked = await until(browser, await browser.request(`${base}/`, { form: { email: EMAIL } }));
  const form = action(asked.html, 'password');
  const emailMs = clock.lap();
  const done = await until(
    browser,
    await browser.request(`${base}${form}`, { form: { password: PASSWORD } }),
  );
  const passwordMs = clock.lap();
  if (!done.html.includes(EMAIL) || !done.html.includes('action="/signout"')) {
    throw new Error(`benchOp: the broker sign-in did not end signed in:\n${done.html.slice(0, 400)}`);
  }
  return { start: startMs, email: emailMs, password: passwordMs, token: 0, total: clock.total() };
}

/** (b) The same person through the OP, to a confidential application. */
async function applicationSignIn(base: string, config: oidc.Configuration): Promise<Timed> {
  const browser = new FormBrowser();
  const clock = stepper();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const start = await until(browser, await browser.request(url.href), CALLBACK);
  const login = action(start.html, 'login');
  const startMs = clock.lap();
  const asked = await until(browser, await browser.request(`${base}${login}`, { form: { email: EMAIL } }));
  const form = action(asked.html, 'password');
  const emailMs = clock.lap();
  const back = await until(
    browser,
    await browser.request(`${base}${form}`, { form: { password: PASSWORD } }),
    CALLBACK,
  );
  if (!back.location?.startsWith(CALLBACK)) {
    throw new Error(`benchOp: the application was not sent a code:\n${back.html.slice(0, 400)}`);
  }
  const passwordMs = clock.lap();
  const tokens = await oidc.authorizationCodeGrant(config, new URL(back.location), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  const tokenMs = clock.lap();
  const claims = tokens.claims();
  if (claims?.email !== EMAIL || claims.aud !== 'wiki' || !claims.amr) {
    throw new Error(`benchOp: the ID token names someone else: ${JSON.stringify(claims)}`);
  }
  return { start: startMs, email: emailMs, password: passwordMs, token: tokenMs, total: clock.total() };
}

export async function benchOp(): Promise<void> {
  process.env.TESSERA_QUIET = '1';
  const root = mkdtempSync(join(tmpdir(), 'tessera-bench-op-'));
  const secrets = new CountingSecretStore();
  await secrets.assertAvailable();
  const dataDir = join(root, 'op');
  const vaultId = readOrCreateVaultId(dataDir);
  const db = await openDatabase(dataDir, vaultId, secrets);
  const port = await freePort();
  const { sso, broker, applications, op } = await composeSignin(db, secrets, vaultId, () => Date.now(), port);
  let running: Awaited<ReturnType<typeof startBroker>> | null = null;
  try {
    // The first IdP gets the default rule (I3): everyone signs in with the built-in identity.
    sso.addBuiltin(null);
    await sso.addLocalUser({ email: EMAIL, displayName: 'Ada Lovelace', password: PASSWORD });
    const { clientSecret } = await applications.save(
      null,
      ApplicationInputSchema.parse({
        name: 'Wiki',
        key: 'wiki',
        requireMfa: false,
        clientType: 'confidential',
        redirectUris: [CALLBACK],
        scopes: ['profile', 'email'],
        firstParty: true,
      }),
    );
    // As app-core's listenForSignIns does.
    op.start(port);
    running = await startBroker(broker, port, op);
    const base = `http://127.0.0.1:${port}`;
    // An application discovers once and keeps the JWKS it fetched.
    const config = await oidc.discovery(
      new URL(op.issuer()),
      'wiki',
      undefined,
      oidc.ClientSecretBasic(clientSecret!),
      {
        execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks],
      },
    );
    const { password_hash: hash } = db
      .prepare('SELECT password_hash FROM local_users WHERE email = ?')
      .get(EMAIL) as {
      password_hash: string;
    };
    const argon2 = async () => {
      const t0 = performance.now();
      if (!(await verifyPassword(hash, PASSWORD))) throw new Error('benchOp: the hash did not verify');
      return performance.now() - t0;
    };

    const counted = async (signIn: () => Promise<Timed>): Promise<Steps> => {
      const [reads, readMs] = [secrets.reads, secrets.readMs];
      const steps = await signIn();
      return { ...steps, reads: secrets.reads - reads, readMs: secrets.readMs - readMs };
    };
    secrets.readsOf.clear();
    const a: Steps[] = [];
    const b: Steps[] = [];
    const hashes: number[] = [];
    // Interleaved, each side first every other time, so that drift (other load, GC, CPU frequency)
    // falls on both alike.
    for (let i = 0; i < WARM_UP + SIGN_INS; i++) {
      const viaOp = () => counted(() => applicationSignIn(base, config));
      const first = i % 2 ? await viaOp() : null;
      const alone = await counted(() => brokerSignIn(base));
      const through = first ?? (await viaOp());
      const hashMs = await argon2();
      if (i < WARM_UP) continue;
      a.push(alone);
      b.push(through);
      hashes.push(hashMs);
    }

    const m = (steps: Steps[], key: keyof Steps) => median(steps.map((s) => s[key]));
    const [aMs, bMs, hashMs] = [m(a, 'total'), m(b, 'total'), median(hashes)];
    const added = bMs - aMs;
    const pairedAdded = median(b.map((s, i) => s.total - a[i]!.total));
    console.log(
      `\nOpenID Provider (issue #12): a whole built-in-password sign-in over HTTP, with and without the OP leg (${SIGN_INS} of each after ${WARM_UP} warm-ups, interleaved; a fresh browser each)`,
    );
    const alone = 'broker sign-in alone (password)';
    const target = `+${TARGET_ADDED_MS} ms`;
    row('sign-in to an app through the OP (code+PKCE)', bMs, alone, aMs, `added ≤ ${target}`);
    row('  authorization request → start page', m(b, 'start'), '  GET / (start page)', m(a, 'start'));
    row('  email → password page', m(b, 'email'), '  email → password page', m(a, 'email'));
    row(
      '  password → /done → code at the app',
      m(b, 'password'),
      '  password → signed-in page',
      m(a, 'password'),
    );
    row('  token exchange + ID token validated', m(b, 'token'), alone, aMs);
    row('broker sign-in alone (password)', aMs, 'one Argon2id verify alone', hashMs);
    row('sign-in to an app through the OP', bMs, 'one Argon2id verify alone', hashMs);
    // The target: without the keychain reads, the OP leg measured 13–15 ms here (2 cores, others'
    // tests running beside it): four more requests in the browser (/op/auth, the interaction's
    // start page, /done, oidc-provider's resume), their SQLite records, the signed ID token, and
    // the application's token request with its signature check. 25 ms is nearly twice that, room
    // for a loaded machine, and still catches what does not belong in a sign-in's path: a keychain
    // round trip (7–16 ms each here; the client secret is read 3 times a sign-in as of this
    // writing — /op/auth, the resume, /op/token — which is why the target is not met yet) or a
    // second password hash (9–20 ms).
    const met = added <= TARGET_ADDED_MS;
    console.log(
      `  added by the OP leg: ${added.toFixed(1)} ms a sign-in (difference of medians; median of the paired differences ${pairedAdded.toFixed(1)} ms); ` +
        `target ≤ ${TARGET_ADDED_MS} ms: ${met ? 'met' : 'NOT met'}`,
    );
    const withoutReads = median(b.map((s, i) => s.total - s.readMs - a[i]!.total));
    console.log(
      `  of which keychain reads ${m(b, 'readMs').toFixed(1)} ms; the rest of the OP leg (paired, reads taken out) ${withoutReads.toFixed(1)} ms`,
    );
    console.log(
      `  keychain reads a sign-in: ${m(a, 'reads')} at the broker alone, ${m(b, 'reads')} through the OP ` +
        `(${m(b, 'readMs').toFixed(1)} ms, median)` +
        (secrets.readsOf.size
          ? ` — ${[...secrets.readsOf].map(([kind, n]) => `${kind} ×${n}`).join(', ')} in the ${WARM_UP + SIGN_INS} sign-ins through the OP`
          : ''),
    );
    const share = (ms: number) => (hashMs / ms) * 100;
    const dominated = [share(aMs) > 50 && 'the broker sign-in alone', share(bMs) > 50 && 'the OP one'].filter(
      Boolean,
    );
    console.log(
      `  Argon2id (19 MiB, 2 passes) is ${hashMs.toFixed(1)} ms of each: ${share(aMs).toFixed(0)} % of the broker sign-in, ${share(bMs).toFixed(0)} % of the OP one` +
        (dominated.length
          ? ` — the password hash dominates ${dominated.join(' and ')}, so ×${(bMs / aMs).toPrecision(2)} understates what the OP leg costs beside the broker’s own work (${(aMs - hashMs).toFixed(1)} ms without the hash)`
          : ''),
    );
  } finally {
    await running?.close();
    const kinds: SecretKind[] = ['op-client-secret', 'op-signing-key', 'op-cookie-key'];
    for (const kind of kinds)
      for (const account of (await secrets.entries(`${kind}:${vaultId}:`)).keys())
        await secrets.delete(account);
    await secrets.delete(`database-key:${vaultId}`);
    db.close();
    rmSync(root, { recursive: true, force: true });
  }
}
