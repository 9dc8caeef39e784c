/**
 * The OpenID Provider's signing keys and cookie key. Private keys live in the keychain (SecretRefs);
 * the database holds each key's id, public half and dates.
 *
 * Rotation with overlap: a new key signs from the moment it is made; the key it replaces stays in the
 * JWKS (so applications can still check the ID tokens it signed) until the last of them has expired,
 * then it is deleted from the JWKS and the keychain. The active key is replaced by itself after
 * ROTATE_AFTER_MS, or at once when an admin asks.
 */
import { randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { OpenIdProvider } from '../../../shared/admin/schemas';
import type { Db } from '../store/database';
import type { SecretRefs } from '../secrets/secret-refs';
import type { AuditLog } from '../org/audit';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { createLogger } from '../logger';

const log = createLogger('op-keys');

/** RS256: every OpenID Connect relying party must accept it (OIDC Core §15.1). */
export const SIGNING_ALG = 'RS256';
/** How long an ID token is valid; a replaced key is published this long after (and a margin). */
export const ID_TOKEN_TTL_S = 60 * 60;
export const KEY_OVERLAP_MS = (ID_TOKEN_TTL_S + 10 * 60) * 1000;
export const ROTATE_AFTER_MS = 90 * 24 * 60 * 60_000;

interface KeyRow {
  kid: string;
  alg: string;
  key_ref: string;
  public_jwk_json: string;
  created_at: number;
  retired_at: number | null;
  remove_at: number | null;
}

export class SigningKeys {
  constructor(
    private readonly db: Db,
    private readonly refs: SecretRefs,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  private rows(): KeyRow[] {
    return this.db
      .prepare('SELECT * FROM op_signing_keys ORDER BY retired_at IS NOT NULL, created_at DESC')
      .all() as KeyRow[];
  }

  /**
   * Makes the first key, replaces an active key that is due, and deletes replaced keys whose
   * tokens have all expired. True when the key set changed (the provider is then rebuilt).
   */
  async maintain(): Promise<boolean> {
    let changed = false;
    const now = this.now();
    // A key the keychain lost can sign nothing: it leaves the set (a new one is made below), so
    // the sign-in service still starts. Tokens it signed no longer verify — said in the log.
    for (const row of this.rows()) {
      if ((await this.refs.read(row.key_ref)) !== null) continue;
      log.warn(
        `The OpenID Provider's signing key ${row.kid} is missing from the system keychain; it is replaced.`,
      );
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM op_signing_keys WHERE kid = ?').run(row.kid);
        this.audit.record('op.signing-key.lost', row.kid, { kid: row.kid }, null);
      })();
      changed = true;
    }
    const active = this.rows().find((row) => row.retired_at === null);
    if (!active) {
      await this.add(null);
      changed = true;
    } else if (active.created_at + ROTATE_AFTER_MS <= now) {
      await this.add(active.kid);
      log.info(
        `The OpenID Provider's signing key ${active.kid} was ${ROTATE_AFTER_MS / 86_400_000} days old and was replaced.`,
      );
      changed = true;
    }
    const expired = this.rows().filter((row) => row.remove_at !== null && row.remove_at <= now);
    if (expired.length) {
      this.db.transaction(() => {
        for (const row of expired) {
          this.db.prepare('DELETE FROM op_signing_keys WHERE kid = ?').run(row.kid);
          this.refs.markRemoved(row.key_ref);
        }
      })();
      await this.refs.finishRemovalsOrRetryLater();
      changed = true;
    }
    return changed;
  }

  /** An admin's "rotate now". */
  async rotate(): Promise<void> {
    const active = this.rows().find((row) => row.retired_at === null);
    await this.add(active?.kid ?? null, true);
  }

  /** A new active key; the one it replaces (`retiring`) stays published for KEY_OVERLAP_MS. */
  private async add(retiring: string | null, byAdmin = false): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, {
      modulusLength: 2048,
      extractable: true,
    });
    const privateJwk = await exportJWK(privateKey);
    const publicJwk = await exportJWK(publicKey);
    // RFC 7638 thumbprint: stable, and says nothing about when or where the key was made.
    const kid = await calculateJwkThumbprint(publicJwk);
    const ref = this.refs.newRef('op-signing-key');
    const now = this.now();
    await this.refs.write(ref, JSON.stringify({ ...privateJwk, kid, alg: SIGNING_ALG, use: 'sig' }));
    try {
      this.db.transaction(() => {
        if (retiring) {
          this.db
            .prepare('UPDATE op_signing_keys SET retired_at = ?, remove_at = ? WHERE kid = ?')
            .run(now, now + KEY_OVERLAP_MS, retiring);
        }
        this.db
          .prepare(
            'INSERT INTO op_signing_keys (kid, alg, key_ref, public_jwk_json, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(
            kid,
            SIGNING_ALG,
            ref,
            JSON.stringify({ ...publicJwk, kid, alg: SIGNING_ALG, use: 'sig' }),
            now,
          );
        this.refs.commitAdded(ref);
        if (byAdmin) this.audit.record('op.signing-key.rotate', kid, { kid: retiring }, { kid });
      })();
    } catch (error) {
      await this.refs.discard(ref);
      throw error;
    }
  }

  /** The private keys oidc-provider signs with and publishes (public halves): active first. */
  async privateJwks(): Promise<JWK[]> {
    const keys: JWK[] = [];
    for (const row of this.rows()) {
      const value = await this.refs.read(row.key_ref);
      if (!value) {
        // A key the keychain lost cannot sign; failing closed beats publishing a key nobody holds.
        throw new AppError(
          ErrorCode.Internal,
          `The OpenID Provider's signing key ${row.kid} is missing from the system keychain.`,
          'op.signingKeyMissing',
        );
      }
      keys.push(JSON.parse(value) as JWK);
    }
    return keys;
  }

  describe(): OpenIdProvider['signingKeys'] {
    return this.rows().map((row) => ({
      kid: row.kid,
      alg: row.alg,
      createdAt: row.created_at,
      active: row.retired_at === null,
      removedAt: row.remove_at,
    }));
  }

  /** The key oidc-provider signs its cookies with (made once; the keychain holds it). */
  async cookieKey(): Promise<string> {
    const row = this.db.prepare('SELECT key_ref FROM op_cookie_key WHERE id = 1').get() as
      { key_ref: string } | undefined;
    if (row) {
      const value = await this.refs.read(row.key_ref);
      if (value) return value;
    }
    const key = randomBytes(32).toString('base64url');
    const ref = this.refs.newRef('op-cookie-key');
    await this.refs.write(ref, key);
    this.db.transaction(() => {
      if (row) this.refs.markRemoved(row.key_ref);
      this.db.prepare('INSERT OR REPLACE INTO op_cookie_key (id, key_ref) VALUES (1, ?)').run(ref);
      this.refs.commitAdded(ref);
    })();
    await this.refs.finishRemovalsOrRetryLater();
    return key;
  }
}
