/**
 * The sign-in broker's logic (SPEC §2): email → routing → the IdP (SAML, OIDC or the built-in
 * password) → validation → JIT → MFA → a session. Test SSO (S6, O4, C3) runs the same IdP step for
 * one IdP, whatever its routing or activation, and records every check instead of signing in.
 *
 * HTTP lives in broker-server.ts; this class takes parsed requests and answers with the page to
 * show, so the whole flow runs under plain Node in tests. A flow lives in memory for FLOW_TTL_MS and
 * is bound to the browser that started it by a cookie holding its id.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sameSecret } from '../secrets/same-secret';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { Application, IdpKind, MfaDecision } from '../../../shared/admin/schemas';
import type { ProvisioningPlan, SignInCheck, SsoTest } from '../../../shared/admin/directory';
import { SSO_TEST_TIMEOUT_MS, SsoTestSchema } from '../../../shared/admin/directory';
import type { Db } from '../store/database';
import type { OrgService } from '../org/org-service';
import type { SsoConfigService } from '../sso/sso-config-service';
import type { DirectoryService, IdentityConfirmation } from '../jit/directory-service';
import { mapAttributes, MappingError, type AttributeMap, type MappedIdentity } from '../jit/mapping';
import type { Enrollment, MfaService } from '../mfa/mfa-service';
import { decideMfa } from '../mfa/policy';
import { hashPassword, verifyPassword } from '../builtin/passwords';
import type { Throttle } from './throttle';
import { SamlServiceProvider, type SamlPeer } from './saml-sp';
import { OidcRelyingParty, type OidcPending, type OidcPeer } from './oidc-rp';
import { diagnoseUnexpectedAcsPost } from './acs-diagnosis';
import { SignOutService, type UpstreamSession } from './signout';
import type { SloMessage } from './saml-logout';
import { createLogger } from '../logger';

const log = createLogger('broker');

export const FLOW_TTL_MS = 15 * 60_000;
/**
 * Test SSO gives up waiting for the IdP after this long: an IdP that will never answer — Tessera
 * not registered there, another ACS URL or redirect URI registered, an assertion encrypted for a
 * key Tessera lacks — is said to, with the likely causes.
 */
export const TEST_ANSWER_TIMEOUT_MS = SSO_TEST_TIMEOUT_MS;
/** The check a test that timed out fails (in the shape of the SAML and OIDC checks). */
export const TEST_ANSWER_CHECK = ['idp-answer', 'The IdP answered'] as const;
const FLOWS_MAX = 10_000;
/** M6: how long a sign-in lasts. */
export const SESSION_TTL_MS = 8 * 60 * 60_000;
export const FLOW_COOKIE = 'tessera_flow';
export const SESSION_COOKIE = 'tessera_session';

export type Page =
  | {
      kind: 'start';
      applications: Application[];
      email?: string;
      error?: string;
      /** An application's sign-in through Tessera's OpenID Provider: the form posts there. */
      op?: { uid: string; appName: string };
    }
  | { kind: 'consent'; uid: string; appName: string; scopes: string[] }
  /** RP-initiated logout: oidc-provider's confirmation (its form's action and xsrf value). */
  | { kind: 'op-logout'; action: string; xsrf: string; appName: string | null }
  | {
      kind: 'signed-in';
      email: string;
      application: string | null;
      expiresAt: number;
      /** M2: the person's own MFA switch, when the policy lets them choose; null otherwise. */
      mfaChoice: { optedIn: boolean } | null;
      notice?: string;
    }
  | { kind: 'password'; flowId: string; email: string; error?: string }
  | { kind: 'confirm-identity'; flowId: string; email: string; knownEmail: string }
  | { kind: 'mfa-enroll'; flowId: string; email: string; qrDataUrl: string; secret: string; error?: string }
  | { kind: 'mfa-verify'; flowId: string; email: string; error?: string }
  | { kind: 'test-done'; succeeded: boolean; idpName: string; checks: SignInCheck[] }
  | {
      kind: 'signed-out';
      /** The IdP of the session that ended (null: no session, or the built-in identity). */
      idpName: string | null;
      /**
       * ended: the IdP's session too; not-allowed: the admin did not allow automatic logout;
       * unsupported: the IdP has no logout endpoint; failed: the IdP's answer was refused (detail).
       */
      upstream: 'none' | 'ended' | 'not-allowed' | 'unsupported' | 'failed';
      detail?: string;
      fix?: string;
      /** An application's logout continues at Tessera's OpenID Provider after this. */
      resume?: OpLogoutResume;
    }
  | { kind: 'error'; title: string; message: string; fix?: string }
  | { kind: 'redirect'; url: string }
  | { kind: 'post-form'; url: string; fields: Record<string, string> };

/** Where an application's logout goes on once the IdP's session has ended (openid-provider.ts). */
export interface OpLogoutResume {
  action: string;
  xsrf: string;
  appName: string | null;
}

/** An application's sign-in through the OpenID Provider: its interaction, and whether it asked for MFA. */
export interface OpSignIn {
  uid: string;
  mfaRequested: boolean;
  /** prompt=login or max_age: the person signs in anew, whatever session they have. */
  fresh?: boolean;
}

export interface Answer {
  page: Page;
  /** Cookie name → value (null clears it). */
  cookies?: Record<string, string | null>;
  status?: number;
}

