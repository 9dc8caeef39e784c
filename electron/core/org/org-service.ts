/**
 * The organization: its name, its domains (verified through DNS, then claimed), the MFA policy
 * (M1–M4) and the applications registry. Every change is one transaction with its audit entry.
 */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type {
  Application,
  ApplicationScope,
  ClientType,
  Domain,
  MfaPolicy,
  Organization,
} from '../../../shared/admin/schemas';
import type { SecretRefs } from '../secrets/secret-refs';
import type { DirectorySettings } from '../../../shared/admin/directory';
import { DEFAULT_SIGNIN_PORT } from '../../../shared/admin/schemas';
import { spEndpoints } from '../../../shared/admin/rules';
import type { Db, Statement } from '../store/database';
import type { AuditLog } from './audit';
import { newVerificationToken, parseResolver, recordNameFor, verifyDomainTxt } from './dns-verification';

interface OrgRow {
  id: string;
  name: string;
  sso_enabled: number;
  dns_resolver: string | null;
  mfa_enabled: number;
  mfa_allow_per_user: number;
  mfa_mandatory_apps: number;
  mfa_mandatory_org: number;
  signin_port: number;
  directory_sync: number;
  block_profile_update: number;
  license_template_json: string;
}

interface DomainRow {
  name: string;
  token: string;
  verified_at: number | null;
  claimed: number;
}

interface ApplicationRow {
  id: string;
  name: string;
  key: string;
  require_mfa: number;
  client_type: ClientType;
  redirect_uris_json: string;
  post_logout_uris_json: string;
  scopes_json: string;
  first_party: number;
  secret_ref: string | null;
  secret_created_at: number | null;
}

/** What a save stores: the parsed input (ApplicationInputSchema's output). */
export interface ApplicationFields {
  name: string;
  key: string;
  requireMfa: boolean;
  clientType: ClientType;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: ApplicationScope[];
  firstParty: boolean;
}

const toDomain = (row: DomainRow): Domain => ({
  name: row.name,
  token: row.token,
  recordName: recordNameFor(row.name),
  verifiedAt: row.verified_at,
  claimed: row.claimed === 1,
});

const toApplication = (row: ApplicationRow): Application => ({
  id: row.id,
  name: row.name,
  key: row.key,
  requireMfa: row.require_mfa === 1,
  clientType: row.client_type,
  redirectUris: JSON.parse(row.redirect_uris_json) as string[],
  postLogoutRedirectUris: JSON.parse(row.post_logout_uris_json) as string[],
  scopes: JSON.parse(row.scopes_json) as ApplicationScope[],
  firstParty: row.first_party === 1,
  secretCreatedAt: row.client_type === 'confidential' ? row.secret_created_at : null,
});

