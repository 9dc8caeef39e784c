/**
 * Sign-out from the sign-in service (SPEC O2): Tessera's session always ends first (its row and
 * cookie), then — where the IdP supports it and, for OIDC, the admin allowed it ("allow automatic
 * session logout") — the session at the IdP too: OIDC RP-initiated logout (oidc-logout.ts) or SAML
 * Single Logout (saml-logout.ts). An IdP's own LogoutRequest ends the sessions it names.
 *
 * The signed-out page says which happened: both sessions ended, only Tessera's (and why), or the
 * IdP's answer was refused (and what it said).
 */
import { randomBytes } from 'node:crypto';
import type { Idp } from '../../../shared/admin/schemas';
import { sameSecret } from '../secrets/same-secret';
import type { Db } from '../store/database';
import type { OrgService } from '../org/org-service';
import type { SsoConfigService } from '../sso/sso-config-service';
import { CheckFailure } from './checks';
import { OidcLogout } from './oidc-logout';
import {
  readSloMessage,
  SAML_LOGOUT_LIMITS,
  SamlLogout,
  type ReceivedSlo,
  type SamlLogoutPeer,
  type SloMessage,
  type SloSend,
} from './saml-logout';
import type { SamlSessionRef } from './saml-sp';
import type { Answer, OpLogoutResume } from './broker-service';
import { createLogger } from '../logger';

const log = createLogger('signout');

/** Binds an OIDC logout's return to the browser that left (the state travels in URLs). */
export const LOGOUT_COOKIE = 'tessera_logout';
const PENDING_MAX = 10_000;

/** What a session keeps to end itself at its IdP. */
export type UpstreamSession =
  { kind: 'saml'; ref: SamlSessionRef } | { kind: 'oidc'; idToken: string } | null;

interface PendingLogout {
  createdAt: number;
  idpId: string;
  idpName: string;
  /** OIDC: the cookie's value. SAML: the LogoutRequest's ID. */
  secret: string;
  /** An application's logout, to continue at the OpenID Provider afterwards. */
  resume?: OpLogoutResume | undefined;
}

export interface SignOutDeps {
  db: Db;
  org: OrgService;
  sso: SsoConfigService;
  now: () => number;
}

const random = () => randomBytes(24).toString('base64url');

const sendAnswer = (send: SloSend, cookies?: Answer['cookies']): Answer => ({
  page:
    send.kind === 'redirect'
      ? { kind: 'redirect', url: send.url }
      : { kind: 'post-form', url: send.url, fields: send.fields },
  ...(cookies ? { cookies } : {}),
});

export class SignOutService {
  private readonly oidc: OidcLogout;
  private readonly saml: SamlLogout;
  /** OIDC: by state. SAML: by RelayState. */
  private readonly pending = new Map<string, PendingLogout>();

  constructor(private readonly deps: SignOutDeps) {
    this.oidc = new OidcLogout(deps.now);
    this.saml = new SamlLogout(deps.now);
  }