interface Flow {
  id: string;
  createdAt: number;
  testId: string | null;
  idpId: string;
  idpKind: IdpKind;
  idpName: string;
  /** Sign-ins only (not tests). */
  email: string | null;
  application: Application | null;
  rule: { mfa: 'keep' | 'override' | 'enable'; mfaRequired: boolean } | null;
  saml: { peer: SamlPeer; userIdAttribute: string; requestId: string } | null;
  oidc: { peer: OidcPeer; pending: OidcPending } | null;
  stage:
    | 'idp'
    | 'idp-done'
    | 'password'
    | 'confirm-identity'
    | 'mfa-enroll'
    | 'mfa-verify'
    | 'mfa-checking'
    | 'done';
  /** The secret this flow's enrollment page shows, until a code from it is entered (M7). */
  enrollment: Enrollment | null;
  /** The flow cookie's value: random, separate from the id that travels in URLs and RelayState. */
  binding: string;
  /** A validated SAML response's attributes, until this browser continues the flow. */
  claims: AttributeMap | null;
  mapped: MappedIdentity | null;
  userId: string | null;
  mfa: MfaDecision | null;
  /** What ends this sign-in's session at the IdP later (sign-out). */
  upstream: UpstreamSession;
  /** How the IdP authenticated the person (RFC 8176 values), for the ID token's amr. */
  amr: string[];
  op: OpSignIn | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const errorPage = (title: string, message: string, fix?: string, status = 400): Answer => ({
  page: { kind: 'error', title, message, ...(fix ? { fix } : {}) },
  status,
});

export interface BrokerDeps {
  db: Db;
  org: OrgService;
  sso: SsoConfigService;
  directory: DirectoryService;
  mfa: MfaService;
  throttle: Throttle;
  now: () => number;
}

export class BrokerService {
  private readonly flows = new Map<string, Flow>();
  private readonly saml = new SamlServiceProvider();
  private readonly oidc = new OidcRelyingParty();
  /** A hash of a random password: checking an unknown address costs what a real check costs. */
  private dummyHash: Promise<string> | null = null;
  /** Test links already opened: each runs once (a reload must not start a second flow). */
  private readonly startedTests = new Map<string, number>();
  private readonly signout: SignOutService;
  /** Interaction uid → the session its sign-in made (hash), for prompt=login and max_age. */
  private readonly opSessions = new Map<string, { tokenHash: string; at: number }>();

  constructor(private readonly deps: BrokerDeps) {
    this.signout = new SignOutService(deps);
  }

  // ── Flows ────────────────────────────────────────────────────────────────────────────────────

  private newFlow(
    fields: Omit<
      Flow,
      | 'id'
      | 'createdAt'
      | 'stage'
      | 'mapped'
      | 'userId'
      | 'mfa'
      | 'saml'
      | 'oidc'
      | 'claims'
      | 'enrollment'
      | 'binding'
      | 'upstream'
      | 'amr'
      | 'op'
    >,
    op: OpSignIn | null = null,
  ): Flow {
    const now = this.deps.now();
    for (const [id, flow] of this.flows) if (flow.createdAt + FLOW_TTL_MS <= now) this.flows.delete(id);
    // Full (a page flooding POST /, say): the oldest flow goes, so nobody is locked out by it.
    // A Map iterates in insertion order, so the first key is the oldest.
    if (this.flows.size >= FLOWS_MAX) this.flows.delete(this.flows.keys().next().value!);
    const flow: Flow = {
      ...fields,
      id: randomBytes(24).toString('base64url'),
      createdAt: now,
      stage: 'idp',
      mapped: null,
      userId: null,
      mfa: null,
      saml: null,
      oidc: null,
      claims: null,
      enrollment: null,
      binding: randomBytes(24).toString('base64url'),
      upstream: null,
      amr: [],
      op,
    };
    this.flows.set(flow.id, flow);
    return flow;
  }

  /**
   * The flow `id` names, if it is still alive and (when a cookie is required) this browser's: the
   * cookie holds `<id>.<binding>`, and the binding never appears in a URL or in RelayState.
   */
  private flow(id: string | undefined, cookie: string | undefined, requireCookie: boolean): Flow | null {
    if (!id) return null;
    const flow = this.flows.get(id);
    if (!flow || flow.createdAt + FLOW_TTL_MS <= this.deps.now()) return null;
    if (requireCookie && !sameSecret(cookie, `${flow.id}.${flow.binding}`)) return null;
    return flow;
  }

  /** The flow this browser's cookie names (the OIDC callback carries no flow id of ours). */
  private flowOfCookie(cookie: string | undefined): Flow | null {
    return this.flow(cookie?.split('.')[0], cookie, true);
  }

  private static expired(): Answer {
    return errorPage(
      'This sign-in has expired',
      'It was started more than 15 minutes ago, in another browser, or Tessera was restarted.',
      'Start again from the sign-in page.',
    );
  }

  // ── Start page ───────────────────────────────────────────────────────────────────────────────

  startPage(sessionCookie: string | undefined): Answer {
    const session = this.session(sessionCookie);
    if (session) return { page: this.signedInPage(session.userId, null, session.expiresAt) };
    return { page: { kind: 'start', applications: this.deps.org.applications() } };
  }

  private signedInPage(userId: string, application: string | null, expiresAt: number, notice?: string): Page {
    const user = this.deps.directory.user(userId);
    const policy = this.deps.org.mfaPolicy();
    // M2, unless M4 already requires MFA of everyone (then nobody can change it, M4).
    const choice = policy.enabled && policy.allowPerUser && !policy.mandatoryForOrganization;
    return {
      kind: 'signed-in',
      email: user.email,
      application,
      expiresAt,
      mfaChoice: choice ? { optedIn: user.mfa.optedIn } : null,
      ...(notice ? { notice } : {}),
    };
  }

