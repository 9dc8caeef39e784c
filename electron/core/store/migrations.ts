/**
 * Versioned schema migrations, applied in order, each in its own transaction; PRAGMA user_version
 * records the last one applied. Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: authenticator accounts. The secret is in the keychain under totp:<vaultId>:<id>.
  `CREATE TABLE totp_accounts (
     id           TEXT PRIMARY KEY,
     issuer       TEXT NOT NULL,
     account_name TEXT NOT NULL,
     type         TEXT NOT NULL CHECK (type IN ('totp', 'hotp')),
     algorithm    TEXT NOT NULL CHECK (algorithm IN ('sha1', 'sha256', 'sha512')),
     digits       INTEGER NOT NULL CHECK (digits BETWEEN 6 AND 8),
     period       INTEGER NOT NULL CHECK (period > 0),
     counter      INTEGER CHECK (counter IS NULL OR counter >= 0),
     position     INTEGER NOT NULL,
     created_at   INTEGER NOT NULL
   ) STRICT;`,
  // 2: what is about to be written to or removed from the keychain. A row here outlives a crash
  // between the two stores and tells recovery exactly which keychain item to remove, so recovery
  // never has to guess (and never deletes a secret it cannot account for).
  `CREATE TABLE pending_secrets (
     id         TEXT PRIMARY KEY,
     operation  TEXT NOT NULL CHECK (operation IN ('add', 'delete')),
     created_at INTEGER NOT NULL
   ) STRICT;`,
];
