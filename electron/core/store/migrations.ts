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
];