  /** The live session a browser's cookie names. */
  session(cookie: string | undefined): {
    userId: string;
    email: string;
    expiresAt: number;
    createdAt: number;
    mfaDone: boolean;
    amr: string[];
  } | null {
    if (!cookie) return null;
    const row = this.deps.db
      .prepare(
        `SELECT sessions.user_id, sessions.expires_at, sessions.created_at, sessions.mfa_done,
                sessions.amr_json, users.email FROM sessions
         JOIN users ON users.id = sessions.user_id
         WHERE token_hash = ? AND expires_at > ? AND users.active = 1`,
      )
      .get(hashToken(cookie), this.deps.now()) as
      | {
          user_id: string;
          expires_at: number;
          created_at: number;
          mfa_done: number;
          amr_json: string;
          email: string;
        }
      | undefined;
    return row
      ? {
          userId: row.user_id,
          email: row.email,
          expiresAt: row.expires_at,
          createdAt: row.created_at,
          mfaDone: row.mfa_done === 1,
          amr: JSON.parse(row.amr_json) as string[],
        }
      : null;
  }

  /** Whether this browser's session was made by the sign-in of the OpenID Provider's interaction `uid`. */
  madeFor(uid: string, cookie: string | undefined): boolean {
    const made = this.opSessions.get(uid);
    return (
      !!made && !!cookie && made.tokenHash === hashToken(cookie) && made.at + FLOW_TTL_MS > this.deps.now()
    );
  }

  /**
   * The MFA decision for this person signing in to `application` now — the same function, rule and
   * policy as a sign-in and the simulator. null: no IdP routes this person any more.
   */
  mfaDecisionFor(userId: string, application: Application | null): MfaDecision | null {
    const user = this.deps.directory.user(userId);
    const match = this.deps.sso.route(user.email, user.groups);
    if (!match) return null;
    return decideMfa(this.deps.org.mfaPolicy(), match.rule, application, { optedIn: user.mfa.optedIn });
  }

  /** POST /account/mfa — M2: a signed-in person turns MFA on or off for themselves. */
  setOwnMfa(sessionCookie: string | undefined, enabled: boolean): Answer {
    const session = this.session(sessionCookie);
    if (!session) return { page: { kind: 'start', applications: this.deps.org.applications() }, status: 401 };
    const page = this.signedInPage(session.userId, null, session.expiresAt);
    if (page.kind !== 'signed-in' || !page.mfaChoice) {
      return errorPage(
        'Not available',
        'Your organization does not let people choose MFA for themselves.',
        undefined,
        403,
      );
    }
    if (!enabled && !session.mfaDone) {
      // Turning MFA off takes a session that passed it: a stolen first factor must not lift it.
      return errorPage(
        'Sign in with two-step verification first',
        'To turn two-step verification off, sign in with it.',
        undefined,
        403,
      );
    }
    this.deps.directory.setMfaOptIn(session.userId, enabled);
    return {
      page: this.signedInPage(
        session.userId,
        null,
        session.expiresAt,
        enabled
          ? 'Two-step verification is on: you set it up at your next sign-in.'
          : 'Two-step verification is off for your sign-ins.',
      ),
    };
  }

  /** POST /signout — Tessera's session, then the IdP's where it can (signout.ts). */
  async signOut(cookie: string | undefined, resume?: OpLogoutResume): Promise<Answer> {
    const answer = await this.signout.signOut(cookie ? hashToken(cookie) : null, resume);
    return { ...answer, cookies: { ...answer.cookies, [SESSION_COOKIE]: null } };
  }

  /** GET /oidc/signed-out — back from the OP's end-session endpoint. */
  oidcSignedOut(url: URL, logoutCookie: string | undefined): Answer {
    return this.signout.oidcReturn(url, logoutCookie);
  }

  /** GET or POST /saml/slo — SAML Single Logout, either direction. */
  samlSlo(message: SloMessage): Promise<Answer> {
    return this.signout.samlSlo(message);
  }

  /** POST / — the person typed their email (and chose an application). */
  async begin(
    form: { email?: string; application?: string },
    sessionCookie: string | undefined,
    op: OpSignIn | null = null,
  ): Promise<Answer> {
    const email = (form.email ?? '').trim().toLowerCase();
    const applications = this.deps.org.applications();
    const application = form.application ? this.deps.org.applicationByKey(form.application) : null;
    const again = (error: string): Answer => ({
      page: {
        kind: 'start',
        applications,
        email,
        error,
        ...(op && application ? { op: { uid: op.uid, appName: application.name } } : {}),
      },
      status: 400,
    });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320)
      return again('Enter your email address.');
    if (form.application && !application) return again('Choose an application from the list.');

    const known = this.deps.directory.userByEmail(email);
    const match = this.deps.sso.route(email, known?.groups ?? []);
    if (!match) {
      return again(
        'No identity provider signs in this address. Check the address, or ask your administrator to add a routing rule for it.',
      );
    }

    // M6: a valid session signs this person in without asking again — unless this sign-in needs
    // MFA and the session was made without it (then it is a step up, through the IdP and MFA).
    const session = op?.fresh ? null : this.session(sessionCookie);
    if (session && session.email === email) {
      const mfa = decideMfa(this.deps.org.mfaPolicy(), match.rule, application, {
        optedIn: known?.mfa.optedIn ?? false,
      });
      if (session.mfaDone || (!mfa.required && !op?.mfaRequested)) {
        if (op) return { page: { kind: 'redirect', url: opDoneUrl(op) } };
        return { page: this.signedInPage(session.userId, application?.name ?? null, session.expiresAt) };
      }
    }
    const flow = this.newFlow(
      {
        testId: null,
        idpId: match.idp.id,
        idpKind: match.idp.kind,
        idpName: match.idp.name,
        email,
        application,
        rule: { mfa: match.rule.mfa, mfaRequired: match.rule.mfaRequired },
      },
      op,
    );
    return this.toIdp(flow);
  }

