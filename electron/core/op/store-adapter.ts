/**
 * oidc-provider's storage (its Adapter interface) on Tessera's SQLite database, so sessions, grants
 * and refresh tokens outlive a restart.
 *
 * Every record is stored under a SHA-256 of its id, and the id (`jti`) is left out of the stored
 * payload: for codes and tokens the id *is* the bearer value, so the database never holds a code
 * or token anyone could use. `find` puts the id back, since the caller handed it in.
 *
 * Clients are not stored here: the model "Client" reads the applications registry (clientMetadata).
 */
import { createHash } from 'node:crypto';
import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';
import type { Db } from '../store/database';

const idHash = (id: string) => createHash('sha256').update(id).digest('hex');

interface Row {
  payload_json: string;
  expires_at: number | null;
  consumed_at: number | null;
}

export function storeAdapter(
  db: Db,
  now: () => number,
  clientMetadata: (clientId: string) => Promise<ClientMetadata | undefined>,
): new (model: string) => Adapter {
  return class SqliteAdapter implements Adapter {
    constructor(private readonly model: string) {}

    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.model === 'Client') return Promise.reject(new Error('Clients are the applications registry.'));
      const stored: AdapterPayload = { ...payload };
      delete stored.jti;
      // An interaction keeps its session's id (the session cookie's value) for nothing it reads.
      if (stored.session && typeof stored.session === 'object') {
        const session: Record<string, unknown> = { ...stored.session };
        delete session.cookie;
        stored.session = session as AdapterPayload['session'];
      }
      db.prepare(
        `INSERT INTO op_store (model, id_hash, payload_json, grant_id, uid, expires_at, consumed_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (model, id_hash) DO UPDATE SET payload_json = excluded.payload_json,
           grant_id = excluded.grant_id, uid = excluded.uid, expires_at = excluded.expires_at`,
      ).run(
        this.model,
        idHash(id),
        JSON.stringify(stored),
        payload.grantId ?? null,
        payload.uid ?? null,
        expiresIn ? now() + expiresIn * 1000 : null,
      );
      return Promise.resolve();
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return clientMetadata(id) as Promise<AdapterPayload | undefined>;
      const row = db
        .prepare('SELECT payload_json, expires_at, consumed_at FROM op_store WHERE model = ? AND id_hash = ?')
        .get(this.model, idHash(id)) as Row | undefined;
      return this.payloadOf(row, { jti: id });
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const row = db
        .prepare(
          'SELECT id_hash, payload_json, expires_at, consumed_at FROM op_store WHERE model = ? AND uid = ?',
        )
        .get(this.model, uid) as (Row & { id_hash: string }) | undefined;
      // The session's id is not recoverable from its hash; oidc-provider looks sessions up by uid
      // only to end them (logout), where it needs the record, not the cookie value.
      return Promise.resolve(this.payloadOf(row, {}));
    }

    findByUserCode(): Promise<AdapterPayload | undefined> {
      // The device flow is not enabled.
      return Promise.resolve(undefined);
    }

    consume(id: string): Promise<void> {
      db.prepare('UPDATE op_store SET consumed_at = ? WHERE model = ? AND id_hash = ?').run(
        Math.floor(now() / 1000),
        this.model,
        idHash(id),
      );
      return Promise.resolve();
    }

    destroy(id: string): Promise<void> {
      db.prepare('DELETE FROM op_store WHERE model = ? AND id_hash = ?').run(this.model, idHash(id));
      return Promise.resolve();
    }

    revokeByGrantId(grantId: string): Promise<void> {
      // Every model's records of the grant: revoking (code reuse, logout) ends all its tokens.
      db.prepare('DELETE FROM op_store WHERE grant_id = ?').run(grantId);
      return Promise.resolve();
    }

    private payloadOf(row: Row | undefined, extra: { jti?: string }): AdapterPayload | undefined {
      if (!row) return undefined;
      if (row.expires_at !== null && row.expires_at <= now()) return undefined;
      const payload = JSON.parse(row.payload_json) as AdapterPayload;
      return {
        ...payload,
        ...extra,
        ...(row.consumed_at !== null ? { consumed: row.consumed_at } : {}),
      };
    }
  };
}

/** Expired records are of no use; removed on each start and now and then. */
export function pruneStore(db: Db, now: number): void {
  db.prepare('DELETE FROM op_store WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now);
}

/**
 * Ends everything oidc-provider issued to a client id (an application deleted, or its client id
 * changed): a later application registered under the same id must not inherit its tokens.
 */
export function forgetClient(db: Db, clientId: string): void {
  // Grants, tokens and codes name their client in the payload.
  db.prepare("DELETE FROM op_store WHERE json_extract(payload_json, '$.clientId') = ?").run(clientId);
}
