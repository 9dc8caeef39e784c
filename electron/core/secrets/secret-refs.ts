/**
 * Keychain items the admin console owns (OIDC client secrets, SP private keys), each under a fresh
 * account name (`<kind>:<vaultId>:<uuid>`) that a database row references. A changed secret gets a
 * new name, so the old row keeps pointing at the old value until the transaction that switches it
 * commits: no change is ever half-saved.
 *
 * Order (ARCHITECTURE §3): record the intent in `pending_admin_secrets`, write the keychain, then in
 * one transaction switch the row and clear the intent (`commitAdded`, `markRemoved`), then remove the
 * old items (`finishRemovals`). `recover()` finishes whatever a crash interrupted.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { createLogger } from '../logger';
import type { SecretStore } from './secret-store';

const log = createLogger('secret-refs');

export type SecretKind =
  | 'oidc-secret'
  | 'oidc-key'
  | 'sp-key'
  | 'mfa-secret'
  | 'smtp-password'
  | 'op-client-secret'
  | 'op-signing-key'
  | 'op-cookie-key';

export class SecretRefs {
  constructor(
    private readonly db: Db,
    private readonly store: SecretStore,
    private readonly vaultId: string,
    private readonly now: () => number,
  ) {}

  newRef(kind: SecretKind): string {
    return `${kind}:${this.vaultId}:${randomUUID()}`;
  }

  /** Records the intent, then writes the keychain. The caller must then commit or `discard`. */
  async write(ref: string, value: string): Promise<void> {
    this.db
      .prepare("INSERT INTO pending_admin_secrets (account, operation, created_at) VALUES (?, 'add', ?)")
      .run(ref, this.now());
    try {
      await this.store.set(ref, value);
    } catch (error) {
      this.db.prepare('DELETE FROM pending_admin_secrets WHERE account = ?').run(ref);
      throw error;
    }
  }

  /** Inside the transaction that stores the row referencing `ref`. */
  commitAdded(ref: string): void {
    this.db.prepare('DELETE FROM pending_admin_secrets WHERE account = ?').run(ref);
  }

  /** The row write failed: take the new item out again. */
  async discard(ref: string): Promise<void> {
    await this.store.delete(ref).catch(() => false);
    this.db.prepare('DELETE FROM pending_admin_secrets WHERE account = ?').run(ref);
  }

  /** Inside the transaction that drops the last reference to `ref`. */
  markRemoved(ref: string): void {
    this.db
      .prepare(
        "INSERT OR REPLACE INTO pending_admin_secrets (account, operation, created_at) VALUES (?, 'delete', ?)",
      )
      .run(ref, this.now());
  }

  async finishRemovals(): Promise<void> {
    const rows = this.db
      .prepare("SELECT account FROM pending_admin_secrets WHERE operation = 'delete'")
      .all() as { account: string }[];
    for (const { account } of rows) {
      await this.store.delete(account);
      this.db.prepare('DELETE FROM pending_admin_secrets WHERE account = ?').run(account);
    }
  }

  /**
   * finishRemovals after a change has committed: a keychain that refuses a removal now must not
   * turn the committed change into an error; what is left is retried at the next start (recover).
   */
  async finishRemovalsOrRetryLater(): Promise<void> {
    try {
      await this.finishRemovals();
    } catch (error) {
      log.warn(
        `An old keychain item could not be removed yet; it is retried at the next start (${String(error)}).`,
      );
    }
  }

  read(ref: string): Promise<string | null> {
    return this.store.get(ref);
  }

  /** After a crash: an added item nothing references is removed; pending removals are finished. */
  async recover(isReferenced: (ref: string) => boolean): Promise<void> {
    const rows = this.db.prepare('SELECT account, operation FROM pending_admin_secrets').all() as {
      account: string;
      operation: 'add' | 'delete';
    }[];
    for (const { account, operation } of rows) {
      if (operation === 'delete' || !isReferenced(account)) await this.store.delete(account);
      this.db.prepare('DELETE FROM pending_admin_secrets WHERE account = ?').run(account);
      log.info('Finished a keychain change that was interrupted.');
    }
  }
}