  /** Sends the browser to the flow's IdP (or the password page). */
  private async toIdp(flow: Flow): Promise<Answer> {
    const cookies = { [FLOW_COOKIE]: `${flow.id}.${flow.binding}` };
    try {
      if (flow.idpKind === 'builtin') {
        flow.stage = 'password';
        return { page: { kind: 'password', flowId: flow.id, email: flow.email ?? '' }, cookies };
      }
      if (flow.idpKind === 'saml') {
        const candidate = flow.testId ? this.candidates.get(flow.testId) : undefined;
        if (flow.testId) this.candidates.delete(flow.testId);
        const peer = candidate?.peer ?? (await this.deps.sso.samlPeer(flow.idpId));
        const start = await this.saml.start(peer, flow.id);
        flow.saml = { peer, userIdAttribute: peer.userIdAttribute, requestId: start.requestId };
        return start.kind === 'redirect'
          ? { page: { kind: 'redirect', url: start.url }, cookies }
          : { page: { kind: 'post-form', url: start.url, fields: start.fields }, cookies };
      }
      const peer = await this.deps.sso.oidcPeer(flow.idpId);
      const { url, pending } = await this.oidc.start(peer);
      flow.oidc = { peer, pending };
      return { page: { kind: 'redirect', url }, cookies };
    } catch (error) {
      this.flows.delete(flow.id);
      log.warn(`Could not start a sign-in at ${flow.idpName}`, error);
      return errorPage(
        'The sign-in could not start',
        error instanceof AppError ? error.message : `Tessera could not reach ${flow.idpName}'s settings.`,
        'An administrator should check this identity provider in Tessera.',
        500,
      );
    }
  }

  /** GET /oidc/jwks — public keys only. */
  clientJwks(): { keys: object[] } {
    return this.deps.sso.oidcClientJwks();
  }

  // ── Test SSO ─────────────────────────────────────────────────────────────────────────────────

  /**
   * C1: a test of renewed IdP metadata before it is saved runs with these settings instead of the
   * stored ones (test id → the candidate peer), for the test link's lifetime.
   */
  private readonly candidates = new Map<
    string,
    { peer: SamlPeer & { userIdAttribute: string }; at: number }
  >();

  /** Creates a test and the one URL that runs it (opened in a new window or a private one). */
  startTest(
    idpId: string,
    port: number,
    candidate?: SamlPeer & { userIdAttribute: string },
  ): { id: string; url: string } {
    const idp = this.deps.sso.idp(idpId);
    const id = randomUUID();
    for (const [key, { at }] of this.candidates)
      if (at + FLOW_TTL_MS <= this.deps.now()) this.candidates.delete(key);
    if (candidate) this.candidates.set(id, { peer: candidate, at: this.deps.now() });
    const db = this.deps.db;
    db.transaction(() => {
      // One test per IdP is kept: the last one (the mapping preview reads it).
      db.prepare('DELETE FROM sso_tests WHERE idp_id = ?').run(idp.id);
      db.prepare('INSERT INTO sso_tests (id, idp_id, started_at, result_json) VALUES (?, ?, ?, NULL)').run(
        id,
        idp.id,
        this.deps.now(),
      );
    })();
    return { id, url: `http://127.0.0.1:${port}/test/${id}` };
  }

  /** GET /test/:id — runs the test's IdP step. */
  async runTest(testId: string): Promise<Answer> {
    const row = this.testRow(testId);
    if (
      !row ||
      row.result_json !== null ||
      this.startedTests.has(testId) ||
      row.started_at + TEST_ANSWER_TIMEOUT_MS <= this.deps.now()
    ) {
      return errorPage(
        'This test link is used up',
        `Each Test SSO link works once, for ${TEST_ANSWER_TIMEOUT_MS / 60_000} minutes.`,
        'Click Test SSO in Tessera again.',
      );
    }
    const idp = this.deps.sso.idp(row.idp_id);
    if (idp.kind === 'builtin') {
      return errorPage(
        'Nothing to test',
        'The built-in identity has no external IdP to test.',
        undefined,
        400,
      );
    }
    const now = this.deps.now();
    for (const [id, at] of this.startedTests) if (at + FLOW_TTL_MS <= now) this.startedTests.delete(id);
    this.startedTests.set(testId, now);
    const flow = this.newFlow({
      testId,
      idpId: idp.id,
      idpKind: idp.kind,
      idpName: idp.name,
      email: null,
      application: null,
      rule: null,
    });
    return this.toIdp(flow);
  }

  private testRow(
    id: string,
  ): { id: string; idp_id: string; started_at: number; result_json: string | null } | undefined {
    return this.deps.db.prepare('SELECT * FROM sso_tests WHERE id = ?').get(id) as
      { id: string; idp_id: string; started_at: number; result_json: string | null } | undefined;
  }