  /** At sign-in: what this session's sign-out will need (the SAML part survives restarts). */
  remember(tokenHash: string, idpId: string, upstream: UpstreamSession, expiresAt: number): void {
    if (upstream?.kind === 'oidc') this.oidc.remember(tokenHash, upstream.idToken, expiresAt);
    if (upstream?.kind === 'saml') {
      const { ref } = upstream;
      this.deps.db
        .prepare(
          `INSERT INTO session_saml (token_hash, idp_id, name_id, name_id_format, name_qualifier, sp_name_qualifier, session_index)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          tokenHash,
          idpId,
          ref.nameId,
          ref.nameIdFormat,
          ref.nameQualifier,
          ref.spNameQualifier,
          ref.sessionIndex,
        );
    }
  }

  private addPending(key: string, entry: Omit<PendingLogout, 'createdAt'>): void {
    const now = this.deps.now();
    for (const [id, pending] of this.pending)
      if (pending.createdAt + SAML_LOGOUT_LIMITS.requestLifetimeMs <= now) this.pending.delete(id);
    if (this.pending.size >= PENDING_MAX) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(key, { ...entry, createdAt: now });
  }

  private takePending(key: string | null | undefined): PendingLogout | null {
    if (!key) return null;
    const pending = this.pending.get(key);
    this.pending.delete(key);
    if (!pending || pending.createdAt + SAML_LOGOUT_LIMITS.requestLifetimeMs <= this.deps.now()) return null;
    return pending;
  }

  private signedOut(
    idpName: string | null,
    upstream: 'none' | 'ended' | 'not-allowed' | 'unsupported' | 'failed',
    failure?: { detail: string; fix: string },
    status = 200,
    resume?: OpLogoutResume,
  ): Answer {
    return {
      page: { kind: 'signed-out', idpName, upstream, ...(failure ?? {}), ...(resume ? { resume } : {}) },
      ...(status !== 200 ? { status } : {}),
    };
  }

  /** POST /signout — `tokenHash` is the hash of this browser's session cookie (if any). */
  async signOut(tokenHash: string | null, resume?: OpLogoutResume): Promise<Answer> {
    if (!tokenHash) return this.signedOut(null, 'none');
    const { db } = this.deps;
    const row = db
      .prepare(
        `SELECT sessions.idp_id, sessions.expires_at, session_saml.name_id, session_saml.name_id_format,
                session_saml.name_qualifier, session_saml.sp_name_qualifier, session_saml.session_index
         FROM sessions LEFT JOIN session_saml ON session_saml.token_hash = sessions.token_hash
         WHERE sessions.token_hash = ?`,
      )
      .get(tokenHash) as
      | {
          idp_id: string;
          expires_at: number;
          name_id: string | null;
          name_id_format: string | null;
          name_qualifier: string | null;
          sp_name_qualifier: string | null;
          session_index: string | null;
        }
      | undefined;
    const idToken = this.oidc.take(tokenHash);
    // Tessera's session ends whatever the IdP does next (fail closed).
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    if (!row || row.expires_at <= this.deps.now()) return this.signedOut(null, 'none');

    let idp: Idp;
    try {
      idp = this.deps.sso.idp(row.idp_id);
    } catch {
      return this.signedOut(null, 'none');
    }
    try {
      if (idp.kind === 'oidc' && idp.oidc) {
        if (!idp.oidc.automaticLogout) return this.signedOut(idp.name, 'not-allowed');
        const peer = await this.deps.sso.oidcPeer(idp.id);
        const state = random();
        const url = this.oidc.endSessionUrl(
          peer,
          idToken,
          this.deps.org.get().sp.oidcPostLogoutRedirectUri,
          state,
        );
        if (!url) return this.signedOut(idp.name, 'unsupported');
        const binding = random();
        this.addPending(state, { idpId: idp.id, idpName: idp.name, secret: binding, resume });
        log.info(`A person signs out, and out of ${idp.name} (RP-initiated logout).`);
        return {
          page: { kind: 'redirect', url },
          cookies: { [LOGOUT_COOKIE]: `${state}.${binding}` },
        };
      }
      if (idp.kind === 'saml' && idp.saml) {
        // A session from before Single Logout was known has no NameID to name.
        if (!idp.saml.slo || row.name_id === null) return this.signedOut(idp.name, 'unsupported');
        const peer = await this.logoutPeer(idp);
        const relayState = random();
        const { requestId, send } = await this.saml.request(
          peer,
          {
            nameId: row.name_id,
            nameIdFormat: row.name_id_format,
            nameQualifier: row.name_qualifier,
            spNameQualifier: row.sp_name_qualifier,
            sessionIndex: row.session_index,
          },
          relayState,
        );
        this.addPending(relayState, { idpId: idp.id, idpName: idp.name, secret: requestId, resume });
        log.info(`A person signs out, and out of ${idp.name} (SAML Single Logout).`);
        return sendAnswer(send);
      }
    } catch (error) {
      log.warn(`Could not start the sign-out at ${idp.name}`, error);
      return this.signedOut(idp.name, 'failed', {
        detail: error instanceof Error ? error.message : String(error),
        fix: 'An administrator should check this identity provider in Tessera.',
      });
    }
    return this.signedOut(null, 'none');
  }

  /** GET /oidc/signed-out — the OP sends the browser back with our state. */
  oidcReturn(url: URL, cookie: string | undefined): Answer {
    const state = url.searchParams.get('state');
    const pending = this.takePending(state);
    const cookies = { [LOGOUT_COOKIE]: null };
    if (!pending || !sameSecret(cookie, `${state}.${pending.secret}`)) {
      return {
        ...this.signedOut(
          pending?.idpName ?? null,
          'failed',
          {
            detail: state
              ? 'The provider’s answer does not carry the state this sign-out sent (or it came to another browser, or too late).'
              : 'The provider sent the browser back without the state this sign-out sent.',
            fix: 'Your session at the identity provider may still be open: sign out there, or close the browser.',
          },
          400,
        ),
        cookies,
      };
    }
    log.info(`${pending.idpName} ended its session (RP-initiated logout).`);
    return { ...this.signedOut(pending.idpName, 'ended', undefined, 200, pending.resume), cookies };
  }

  /** GET or POST /saml/slo — the IdP's LogoutResponse to ours, or its own LogoutRequest. */
  async samlSlo(message: SloMessage): Promise<Answer> {
    let received: ReceivedSlo;
    try {
      received = readSloMessage(message);
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      return {
        page: { kind: 'error', title: 'Logout message refused', message: error.detail, fix: error.fix },
        status: 400,
      };
    }
    return received.kind === 'response' ? this.logoutResponse(received) : this.logoutRequest(received);
  }

  private async logoutResponse(received: ReceivedSlo): Promise<Answer> {
    const pending = this.takePending(received.relayState);
    if (!pending) {
      return this.signedOut(
        null,
        'failed',
        {
          detail:
            'This LogoutResponse answers no sign-out in progress here (its RelayState is unknown or expired).',
          fix: 'Your session at the identity provider may still be open: sign out there, or close the browser.',
        },
        400,
      );
    }
    let idp: Idp;
    let outcome;
    try {
      idp = this.deps.sso.idp(pending.idpId);
      outcome = await this.saml.validateResponse(await this.logoutPeer(idp), received, pending.secret);
    } catch (error) {
      return this.signedOut(
        pending.idpName,
        'failed',
        {
          detail: error instanceof Error ? error.message : String(error),
          fix: 'An administrator should check this identity provider in Tessera.',
        },
        200,
        pending.resume,
      );
    }
    if (outcome.ok) {
      log.info(`${idp.name} ended its session (SAML Single Logout).`);
      return this.signedOut(idp.name, 'ended', undefined, 200, pending.resume);
    }
    const failed = outcome.checks.find((check) => check.status === 'fail')!;
    log.warn(`${idp.name}'s LogoutResponse was refused: ${failed.id}`);
    return this.signedOut(
      idp.name,
      'failed',
      { detail: failed.detail ?? '', fix: failed.fix ?? '' },
      400,
      pending.resume,
    );
  }

  /** SAML profiles §4.4.3.4: the IdP asks us to end the sessions of a principal. */
  private async logoutRequest(received: ReceivedSlo): Promise<Answer> {
    const refuse = (message: string, fix: string): Answer => ({
      page: { kind: 'error', title: 'Logout request refused', message, fix },
      status: 400,
    });
    const candidates = this.deps.sso
      .listIdps()
      .filter((idp) => idp.kind === 'saml' && idp.saml && idp.saml.entityId === received.issuer);
    if (candidates.length === 0)
      return refuse(
        received.issuer
          ? `No SAML identity provider in Tessera has the entity ID "${received.issuer}".`
          : 'The LogoutRequest does not say who sent it (no Issuer).',
        'Only an IdP configured in Tessera can end sessions here.',
      );
    let lastFailure: CheckFailure | null = null;
    for (const idp of candidates) {
      if (!idp.saml!.slo) {
        lastFailure = new CheckFailure(
          'destination',
          `${idp.name} has no single logout URL in Tessera, so Tessera cannot answer its LogoutRequest.`,
          'Upload metadata with a SingleLogoutService, or enter the single logout URL in the IdP’s settings.',
        );
        continue;
      }
      try {
        const peer = await this.logoutPeer(idp);
        const request = await this.saml.validateRequest(peer, received);
        const ended = this.deps.db
          .prepare(
            `DELETE FROM sessions WHERE token_hash IN (
               SELECT token_hash FROM session_saml
               WHERE idp_id = ? AND name_id = ? AND (? IS NULL OR session_index = ?))`,
          )
          .run(idp.id, request.nameId, request.sessionIndex, request.sessionIndex).changes;
        log.info(`${idp.name} asked for a logout (SAML Single Logout): ${ended} session(s) ended.`);
        return sendAnswer(await this.saml.response(peer, request.id, received.relayState));
      } catch (error) {
        if (!(error instanceof CheckFailure)) {
          log.warn(`Could not answer ${idp.name}'s LogoutRequest`, error);
          return refuse(
            error instanceof Error ? error.message : String(error),
            'An administrator should check this identity provider in Tessera.',
          );
        }
        lastFailure = error;
      }
    }
    log.warn(`A LogoutRequest was refused: ${lastFailure?.id ?? 'unknown'}`);
    return refuse(lastFailure?.detail ?? 'The LogoutRequest was refused.', lastFailure?.fix ?? '');
  }

  private async logoutPeer(idp: Idp): Promise<SamlLogoutPeer> {
    const peer = await this.deps.sso.samlPeer(idp.id);
    if (!idp.saml?.slo) throw new Error(`${idp.name} has no single logout URL.`);
    if (!peer.spPrivateKeyPem)
      throw new Error('Tessera has no SP key to sign the logout with; create the SP certificate first.');
    return {
      spEntityId: peer.spEntityId,
      sloUrl: this.deps.org.get().sp.sloUrl,
      idpEntityId: peer.idpEntityId,
      idpSlo: idp.saml.slo,
      certificates: peer.certificates,
      spPrivateKeyPem: peer.spPrivateKeyPem,
    };
  }
}