export class OrgService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    /** The sign-in port a new organization starts with (tests run several at once). */
    signinPort: number = DEFAULT_SIGNIN_PORT,
    /** Where application client secrets live (absent only in tests without applications). */
    private readonly refs: SecretRefs | null = null,
  ) {
    // The organization exists from the first start; its id names the SP (S2).
    this.db
      .prepare(
        `INSERT OR IGNORE INTO org (singleton, id, name, sso_enabled, dns_resolver, mfa_enabled,
           mfa_allow_per_user, mfa_mandatory_apps, mfa_mandatory_org, signin_port)
         VALUES (1, ?, 'My organization', 1, NULL, 0, 0, 0, 0, ?)`,
      )
      .run(randomUUID(), signinPort);
  }

  private rowStatement: Statement | null = null;

  private row(): OrgRow {
    this.rowStatement ??= this.db.prepare('SELECT * FROM org WHERE singleton = 1');
    return this.rowStatement.get() as OrgRow;
  }

  get(): Organization {
    const row = this.row();
    const domains = this.db.prepare('SELECT * FROM domains ORDER BY name').all() as DomainRow[];
    return {
      id: row.id,
      name: row.name,
      ssoEnabled: row.sso_enabled === 1,
      dnsResolver: row.dns_resolver,
      signinPort: row.signin_port,
      sp: spEndpoints(row.id, row.signin_port),
      domains: domains.map(toDomain),
    };
  }

  get id(): string {
    return this.row().id;
  }

  update(change: { name: string; dnsResolver: string | null; signinPort: number }): Organization {
    if (change.dnsResolver !== null) parseResolver(change.dnsResolver);
    const before = this.get();
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE org SET name = ?, dns_resolver = ?, signin_port = ? WHERE singleton = 1')
        .run(change.name, change.dnsResolver, change.signinPort);
      this.audit.record(
        'org.update',
        change.name,
        { name: before.name, dnsResolver: before.dnsResolver, signinPort: before.signinPort },
        change,
      );
    })();
    return this.get();
  }

  // ── Directory (J0, J2) ──────────────────────────────────────────────────────────────────────

  directorySettings(): DirectorySettings {
    const row = this.row();
    return {
      directorySync: row.directory_sync === 1,
      blockProfileUpdate: row.block_profile_update === 1,
      licenseTemplate: JSON.parse(row.license_template_json) as string[],
    };
  }

  setDirectorySettings(settings: DirectorySettings): DirectorySettings {
    const before = this.directorySettings();
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE org SET directory_sync = ?, block_profile_update = ?, license_template_json = ? WHERE singleton = 1',
        )
        .run(
          Number(settings.directorySync),
          Number(settings.blockProfileUpdate),
          JSON.stringify(settings.licenseTemplate),
        );
      this.audit.record('directory.settings', 'directory', before, settings);
    })();
    return this.directorySettings();
  }

  /** J0: JIT runs only for users of a claimed (so verified) domain. */
  private claimedStatement: Statement | null = null;

  isClaimed(domain: string): boolean {
    this.claimedStatement ??= this.db.prepare('SELECT 1 FROM domains WHERE name = ? AND claimed = 1');
    return this.claimedStatement.get(domain) !== undefined;
  }

  // ── Domains ──────────────────────────────────────────────────────────────────────────────────

  private domainRow(name: string): DomainRow {
    const row = this.db.prepare('SELECT * FROM domains WHERE name = ?').get(name) as DomainRow | undefined;
    if (!row)
      throw new AppError(ErrorCode.NotFound, `The domain ${name} is not in the list.`, 'domain.notFound', {
        domain: name,
      });
    return row;
  }

  addDomain(name: string): Domain {
    if (this.db.prepare('SELECT 1 FROM domains WHERE name = ?').get(name)) {
      throw new AppError(ErrorCode.InvalidInput, `${name} is already in the list.`, 'domain.duplicate', {
        domain: name,
      });
    }
    const token = newVerificationToken();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO domains (name, token, verified_at, claimed, created_at) VALUES (?, ?, NULL, 0, ?)',
        )
        .run(name, token, this.now());
      this.audit.record('domain.add', name, null, { name });
    })();
    return toDomain(this.domainRow(name));
  }

  /** Looks the TXT record up through the configured resolver; throws (changing nothing) when absent. */
  async verifyDomain(name: string): Promise<Domain> {
    const row = this.domainRow(name);
    await verifyDomainTxt(name, row.token, this.row().dns_resolver);
    this.db.transaction(() => {
      this.db.prepare('UPDATE domains SET verified_at = ? WHERE name = ?').run(this.now(), name);
      this.audit.record('domain.verify', name, { verified: row.verified_at !== null }, { verified: true });
    })();
    return toDomain(this.domainRow(name));
  }

  setDomainClaimed(name: string, claimed: boolean): Domain {
    const row = this.domainRow(name);
    if (claimed && row.verified_at === null) {
      throw new AppError(
        ErrorCode.InvalidInput,
        `Verify ${name} before claiming it: add the TXT record shown, then choose Verify.`,
        'domain.notVerified',
        { domain: name },
      );
    }
    this.db.transaction(() => {
      this.db.prepare('UPDATE domains SET claimed = ? WHERE name = ?').run(claimed ? 1 : 0, name);
      this.audit.record('domain.claim', name, { claimed: row.claimed === 1 }, { claimed });
    })();
    return toDomain(this.domainRow(name));
  }

  deleteDomain(name: string): void {
    const row = this.domainRow(name);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM domains WHERE name = ?').run(name);
      this.audit.record('domain.delete', name, toDomain(row), null);
    })();
  }

  // ── MFA policy and applications ──────────────────────────────────────────────────────────────

  mfaPolicy(): MfaPolicy {
    const row = this.row();
    return {
      enabled: row.mfa_enabled === 1,
      allowPerUser: row.mfa_allow_per_user === 1,
      mandatoryForApplications: row.mfa_mandatory_apps === 1,
      mandatoryForOrganization: row.mfa_mandatory_org === 1,
    };
  }

  setMfaPolicy(policy: MfaPolicy): MfaPolicy {
    const before = this.mfaPolicy();
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE org SET mfa_enabled = ?, mfa_allow_per_user = ?, mfa_mandatory_apps = ?,
             mfa_mandatory_org = ? WHERE singleton = 1`,
        )
        .run(
          policy.enabled ? 1 : 0,
          policy.allowPerUser ? 1 : 0,
          policy.mandatoryForApplications ? 1 : 0,
          policy.mandatoryForOrganization ? 1 : 0,
        );
      this.audit.record('mfa.policy', 'MFA policy', before, policy);
    })();
    return this.mfaPolicy();
  }

  applications(): Application[] {
    return (
      this.db.prepare('SELECT * FROM applications ORDER BY name COLLATE NOCASE').all() as ApplicationRow[]
    ).map(toApplication);
  }

  applicationByKey(key: string): Application | null {
    const row = this.db.prepare('SELECT * FROM applications WHERE key = ?').get(key) as
      ApplicationRow | undefined;
    return row ? toApplication(row) : null;
  }

  /**
   * Saves an application in one transaction with its audit entry. `newSecretRef` is a client secret
   * already written to the keychain (SecretRefs.write) that this save switches to; a public client
   * keeps none, so its old secret is marked for removal here and deleted by finishRemovals.
   */
  saveApplication(
    id: string | null,
    input: ApplicationFields,
    newSecretRef: string | null = null,
  ): Application {
    const clash = this.db.prepare('SELECT id FROM applications WHERE key = ?').get(input.key) as
      { id: string } | undefined;
    if (clash && clash.id !== id) {
      throw new AppError(
        ErrorCode.InvalidInput,
        `Another application already uses the id "${input.key}".`,
        'application.duplicateKey',
        { key: input.key },
      );
    }
    const before = id ? this.application(id) : null;
    const oldRef = id ? this.applicationSecretRef(id) : null;
    const keepRef = input.clientType === 'confidential' && newSecretRef === null ? oldRef : newSecretRef;
    const appId = id ?? randomUUID();
    this.db.transaction(() => {
      const existing = id
        ? (this.db.prepare('SELECT secret_created_at FROM applications WHERE id = ?').get(id) as
            { secret_created_at: number | null } | undefined)
        : undefined;
      const secretCreatedAt = newSecretRef
        ? this.now()
        : keepRef
          ? (existing?.secret_created_at ?? null)
          : null;
      this.db
        .prepare(
          `INSERT INTO applications (id, name, key, require_mfa, client_type, redirect_uris_json,
             post_logout_uris_json, scopes_json, first_party, secret_ref, secret_created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, key = excluded.key,
             require_mfa = excluded.require_mfa, client_type = excluded.client_type,
             redirect_uris_json = excluded.redirect_uris_json,
             post_logout_uris_json = excluded.post_logout_uris_json, scopes_json = excluded.scopes_json,
             first_party = excluded.first_party, secret_ref = excluded.secret_ref,
             secret_created_at = excluded.secret_created_at`,
        )
        .run(
          appId,
          input.name,
          input.key,
          input.requireMfa ? 1 : 0,
          input.clientType,
          JSON.stringify(input.redirectUris),
          JSON.stringify(input.postLogoutRedirectUris),
          JSON.stringify(input.scopes),
          input.firstParty ? 1 : 0,
          keepRef,
          secretCreatedAt,
        );
      if (newSecretRef) this.refs?.commitAdded(newSecretRef);
      if (oldRef && oldRef !== keepRef) this.refs?.markRemoved(oldRef);
      this.audit.record(
        id ? 'application.update' : 'application.add',
        input.name,
        before,
        newSecretRef ? { ...input, clientSecret: 'new' } : input,
      );
    })();
    return this.application(appId);
  }

  /** The keychain reference of a confidential application's secret (main process only). */
  applicationSecretRef(id: string): string | null {
    const row = this.db.prepare('SELECT secret_ref FROM applications WHERE id = ?').get(id) as
      { secret_ref: string | null } | undefined;
    return row?.secret_ref ?? null;
  }

  private application(id: string): Application {
    const row = this.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as
      ApplicationRow | undefined;
    if (!row)
      throw new AppError(ErrorCode.NotFound, 'That application no longer exists.', 'application.notFound');
    return toApplication(row);
  }

  deleteApplication(id: string): void {
    const before = this.application(id);
    const ref = this.applicationSecretRef(id);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM applications WHERE id = ?').run(id);
      if (ref) this.refs?.markRemoved(ref);
      this.audit.record('application.delete', before.name, before, null);
    })();
  }
}