  test(id: string): SsoTest {
    const row = this.testRow(id);
    if (!row) throw new AppError(ErrorCode.NotFound, 'That test no longer exists.', 'test.notFound');
    if (row.result_json) return SsoTestSchema.parse(JSON.parse(row.result_json));
    const idp = this.deps.sso.idp(row.idp_id);
    // From when the link was opened (the person then signs in at the IdP), else from its creation.
    const since = this.startedTests.get(id) ?? row.started_at;
    if (since + TEST_ANSWER_TIMEOUT_MS <= this.deps.now()) return this.timeOut(row, idp.name, idp.kind);
    return {
      id,
      idpId: idp.id,
      idpName: idp.name,
      state: 'waiting',
      startedAt: row.started_at,
      finishedAt: null,
      checks: [],
      claims: null,
      subject: null,
      identity: null,
      plan: null,
      messages: [],
    };
  }

  /**
   * No answer in TEST_ANSWER_TIMEOUT_MS: the test fails with the likely causes and the exact values
   * to register at the IdP. Its flow ends, so a late answer cannot overwrite this result.
   */
  private timeOut(
    row: { id: string; idp_id: string; started_at: number },
    idpName: string,
    kind: IdpKind,
  ): SsoTest {
    const minutes = TEST_ANSWER_TIMEOUT_MS / 60_000;
    const opened = this.startedTests.has(row.id);
    for (const [flowId, flow] of this.flows) if (flow.testId === row.id) this.flows.delete(flowId);
    const sp = this.deps.org.get().sp;
    const fix = !opened
      ? 'The test window was never opened: click "Open the test window" (or paste the copied URL into a private window), then sign in at the IdP.'
      : kind === 'saml'
        ? `Likely causes: Tessera is not registered at the IdP (give it Tessera's SP metadata: entity ID ${sp.entityId}, ACS URL ${sp.acsUrl}, binding HTTP-POST); the IdP has another ACS URL for Tessera (it must be exactly ${sp.acsUrl}); the IdP encrypts assertions for a key Tessera does not have (turn assertion encryption off for Tessera); or the sign-in at the IdP was not finished. The test window shows what the IdP said.`
        : `Likely causes: Tessera's client ID is not registered at the IdP; the redirect URI registered there is not exactly ${sp.oidcRedirectUri}; or the sign-in at the IdP was not finished. The test window shows what the IdP said.`;
    const result: SsoTest = {
      id: row.id,
      idpId: row.idp_id,
      idpName,
      state: 'failed',
      startedAt: row.started_at,
      finishedAt: this.deps.now(),
      checks: [
        {
          id: TEST_ANSWER_CHECK[0],
          title: TEST_ANSWER_CHECK[1],
          status: 'fail',
          detail: opened
            ? `${idpName} sent no answer to Tessera within ${minutes} minutes.`
            : `The test was not run within ${minutes} minutes.`,
          fix,
        },
      ],
      claims: null,
      subject: null,
      identity: null,
      plan: null,
      messages: [],
    };
    this.deps.db
      .prepare('UPDATE sso_tests SET result_json = ? WHERE id = ? AND result_json IS NULL')
      .run(JSON.stringify(result), row.id);
    log.warn(`Test SSO of ${idpName} timed out (${opened ? 'no answer from the IdP' : 'never opened'}).`);
    return result;
  }

  /** The attributes of the IdP's last successful test, for the mapping preview. */
  lastTestClaims(idpId: string): AttributeMap | null {
    const row = this.deps.db.prepare('SELECT result_json FROM sso_tests WHERE idp_id = ?').get(idpId) as
      { result_json: string | null } | undefined;
    if (!row?.result_json) return null;
    const test = SsoTestSchema.parse(JSON.parse(row.result_json));
    if (test.state !== 'succeeded' || !test.claims) return null;
    const map = Object.create(null) as AttributeMap;
    for (const [name, values] of Object.entries(test.claims)) map[name] = values;
    return map;
  }

  private finishTest(
    flow: Flow,
    outcome: {
      ok: boolean;
      checks: SignInCheck[];
      messages: SsoTest['messages'];
      subject: string | null;
      claims: AttributeMap | null;
    },
  ): Answer {
    const checks = [...outcome.checks];
    let plan: ProvisioningPlan | null = null;
    let identity: SsoTest['identity'] = null;
    let ok = outcome.ok;
    if (ok && outcome.claims) {
      const mapping = this.mapFor(flow, outcome.claims);
      checks.push(mapping.check);
      if (mapping.mapped) {
        identity = { email: mapping.mapped.email, name: displayName(outcome.claims, mapping.mapped) };
        plan = this.deps.directory.plan(mapping.mapped, this.deps.sso.jitSettings(flow.idpId), {
          id: flow.idpId,
          name: flow.idpName,
        }).plan;
      } else ok = false;
    }
    const result: SsoTest = {
      id: flow.testId!,
      idpId: flow.idpId,
      idpName: flow.idpName,
      state: ok ? 'succeeded' : 'failed',
      startedAt: flow.createdAt,
      finishedAt: this.deps.now(),
      checks,
      claims: outcome.claims ? { ...outcome.claims } : null,
      subject: outcome.subject,
      identity,
      plan,
      messages: outcome.messages,
    };
    this.deps.db
      .prepare('UPDATE sso_tests SET result_json = ? WHERE id = ?')
      .run(JSON.stringify(result), flow.testId);
    this.flows.delete(flow.id);
    return {
      page: { kind: 'test-done', succeeded: ok, idpName: flow.idpName, checks },
      cookies: { [FLOW_COOKIE]: null },
    };
  }

