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
  // 3: the admin console. Secrets (OIDC client secrets, SP private keys) are in the keychain; rows
  // hold the keychain account name (`*_ref`), and `pending_admin_secrets` records a keychain write
  // or removal before it happens so recovery knows exactly what to finish.
  `CREATE TABLE org (
     singleton          INTEGER PRIMARY KEY CHECK (singleton = 1),
     id                 TEXT NOT NULL,
     name               TEXT NOT NULL,
     sso_enabled        INTEGER NOT NULL CHECK (sso_enabled IN (0, 1)),
     dns_resolver       TEXT,
     mfa_enabled        INTEGER NOT NULL CHECK (mfa_enabled IN (0, 1)),
     mfa_allow_per_user INTEGER NOT NULL CHECK (mfa_allow_per_user IN (0, 1)),
     mfa_mandatory_apps INTEGER NOT NULL CHECK (mfa_mandatory_apps IN (0, 1)),
     mfa_mandatory_org  INTEGER NOT NULL CHECK (mfa_mandatory_org IN (0, 1)),
     signin_port        INTEGER NOT NULL CHECK (signin_port BETWEEN 1024 AND 65535)
   ) STRICT;
   CREATE TABLE domains (
     name        TEXT PRIMARY KEY,
     token       TEXT NOT NULL,
     verified_at INTEGER,
     claimed     INTEGER NOT NULL CHECK (claimed IN (0, 1)),
     created_at  INTEGER NOT NULL,
     CHECK (claimed = 0 OR verified_at IS NOT NULL)
   ) STRICT;
   CREATE TABLE sp_certificates (
     id              TEXT PRIMARY KEY,
     kind            TEXT NOT NULL CHECK (kind IN ('self-signed', 'ca-signed')),
     certificate_pem TEXT NOT NULL,
     chain_json      TEXT NOT NULL,
     key_ref         TEXT NOT NULL UNIQUE,
     created_at      INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE idps (
     id            TEXT PRIMARY KEY,
     name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
     kind          TEXT NOT NULL CHECK (kind IN ('saml', 'oidc', 'builtin')),
     activated     INTEGER NOT NULL CHECK (activated IN (0, 1)),
     settings_json TEXT NOT NULL,
     secret_ref    TEXT UNIQUE,
     metadata_xml  TEXT,
     created_at    INTEGER NOT NULL,
     updated_at    INTEGER NOT NULL
   ) STRICT;
   CREATE UNIQUE INDEX idps_one_builtin ON idps (kind) WHERE kind = 'builtin';
   CREATE TABLE routing_rules (
     id           TEXT PRIMARY KEY,
     name         TEXT NOT NULL,
     type         TEXT NOT NULL CHECK (type IN ('default', 'domain', 'group')),
     idp_id       TEXT NOT NULL REFERENCES idps (id) ON DELETE RESTRICT,
     mfa          TEXT NOT NULL CHECK (mfa IN ('keep', 'override', 'enable')),
     mfa_required INTEGER NOT NULL CHECK (mfa_required IN (0, 1)),
     active       INTEGER NOT NULL CHECK (active IN (0, 1)),
     priority     INTEGER NOT NULL,
     CHECK (type != 'default' OR active = 1)
   ) STRICT;
   CREATE UNIQUE INDEX routing_one_default ON routing_rules (type) WHERE type = 'default';
   CREATE TABLE rule_values (
     rule_id TEXT NOT NULL REFERENCES routing_rules (id) ON DELETE CASCADE,
     type    TEXT NOT NULL CHECK (type IN ('domain', 'group')),
     value   TEXT NOT NULL,
     PRIMARY KEY (rule_id, value)
   ) STRICT;
   -- A domain routes to one place: two rules naming it would make the order decide silently.
   CREATE UNIQUE INDEX rule_values_domain_once ON rule_values (value) WHERE type = 'domain';
   CREATE TABLE applications (
     id          TEXT PRIMARY KEY,
     name        TEXT NOT NULL,
     key         TEXT NOT NULL UNIQUE,
     require_mfa INTEGER NOT NULL CHECK (require_mfa IN (0, 1))
   ) STRICT;
   CREATE TABLE local_users (
     id            TEXT PRIMARY KEY,
     email         TEXT NOT NULL UNIQUE,
     display_name  TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     created_at    INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE audit_log (
     id          INTEGER PRIMARY KEY AUTOINCREMENT,
     at          INTEGER NOT NULL,
     action      TEXT NOT NULL,
     target      TEXT NOT NULL,
     before_json TEXT,
     after_json  TEXT
   ) STRICT;
   CREATE INDEX audit_log_at ON audit_log (at);
   CREATE TABLE pending_admin_secrets (
     account    TEXT PRIMARY KEY,
     operation  TEXT NOT NULL CHECK (operation IN ('add', 'delete')),
     created_at INTEGER NOT NULL
   ) STRICT;`,
  // 4: the live sign-in. The directory JIT provisions into (users, their linking attributes and
  // groups), MFA enrollments (the TOTP secret is in the keychain under `secret_ref`), sign-in
  // sessions (only a hash of the cookie), failure counters for throttling, and Test SSO runs.
  `ALTER TABLE org ADD COLUMN directory_sync INTEGER NOT NULL DEFAULT 0 CHECK (directory_sync IN (0, 1));
   ALTER TABLE org ADD COLUMN block_profile_update INTEGER NOT NULL DEFAULT 0 CHECK (block_profile_update IN (0, 1));
   ALTER TABLE org ADD COLUMN license_template_json TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE idps ADD COLUMN jit_json TEXT;
   CREATE TABLE users (
     id               TEXT PRIMARY KEY,
     email            TEXT NOT NULL UNIQUE COLLATE NOCASE,
     active           INTEGER NOT NULL CHECK (active IN (0, 1)),
     profile_json     TEXT NOT NULL,
     licenses_json    TEXT NOT NULL,
     mfa_opted_in     INTEGER NOT NULL DEFAULT 0 CHECK (mfa_opted_in IN (0, 1)),
     created_by       TEXT NOT NULL,
     created_at       INTEGER NOT NULL,
     updated_at       INTEGER NOT NULL,
     last_sign_in_at  INTEGER
   ) STRICT;
   -- J5: a linking value names one user per attribute, as one IdP sent it: an IdP vouches only
   -- for its own identifiers, so another IdP sending the same value links to nobody.
   CREATE TABLE user_links (
     idp_id    TEXT NOT NULL REFERENCES idps (id) ON DELETE CASCADE,
     attribute TEXT NOT NULL,
     value     TEXT NOT NULL,
     user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     PRIMARY KEY (idp_id, attribute, value)
   ) STRICT;
   CREATE INDEX user_links_user ON user_links (user_id);
   CREATE TABLE user_groups (
     user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     name     TEXT NOT NULL COLLATE NOCASE,
     added_at INTEGER NOT NULL,
     PRIMARY KEY (user_id, name)
   ) STRICT;
   CREATE TABLE mfa_enrollments (
     user_id      TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
     secret_ref   TEXT NOT NULL UNIQUE,
     confirmed_at INTEGER,
     last_step    INTEGER,
     created_at   INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE sign_in_failures (
     key             TEXT PRIMARY KEY,
     failures        INTEGER NOT NULL,
     locked_until    INTEGER NOT NULL,
     last_failure_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE sessions (
     token_hash  TEXT PRIMARY KEY,
     user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     idp_id      TEXT NOT NULL,
     mfa_done    INTEGER NOT NULL CHECK (mfa_done IN (0, 1)),
     created_at  INTEGER NOT NULL,
     expires_at  INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE sso_tests (
     id          TEXT PRIMARY KEY,
     idp_id      TEXT NOT NULL REFERENCES idps (id) ON DELETE CASCADE,
     started_at  INTEGER NOT NULL,
     result_json TEXT
   ) STRICT;`,
  // 5: the person's settings (no secrets), one JSON value per key.
  `CREATE TABLE app_settings (
     key        TEXT PRIMARY KEY,
     value_json TEXT NOT NULL
   ) STRICT;`,
  // 6: what SAML Single Logout names for a session (the assertion's NameID and SessionIndex), so
  // a sign-out, or the IdP's own LogoutRequest, still finds it after a restart. Not a secret; the
  // OIDC ID token (a token) is never written here, it stays in memory (broker/oidc-logout.ts).
  `CREATE TABLE session_saml (
     token_hash        TEXT PRIMARY KEY REFERENCES sessions (token_hash) ON DELETE CASCADE,
     idp_id            TEXT NOT NULL,
     name_id           TEXT NOT NULL,
     name_id_format    TEXT,
     name_qualifier    TEXT,
     sp_name_qualifier TEXT,
     session_index     TEXT
   ) STRICT;
   CREATE INDEX session_saml_by_name ON session_saml (idp_id, name_id);`,
  // 7: SP certificate rollover (C2). A certificate is the one requests are signed with (active),
  // the one being introduced (next) or the one being retired (previous); at most one of each.
  // `sp_rollover` holds the renewal in progress: its mode and, for IdPs that take one certificate
  // only, when the switch happens (it happens then even if Tessera was closed: checked at start).
  `ALTER TABLE sp_certificates ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
     CHECK (status IN ('active', 'next', 'previous'));
   CREATE UNIQUE INDEX sp_certificates_one_per_status ON sp_certificates (status);
   CREATE TABLE sp_rollover (
     singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
     mode        TEXT NOT NULL CHECK (mode IN ('multiple', 'single')),
     switch_at   INTEGER,
     started_at  INTEGER NOT NULL,
     switched_at INTEGER,
     CHECK (mode = 'multiple' OR switch_at IS NOT NULL)
   ) STRICT;`,
  // 8: certificate expiry alerts (C4, C5) and the mail they go out by; welcome emails (C6). The
  // SMTP password is in the keychain under `password_ref`. An alert is raised once per rule,
  // certificate (fingerprint) and threshold — the UNIQUE key is what makes "each once" survive
  // restarts; each of its channels is a delivery row, retried until delivered or cancelled.
  `CREATE TABLE mail_settings (
     singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
     host         TEXT NOT NULL,
     port         INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
     tls          TEXT NOT NULL CHECK (tls IN ('implicit', 'starttls', 'none')),
     username     TEXT NOT NULL,
     password_ref TEXT UNIQUE,
     from_address TEXT NOT NULL,
     updated_at   INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE new_user_email (
     singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
     suppressed       INTEGER NOT NULL CHECK (suppressed IN (0, 1)),
     default_language TEXT NOT NULL CHECK (default_language IN ('en', 'sv', 'fi', 'pl'))
   ) STRICT;
   INSERT INTO new_user_email (singleton, suppressed, default_language) VALUES (1, 0, 'en');
   CREATE TABLE alert_rules (
     rule            TEXT PRIMARY KEY CHECK (rule IN ('idp-certificate-expiry', 'sp-certificate-expiry')),
     enabled         INTEGER NOT NULL CHECK (enabled IN (0, 1)),
     email           INTEGER NOT NULL CHECK (email IN (0, 1)),
     notification    INTEGER NOT NULL CHECK (notification IN (0, 1)),
     recipients_json TEXT NOT NULL
   ) STRICT;
   INSERT INTO alert_rules VALUES ('idp-certificate-expiry', 1, 0, 1, '[]'), ('sp-certificate-expiry', 1, 0, 1, '[]');
   CREATE TABLE alerts (
     id               TEXT PRIMARY KEY,
     rule             TEXT NOT NULL,
     fingerprint      TEXT NOT NULL,
     threshold        INTEGER NOT NULL,
     certificate_json TEXT NOT NULL,
     days_left        INTEGER NOT NULL,
     created_at       INTEGER NOT NULL,
     acknowledged_at  INTEGER,
     UNIQUE (rule, fingerprint, threshold)
   ) STRICT;
   CREATE INDEX alerts_created ON alerts (created_at);
   CREATE TABLE alert_deliveries (
     alert_id        TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
     channel         TEXT NOT NULL CHECK (channel IN ('email', 'notification')),
     recipients_json TEXT NOT NULL,
     status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
     attempts        INTEGER NOT NULL,
     last_error      TEXT,
     next_attempt_at INTEGER,
     delivered_at    INTEGER,
     PRIMARY KEY (alert_id, channel)
   ) STRICT;
   CREATE TABLE welcome_mails (
     user_id         TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
     email           TEXT NOT NULL,
     language        TEXT NOT NULL,
     status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
     attempts        INTEGER NOT NULL,
     last_error      TEXT,
     next_attempt_at INTEGER,
     created_at      INTEGER NOT NULL,
     delivered_at    INTEGER
   ) STRICT;`,
  // 9: Tessera as an OpenID Provider for the registered applications (issue #12). The provider's
  // own records (sessions, grants, codes, tokens) are stored under a hash of their id, so the
  // database holds no usable code or token; keys live in the keychain (key_ref).
  `ALTER TABLE applications ADD COLUMN client_type TEXT NOT NULL DEFAULT 'confidential'
     CHECK (client_type IN ('confidential', 'public'));
   ALTER TABLE applications ADD COLUMN redirect_uris_json TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE applications ADD COLUMN post_logout_uris_json TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE applications ADD COLUMN scopes_json TEXT NOT NULL DEFAULT '["profile","email"]';
   ALTER TABLE applications ADD COLUMN first_party INTEGER NOT NULL DEFAULT 1 CHECK (first_party IN (0, 1));
   ALTER TABLE applications ADD COLUMN secret_ref TEXT;
   ALTER TABLE applications ADD COLUMN secret_created_at INTEGER;
   ALTER TABLE sessions ADD COLUMN amr_json TEXT NOT NULL DEFAULT '[]';
   CREATE TABLE op_signing_keys (
     kid             TEXT PRIMARY KEY,
     alg             TEXT NOT NULL,
     key_ref         TEXT NOT NULL,
     public_jwk_json TEXT NOT NULL,
     created_at      INTEGER NOT NULL,
     retired_at      INTEGER,
     remove_at       INTEGER
   ) STRICT;
   CREATE TABLE op_cookie_key (
     id      INTEGER PRIMARY KEY CHECK (id = 1),
     key_ref TEXT NOT NULL
   ) STRICT;
   CREATE TABLE op_store (
     model        TEXT NOT NULL,
     id_hash      TEXT NOT NULL,
     payload_json TEXT NOT NULL,
     grant_id     TEXT,
     uid          TEXT,
     expires_at   INTEGER,
     consumed_at  INTEGER,
     PRIMARY KEY (model, id_hash)
   ) STRICT;
   CREATE INDEX op_store_grant ON op_store (grant_id) WHERE grant_id IS NOT NULL;
   CREATE INDEX op_store_uid ON op_store (model, uid) WHERE uid IS NOT NULL;
   CREATE INDEX op_store_expires ON op_store (expires_at);`,
];