  private mapFor(flow: Flow, claims: AttributeMap): { mapped: MappedIdentity | null; check: SignInCheck } {
    const attribute = flow.saml?.userIdAttribute ?? 'email';
    try {
      if (
        flow.idpKind === 'oidc' &&
        Object.hasOwn(claims, 'email_verified') &&
        claims.email_verified?.[0] === 'false'
      ) {
        throw new MappingError(
          'The IdP says this email address is not verified (email_verified: false); Tessera does not sign in by an unverified address.',
          'emailNotVerified',
        );
      }
      const mapped = mapAttributes(claims, this.deps.sso.jitSettings(flow.idpId), attribute);
      return {
        mapped,
        check: {
          id: 'user-id',
          title: `User id (${attribute}) received`,
          status: 'pass',
          detail: mapped.email,
          fix: null,
        },
      };
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      return {
        mapped: null,
        check: {
          id: 'user-id',
          title: `User id (${attribute}) received`,
          status: 'fail',
          detail: error.message,
          fix: null,
        },
      };
    }
  }

  // ── IdP responses ────────────────────────────────────────────────────────────────────────────

  /** POST /saml/acs — the flow is named by RelayState (the POST comes from the IdP's page). */
  async samlResponse(form: { SAMLResponse?: string; RelayState?: string; origin?: string }): Promise<Answer> {
    const flow = this.flow(form.RelayState, undefined, false);
    if (!flow?.saml || flow.stage !== 'idp') return this.unexpectedAcsPost(form);
    if (!form.SAMLResponse)
      return errorPage(
        'No SAML response',
        'The IdP posted no SAMLResponse.',
        'Check the IdP’s ACS binding (HTTP-POST).',
      );
    const outcome = await this.saml.validate(flow.saml.peer, form.SAMLResponse, flow.saml.requestId);
    const messages = outcome.xml ? [{ label: 'SAML response (decoded)', body: redactSaml(outcome.xml) }] : [];
    if (flow.testId) {
      return this.finishTest(flow, {
        ok: outcome.ok,
        checks: outcome.checks,
        messages,
        subject: outcome.ok ? outcome.nameId : null,
        claims: outcome.ok ? outcome.attributes : null,
      });
    }
    if (!outcome.ok) return this.refused(flow, outcome.checks);
    // The POST came from the IdP's page, so it proves nothing about which browser this is; the
    // sign-in continues only in the browser holding this flow's cookie (no login CSRF).
    flow.stage = 'idp-done';
    flow.claims = outcome.attributes;
    flow.upstream = { kind: 'saml', ref: outcome.session };
    flow.amr = samlAmr(outcome.authnContext);
    return { page: { kind: 'redirect', url: `/flow/${flow.id}` } };
  }

  /** An ACS POST that answers no flow: say what is wrong with the IdP's registration of Tessera. */
  private unexpectedAcsPost(form: { SAMLResponse?: string; RelayState?: string; origin?: string }): Answer {
    const sp = this.deps.org.get().sp;
    const diagnosis = diagnoseUnexpectedAcsPost(form, {
      acsUrl: sp.acsUrl,
      signinUrl: new URL('/', sp.acsUrl).href,
      idps: this.deps.sso
        .listIdps()
        .flatMap((idp) =>
          idp.saml ? [{ name: idp.name, entityId: idp.saml.entityId, ssoUrl: idp.saml.sso.location }] : [],
        ),
    });
    log.warn(`An unexpected POST to the ACS was refused: ${diagnosis.title} (${diagnosis.summary}).`);
    return errorPage(diagnosis.title, diagnosis.message, diagnosis.fix);
  }

  /** GET /flow/:id — after the ACS, in the browser that started the sign-in. */
  async continueFlow(flowId: string, flowCookie: string | undefined): Promise<Answer> {
    const flow = this.flow(flowId, flowCookie, true);
    if (!flow || flow.stage !== 'idp-done' || !flow.claims) return BrokerService.expired();
    flow.stage = 'idp';
    return this.afterIdp(flow, flow.claims);
  }

  /** GET /oidc/callback — the flow is this browser's (cookie), its state is checked by openid-client. */
  async oidcCallback(url: URL, flowCookie: string | undefined): Promise<Answer> {
    const flow = this.flowOfCookie(flowCookie);
    if (!flow?.oidc || flow.stage !== 'idp') return BrokerService.expired();
    const outcome = await this.oidc.finish(flow.oidc.peer, flow.oidc.pending, url);
    if (flow.testId) {
      return this.finishTest(flow, {
        ok: outcome.ok,
        checks: outcome.checks,
        messages: outcome.messages,
        subject: outcome.ok ? outcome.subject : null,
        claims: outcome.ok ? outcome.claims : null,
      });
    }
    if (!outcome.ok) return this.refused(flow, outcome.checks);
    flow.upstream = { kind: 'oidc', idToken: outcome.idToken };
    flow.amr = upstreamAmr(outcome.claims);
    return this.afterIdp(flow, outcome.claims);
  }

  private refused(flow: Flow, checks: SignInCheck[]): Answer {
    this.flows.delete(flow.id);
    const failed = checks.find((check) => check.status === 'fail');
    log.warn(`A sign-in at ${flow.idpName} was refused: ${failed?.id ?? 'unknown'}`);
    return errorPage(
      'Sign-in refused',
      failed?.detail ?? `${flow.idpName}'s answer was not accepted.`,
      failed?.fix ?? undefined,
      403,
    );
  }

  /** POST /flow/:id/password — the built-in identity. */
  async password(flowId: string, flowCookie: string | undefined, password: string): Promise<Answer> {
    const flow = this.flow(flowId, flowCookie, true);
    if (!flow || flow.stage !== 'password' || !flow.email) return BrokerService.expired();
    const email = flow.email;
    const key = `password:${email}`;
    try {
      this.deps.throttle.attempt(key);
    } catch (error) {
      return { page: { kind: 'password', flowId, email, error: (error as Error).message }, status: 429 };
    }
    const row = this.deps.db
      .prepare('SELECT display_name, password_hash FROM local_users WHERE email = ?')
      .get(email) as { display_name: string; password_hash: string } | undefined;
    // An unknown address costs a hash too, so timing does not tell which addresses exist.
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const ok = await verifyPassword(row?.password_hash ?? (await this.dummyHash), password.slice(0, 1024));
    if (!row || !ok) {
      return {
        page: { kind: 'password', flowId, email, error: 'The email address or password is not right.' },
        status: 401,
      };
    }
    this.deps.throttle.reset(key);
    flow.amr = ['pwd'];
    try {
      flow.userId = this.deps.directory.ensureUser(email, row.display_name, 'builtin');
    } catch (error) {
      this.flows.delete(flow.id);
      return errorPage('Sign-in refused', (error as Error).message, 'Ask your administrator.', 403);
    }
    return this.toMfa(flow);
  }

  /** After a validated IdP response: map, provision (J), then MFA. */
  private async afterIdp(
    flow: Flow,
    claims: AttributeMap,
    confirmation: IdentityConfirmation = null,
  ): Promise<Answer> {
    const mapping = flow.mapped ? { mapped: flow.mapped, check: null } : this.mapFor(flow, claims);
    if (!mapping.mapped) {
      this.flows.delete(flow.id);
      return errorPage(
        'Sign-in refused',
        mapping.check?.detail ?? 'No user id.',
        'An administrator should check the IdP’s attribute release.',
        403,
      );
    }
    flow.mapped = mapping.mapped;
    if (flow.email && mapping.mapped.email !== flow.email) {
      // The person said who they are; the IdP authenticated someone else.
      this.flows.delete(flow.id);
      return errorPage(
        'Signed in as someone else',
        `You started as ${flow.email}, but ${flow.idpName} signed you in as ${mapping.mapped.email}.`,
        `Sign out of ${flow.idpName}, or start again with ${mapping.mapped.email}.`,
        403,
      );
    }
    const provisioning = this.deps.directory.plan(
      mapping.mapped,
      this.deps.sso.jitSettings(flow.idpId),
      { id: flow.idpId, name: flow.idpName },
      confirmation,
    );
    if (provisioning.plan.action === 'confirm-identity') {
      flow.stage = 'confirm-identity';
      const known = provisioning.plan.userId ? this.deps.directory.user(provisioning.plan.userId).email : '';
      return {
        page: { kind: 'confirm-identity', flowId: flow.id, email: mapping.mapped.email, knownEmail: known },
      };
    }
    try {
      flow.userId = this.deps.directory.apply(provisioning, false);
    } catch (error) {
      this.flows.delete(flow.id);
      return errorPage(
        'You are not in the directory',
        (error as Error).message,
        'Ask your administrator to add you or to turn on JIT for this identity provider.',
        403,
      );
    }
    if (!this.deps.directory.user(flow.userId).active) {
      this.flows.delete(flow.id);
      return errorPage(
        'Account deactivated',
        `${mapping.mapped.email} is deactivated in the directory.`,
        'Ask your administrator.',
        403,
      );
    }
    return this.toMfa(flow);
  }

  /** POST /flow/:id/confirm — J1: "yes, that is me" or "no, I am someone else". */
  async confirmIdentity(flowId: string, flowCookie: string | undefined, answer: string): Promise<Answer> {
    const flow = this.flow(flowId, flowCookie, true);
    if (!flow || flow.stage !== 'confirm-identity' || !flow.mapped) return BrokerService.expired();
    flow.stage = 'idp';
    return this.afterIdp(
      flow,
      Object.create(null) as AttributeMap,
      answer === 'yes' ? 'confirmed' : 'declined',
    );
  }

  private async toMfa(flow: Flow): Promise<Answer> {
    const user = this.deps.directory.user(flow.userId!);
    flow.mfa = flow.rule
      ? decideMfa(this.deps.org.mfaPolicy(), flow.rule, flow.application, { optedIn: user.mfa.optedIn })
      : { required: false, reason: 'not-required' };
    // The application asked for Tessera's MFA class (acr): it gets it, or no sign-in.
    if (!flow.mfa.required && flow.op?.mfaRequested)
      flow.mfa = { required: true, reason: 'application-mandatory' };
    if (!flow.mfa.required) return this.signedIn(flow, false);
    if (this.deps.mfa.enrolled(user.id)) {
      flow.stage = 'mfa-verify';
      return { page: { kind: 'mfa-verify', flowId: flow.id, email: user.email } };
    }
    flow.stage = 'mfa-enroll';
    return this.enrollPage(flow, user.email);
  }

  private async enrollPage(flow: Flow, email: string, error?: string): Promise<Answer> {
    // One secret per flow: shown again on this flow's pages, never to another sign-in.
    flow.enrollment ??= await this.deps.mfa.newEnrollment(email, this.deps.org.get().name);
    const enrollment = flow.enrollment;
    return {
      page: {
        kind: 'mfa-enroll',
        flowId: flow.id,
        email,
        qrDataUrl: enrollment.qrDataUrl,
        secret: enrollment.secret,
        ...(error ? { error } : {}),
      },
      ...(error ? { status: 400 } : {}),
    };
  }

  /** POST /flow/:id/mfa — the code from the authenticator (enrollment M7 or verification). */
  async mfaCode(flowId: string, flowCookie: string | undefined, code: string): Promise<Answer> {
    const flow = this.flow(flowId, flowCookie, true);
    if (!flow || (flow.stage !== 'mfa-enroll' && flow.stage !== 'mfa-verify') || !flow.userId)
      return BrokerService.expired();
    const email = this.deps.directory.user(flow.userId).email;
    const stage = flow.stage;
    // One code at a time per flow: a second submission waits for nothing, it finds no MFA stage.
    flow.stage = 'mfa-checking';
    try {
      const given = code.slice(0, 32);
      if (stage === 'mfa-enroll' && flow.enrollment) {
        await this.deps.mfa.confirmEnrollment(flow.userId, flow.enrollment.secret, given);
      } else {
        await this.deps.mfa.verify(flow.userId, given);
      }
    } catch (error) {
      flow.stage = stage;
      if (!(error instanceof AppError)) throw error;
      if (stage === 'mfa-enroll' && error.reason !== 'signin.lockedOut') {
        return this.enrollPage(flow, email, error.message);
      }
      return { page: { kind: 'mfa-verify', flowId, email, error: error.message }, status: 400 };
    }
    return this.signedIn(flow, true);
  }

  private signedIn(flow: Flow, mfaDone: boolean): Answer {
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.now();
    const expiresAt = now + SESSION_TTL_MS;
    // The session and what its sign-out needs at the IdP: both or neither.
    this.deps.db.transaction(() => {
      this.deps.db
        .prepare(
          'INSERT INTO sessions (token_hash, user_id, idp_id, mfa_done, created_at, expires_at, amr_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          hashToken(token),
          flow.userId,
          flow.idpId,
          Number(mfaDone),
          now,
          expiresAt,
          JSON.stringify(mfaDone ? [...new Set([...flow.amr, 'otp', 'mfa'])] : flow.amr),
        );
      this.signout.remember(hashToken(token), flow.idpId, flow.upstream, expiresAt);
    })();
    // Ended sessions are of no use to anyone; each new one clears them out.
    this.deps.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.deps.directory.markSignedIn(flow.userId!);
    if (flow.op) {
      for (const [uid, made] of this.opSessions)
        if (made.at + FLOW_TTL_MS <= now) this.opSessions.delete(uid);
      if (this.opSessions.size >= FLOWS_MAX) this.opSessions.delete(this.opSessions.keys().next().value!);
      this.opSessions.set(flow.op.uid, { tokenHash: hashToken(token), at: now });
    }
    this.flows.delete(flow.id);
    flow.stage = 'done';
    log.info(`A person signed in through ${flow.idpName}${mfaDone ? ' with MFA' : ''}.`);
    return {
      // An application's sign-in goes back to the OpenID Provider, which answers the application.
      page: flow.op
        ? { kind: 'redirect', url: opDoneUrl(flow.op) }
        : this.signedInPage(flow.userId!, flow.application?.name ?? null, expiresAt),
      cookies: { [SESSION_COOKIE]: token, [FLOW_COOKIE]: null },
    };
  }
}

/** A name for the person a test signed in: the mapped display name, or the usual claims. */
function displayName(claims: AttributeMap, mapped: MappedIdentity): string | null {
  const first = (name: string) =>
    (Object.hasOwn(claims, name) ? claims[name]?.[0]?.trim() : undefined) || undefined;
  const given = mapped.profile['name.givenName'] ?? first('given_name') ?? first('givenName');
  const family = mapped.profile['name.familyName'] ?? first('family_name') ?? first('sn');
  const name =
    mapped.profile.displayName ??
    first('name') ??
    first('displayName') ??
    ([given, family].filter(Boolean).join(' ') || undefined);
  return name ? name.slice(0, 200) : null;
}

/** The decoded response as shown in Test SSO: signature values and certificates shortened. */
function redactSaml(xml: string): string {
  return xml
    .slice(0, 200_000)
    .replace(/(<(?:\w+:)?SignatureValue[^>]*>)[^<]*(<)/g, '$1(signature)$2')
    .replace(/(<(?:\w+:)?X509Certificate[^>]*>)([^<]{0,24})[^<]*(<)/g, '$1$2…$3');
}

/** Where an application's sign-in continues once the person is signed in at Tessera. */
const opDoneUrl = (op: OpSignIn) => `/op/interaction/${encodeURIComponent(op.uid)}/done`;

/** RFC 8176's registered values: what an upstream IdP says beyond them is not passed on. */
const AMR_VALUES = new Set([
  'face',
  'fpt',
  'geo',
  'hwk',
  'iris',
  'kba',
  'mca',
  'mfa',
  'otp',
  'pin',
  'pwd',
  'rba',
  'retina',
  'sc',
  'sms',
  'swk',
  'tel',
  'user',
  'vbm',
  'wia',
]);

/** An OIDC IdP's own amr claim, as far as it uses registered values. */
function upstreamAmr(claims: AttributeMap): string[] {
  const values = Object.hasOwn(claims, 'amr') ? (claims.amr ?? []) : [];
  return [...new Set(values.filter((value) => AMR_VALUES.has(value)))];
}

/**
 * A SAML IdP says how it authenticated the person in its authentication context class (SAML 2.0
 * authn context §3.4): the password classes are `pwd`; the others are not guessed at.
 */
function samlAmr(authnContext: string | null): string[] {
  return authnContext && /:ac:classes:(?:Password|PasswordProtectedTransport)$/.test(authnContext)
    ? ['pwd']
    : [];
}
