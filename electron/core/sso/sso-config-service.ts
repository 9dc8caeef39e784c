/**
 * The SSO configuration: identity providers (SAML, OIDC, built-in), the SP certificate, routing
 * rules and the built-in identity's local users — one service, because they constrain each other
 * (the first IdP gets the default rule, I3; an IdP cannot be deleted from under its rules, I4).
 *
 * Every change is validated in full before anything is written, then written in one transaction
 * together with its audit entry. Secrets go to the keychain first under a fresh name (SecretRefs),
 * so a failed change leaves the old configuration and the old secret exactly as they were.
 */
import { Mutex } from 'async-mutex';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import {
  ADMIN_LIMITS,
  IdpCertificateSchema,
  OidcSettingsSchema,
  SamlSettingsSchema,
  type Idp,
  type IdpKind,
  type LocalUser,
  type OidcEndpoints,
  type OidcIdpInput,
  type OidcSettings,
  type RoutingRule,
  type RuleInput,
  type SamlSettings,
  type Simulation,
  type SpCertificate,
  type TokenAuthMethod,
} from '../../../shared/admin/schemas';
import { idpsLeftWithoutActiveRule } from '../../../shared/admin/rules';
import type { Db } from '../store/database';
import type { SecretRefs } from '../secrets/secret-refs';
import type { AuditLog } from '../org/audit';
import type { OrgService } from '../org/org-service';
import { RoutingTable, type RouteMatch, type RoutingIdp } from '../routing/engine';
import { DEFAULT_JIT, JitSettingsSchema, type JitSettings } from '../../../shared/admin/directory';
import type { SamlPeer } from '../broker/saml-sp';
import type { OidcPeer } from '../broker/oidc-rp';
import { decideMfa } from '../mfa/policy';
import { hashPassword } from '../builtin/passwords';
import { listIdpEntities, manualIdpSettings, parseIdpMetadata, type ParsedIdpMetadata } from './metadata';
import { SpCertificateService, type SpCertificateImport } from '../certificates/sp-certificates';
import { discoverOidc, validateManualOidc } from './oidc-discovery';
import { chooseAuthMethod, clientJwks, newClientKey } from './oidc-client-key';
interface IdpRow {
  id: string;
  name: string;
  kind: IdpKind;
  activated: number;
  settings_json: string;
  secret_ref: string | null;
  metadata_xml: string | null;
  created_at: number;
  updated_at: number;
}

interface RuleRow {
  id: string;
  name: string;
  type: RoutingRule['type'];
  idp_id: string;
  mfa: RoutingRule['mfa'];
  mfa_required: number;
  active: number;
  priority: number;
}

const SamlStoredSchema = SamlSettingsSchema;
const OidcStoredSchema = OidcSettingsSchema.omit({ hasClientSecret: true });

export type SamlIdpRequest = {
  name: string;
  userIdAttribute: string;
  acknowledgeLessSecure: boolean;
  source:
    | { kind: 'current' }
    | { kind: 'metadata'; xml: string; entityId?: string | undefined }
    | {
        kind: 'manual';
        entityId: string;
        ssoUrl: string;
        ssoBinding: 'HTTP-Redirect' | 'HTTP-POST';
        sloUrl: string;
        certificatePem: string;
      };
};

export type OidcIdpRequest = OidcIdpInput & { scopes: string[] };

export type { SpCertificateImport } from '../certificates/sp-certificates';

/** hasClientSecret: a secret, not the private_key_jwt key that shares its keychain slot. */
const oidcView = (
  settings: Omit<OidcSettings, 'hasClientSecret'>,
  secretRef: string | null,
): OidcSettings => ({
  ...settings,
  hasClientSecret: secretRef !== null && settings.tokenEndpointAuthMethod !== 'private_key_jwt',
});

const invalid = (message: string, reason: string, params?: Record<string, string | number>) =>
  new AppError(ErrorCode.InvalidInput, message, reason, params);

export class SsoConfigService {
  private table: RoutingTable | null = null;
  /**
   * Changes that wait (on the network, the keychain, a password hash) run one at a time: each reads
   * the state it changes after the one before it finished, never a stale secret reference.
   */
  private readonly changes = new Mutex();

  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly refs: SecretRefs,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {
    this.sp = new SpCertificateService(db, org, refs, audit, now);
  }

  /** Tessera's SP certificate and its renewal (C2). */
  readonly sp: SpCertificateService;

  /** Finishes keychain changes a crash interrupted, then a certificate switch that fell due. */
  async load(): Promise<void> {
    const referenced = this.db.prepare(
      `SELECT 1 FROM idps WHERE secret_ref = ?1 UNION ALL SELECT 1 FROM sp_certificates WHERE key_ref = ?1
       UNION ALL SELECT 1 FROM mfa_enrollments WHERE secret_ref = ?1
       UNION ALL SELECT 1 FROM applications WHERE secret_ref = ?1
       UNION ALL SELECT 1 FROM op_signing_keys WHERE key_ref = ?1
       UNION ALL SELECT 1 FROM op_cookie_key WHERE key_ref = ?1`,
    );
    await this.refs.recover((ref) => referenced.get(ref) !== undefined);
    await this.sp.load();
  }

  private changed(): void {
    this.table = null;
  }

  /** After a caller's transaction rolled back: nothing cached may reflect what was undone. */
  forgetCaches(): void {
    this.changed();
  }

  /** Runs a change that waits (configuration import) one at a time with this service's own. */
  exclusive<T>(change: () => Promise<T>): Promise<T> {
    return this.changes.runExclusive(change);
  }

  // ── IdPs ─────────────────────────────────────────────────────────────────────────────────────

  private idpRow(id: string): IdpRow {
    const row = this.db.prepare('SELECT * FROM idps WHERE id = ?').get(id) as IdpRow | undefined;
    if (!row)
      throw new AppError(ErrorCode.NotFound, 'That identity provider no longer exists.', 'idp.notFound');
    return row;
  }

  private rules(): RoutingRule[] {
    const rows = this.db
      .prepare("SELECT * FROM routing_rules ORDER BY type = 'default', priority")
      .all() as RuleRow[];
    const values = this.db.prepare('SELECT rule_id, value FROM rule_values ORDER BY rowid').all() as {
      rule_id: string;
      value: string;
    }[];
    const byRule = new Map<string, string[]>();
    for (const { rule_id, value } of values) {
      const list = byRule.get(rule_id) ?? [];
      list.push(value);
      byRule.set(rule_id, list);
    }
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      type: row.type,
      values: byRule.get(row.id) ?? [],
      idpId: row.idp_id,
      mfa: row.mfa,
      mfaRequired: row.mfa_required === 1,
      active: row.active === 1,
      priority: row.priority,
    }));
  }

  private toIdp(row: IdpRow, rules: RoutingRule[], ssoEnabled: boolean): Idp {
    const hasActiveRule = rules.some((rule) => rule.active && rule.idpId === row.id);
    const status: Idp['status'] =
      row.activated !== 1
        ? 'not-activated'
        : !hasActiveRule
          ? 'no-active-rule'
          : row.kind !== 'builtin' && !ssoEnabled
            ? 'sso-off'
            : 'live';
    const settings = JSON.parse(row.settings_json) as unknown;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      activated: row.activated === 1,
      status,
      saml: row.kind === 'saml' ? SamlStoredSchema.parse(settings) : null,
      oidc: row.kind === 'oidc' ? oidcView(OidcStoredSchema.parse(settings), row.secret_ref) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  listIdps(): Idp[] {
    const rules = this.rules();
    const ssoEnabled = this.ssoEnabled();
    const rows = this.db.prepare('SELECT * FROM idps ORDER BY created_at, name').all() as IdpRow[];
    return rows.map((row) => this.toIdp(row, rules, ssoEnabled));
  }

  idp(id: string): Idp {
    return this.toIdp(this.idpRow(id), this.rules(), this.ssoEnabled());
  }

  private ssoEnabled(): boolean {
    return this.org.get().ssoEnabled;
  }

  private assertNameFree(name: string, exceptId: string | null): void {
    const row = this.db.prepare('SELECT id FROM idps WHERE name = ? COLLATE NOCASE').get(name) as
      { id: string } | undefined;
    if (row && row.id !== exceptId) {
      throw invalid(`Another identity provider is already called "${name}".`, 'idp.duplicateName', { name });
    }
  }

  /** The parsed IdP metadata, without saving anything (the wizard's preview). */
  previewSamlMetadata(xml: string, entityId?: string): ParsedIdpMetadata {
    return parseIdpMetadata(xml, { now: new Date(this.now()), ...(entityId ? { entityId } : {}) });
  }

  /** The IdPs of a metadata file, for the wizard to let the admin choose one of an aggregate. */
  samlMetadataEntities(xml: string) {
    return listIdpEntities(xml);
  }

  saveSamlIdp(id: string | null, input: SamlIdpRequest): Idp {
    const before = id ? this.idp(id) : null;
    if (before && before.kind !== 'saml')
      throw invalid('That identity provider is not a SAML one.', 'idp.wrongKind');
    this.assertNameFree(input.name, id);
    const now = new Date(this.now());
    const { source } = input;
    let parsed: Pick<ParsedIdpMetadata, 'entityId' | 'sso' | 'slo' | 'signingCertificates' | 'signer'>;
    let trust: SamlSettings['trust'];
    let metadataXml: string | null;
    if (source.kind === 'current') {
      if (!before?.saml) throw invalid('Upload the IdP metadata or fill in the form.', 'saml.sourceRequired');
      parsed = { ...before.saml, signer: before.saml.metadataSigner };
      trust = before.saml.trust;
      metadataXml = this.idpRow(before.id).metadata_xml;
    } else if (source.kind === 'metadata') {
      const metadata = parseIdpMetadata(source.xml, {
        now,
        ...(source.entityId ? { entityId: source.entityId } : {}),
      });
      parsed = metadata;
      trust = metadata.trust;
      metadataXml = source.xml;
    } else {
      parsed = manualIdpSettings(
        {
          entityId: source.entityId,
          ssoUrl: source.ssoUrl,
          ssoBinding: source.ssoBinding,
          sloUrl: source.sloUrl,
          certificatePem: source.certificatePem,
        },
        now,
      );
      trust = 'manual';
      metadataXml = null;
    }
    if (trust !== 'public-root' && !input.acknowledgeLessSecure) {
      throw invalid(
        'This metadata is not signed by a certificate that chains to a public root. Acknowledge that this setup is less secure to continue.',
        'saml.acknowledgeLessSecure',
      );
    }
    const settings: SamlSettings = {
      entityId: parsed.entityId,
      sso: parsed.sso,
      slo: parsed.slo,
      signingCertificates: parsed.signingCertificates.map((cert) => IdpCertificateSchema.parse(cert)),
      trust,
      metadataSigner: parsed.signer,
      userIdAttribute: input.userIdAttribute,
    };
    const clash = (
      this.db.prepare("SELECT id, name, settings_json FROM idps WHERE kind = 'saml'").all() as IdpRow[]
    ).find(
      (row) =>
        row.id !== id && (JSON.parse(row.settings_json) as SamlSettings).entityId === settings.entityId,
    );
    if (clash) {
      throw invalid(
        `"${clash.name}" already uses the IdP entity ID ${settings.entityId}.`,
        'saml.duplicateEntityId',
        { name: clash.name, entityId: settings.entityId },
      );
    }
    return this.writeIdp(id, 'saml', input.name, settings, null, metadataXml, before);
  }

  /** The endpoints a discovery URL announces, validated, without saving anything. */
  discoverOidc(discoveryUrl: string) {
    return discoverOidc(discoveryUrl);
  }

  saveOidcIdp(id: string | null, input: OidcIdpRequest): Promise<Idp> {
    return this.changes.runExclusive(() => this.saveOidcIdpNow(id, input));
  }

  private async saveOidcIdpNow(id: string | null, input: OidcIdpRequest): Promise<Idp> {
    const before = id ? this.idp(id) : null;
    const oldRef = id ? this.idpRow(id).secret_ref : null;
    this.checkOidcTarget(before, input.name, id);
    const endpoints =
      input.endpoints.kind === 'discovery'
        ? await discoverOidc(input.endpoints.discoveryUrl)
        : validateManualOidc(input.endpoints, input.automaticLogout);
    const method = chooseAuthMethod(input.tokenEndpointAuthMethod, endpoints);
    const keptKey = this.checkOidcCredential(before, oldRef, method, Boolean(input.clientSecret));
    // Every check before the keychain is written.
    const base = this.oidcSettings(before, input, endpoints, Boolean(input.clientSecret), method);
    let newRef: string | null = null;
    let clientPublicJwk: OidcSettings['clientPublicJwk'] = null;
    if (method === 'private_key_jwt') {
      if (keptKey && oldRef) clientPublicJwk = keptKey;
      else {
        const key = newClientKey();
        newRef = this.refs.newRef('oidc-key');
        await this.refs.write(newRef, key.privateKeyPem);
        clientPublicJwk = key.publicJwk;
      }
    } else if (input.clientSecret) {
      newRef = this.refs.newRef('oidc-secret');
      await this.refs.write(newRef, input.clientSecret);
    }
    const settings = { ...base, clientPublicJwk };
    let idp: Idp;
    try {
      idp = this.writeIdp(id, 'oidc', input.name, settings, newRef ?? oldRef, null, before, () => {
        if (newRef) this.refs.commitAdded(newRef);
        if (newRef && oldRef) this.refs.markRemoved(oldRef);
      });
    } catch (error) {
      if (newRef) await this.refs.discard(newRef);
      throw error;
    }
    await this.finishRemovals();
    return idp;
  }

  /**
   * Configuration as code: an OIDC IdP whose endpoints were already resolved (discovered or
   * checked by hand), keeping the client secret it has — a configuration file carries none. The
   * same rules as the console's save; synchronous, so it can run inside the caller's transaction.
   */
  saveOidcIdpKeepingSecret(
    id: string | null,
    input: Omit<OidcIdpRequest, 'clientSecret'>,
    endpoints: OidcEndpoints,
  ): Idp {
    const before = id ? this.idp(id) : null;
    const oldRef = id ? this.idpRow(id).secret_ref : null;
    this.checkOidcTarget(before, input.name, id);
    const method = chooseAuthMethod(input.tokenEndpointAuthMethod, endpoints);
    const keptKey = this.checkOidcCredential(before, oldRef, method, false);
    if (method === 'private_key_jwt' && !keptKey) {
      // A new key is made only where the admin can register it at the provider: in the console.
      throw invalid(
        'private_key_jwt needs a key that the provider knows: choose it in the console, register the key shown there, then export again.',
        'oidc.keyRequired',
      );
    }
    const settings = {
      ...this.oidcSettings(before, { ...input, clientSecret: '' }, endpoints, false, method),
      clientPublicJwk: keptKey,
    };
    return this.writeIdp(id, 'oidc', input.name, settings, oldRef, null, before);
  }

  private checkOidcTarget(before: Idp | null, name: string, id: string | null): void {
    if (before && before.kind !== 'oidc')
      throw invalid('That identity provider is not an OpenID Connect one.', 'idp.wrongKind');
    this.assertNameFree(name, id);
  }

  /**
   * The keychain slot holds the client secret, or for private_key_jwt the private key. Returns the
   * kept public key when the stored credential is a key (and stays one).
   */
  private checkOidcCredential(
    before: Idp | null,
    oldRef: string | null,
    method: TokenAuthMethod,
    hasNewSecret: boolean,
  ): OidcSettings['clientPublicJwk'] {
    const keptKey =
      before?.oidc?.tokenEndpointAuthMethod === 'private_key_jwt' && oldRef
        ? before.oidc.clientPublicJwk
        : null;
    const keptSecret = keptKey ? null : oldRef;
    if (method !== 'private_key_jwt' && !hasNewSecret && !keptSecret) {
      throw invalid('Enter the client secret the provider issued for Tessera.', 'oidc.secretRequired');
    }
    return method === 'private_key_jwt' ? keptKey : null;
  }

  private oidcSettings(
    before: Idp | null,
    input: OidcIdpRequest,
    endpoints: OidcEndpoints,
    hasNewSecret: boolean,
    method: TokenAuthMethod,
  ): Omit<OidcSettings, 'hasClientSecret' | 'clientPublicJwk'> {
    if (input.automaticLogout && !endpoints.endSessionEndpoint) {
      throw invalid(
        'Automatic session logout needs the provider’s end-session endpoint, and the provider does not announce one. Turn the switch off or enter the endpoints by hand.',
        'oidc.endSessionRequired',
      );
    }
    // A kept secret goes only where it went before: a new issuer or token endpoint needs it typed
    // again, or a changed address alone could send the stored secret to someone else. (A key is
    // not a shared secret: the provider only ever sees its signatures.)
    const moved =
      before?.oidc &&
      (before.oidc.issuer !== endpoints.issuer ||
        new URL(before.oidc.tokenEndpoint).origin !== new URL(endpoints.tokenEndpoint).origin);
    if (method !== 'private_key_jwt' && moved && !hasNewSecret) {
      throw invalid(
        'The issuer or token endpoint changed: enter the client secret again to send it to the new address.',
        'oidc.secretRequiredForNewEndpoint',
      );
    }
    return {
      discoveryUrl: input.endpoints.kind === 'discovery' ? input.endpoints.discoveryUrl : null,
      ...endpoints,
      automaticLogout: input.automaticLogout,
      clientId: input.clientId,
      scopes: [...new Set(input.scopes)],
      tokenEndpointAuthMethod: method,
    };
  }

  /** After a committed change: a removal that fails now is retried at the next start. */
  finishRemovals(): Promise<void> {
    return this.refs.finishRemovalsOrRetryLater();
  }

  /** B1: the built-in identity, after the admin acknowledged how it works; optionally with its rule. */
  addBuiltin(rule: Omit<RuleInput, 'idpId'> | null): Idp {
    if (this.db.prepare("SELECT 1 FROM idps WHERE kind = 'builtin'").get()) {
      throw invalid('The built-in identity is already added.', 'builtin.exists');
    }
    const id = randomUUID();
    const idp = this.writeIdp(
      null,
      'builtin',
      'Built-in identity',
      {},
      null,
      null,
      null,
      () => {
        if (rule) this.insertRule({ ...rule, idpId: id }, true);
      },
      id,
      true,
    );
    return idp;
  }

  private writeIdp(
    id: string | null,
    kind: IdpKind,
    name: string,
    settings: object,
    secretRef: string | null,
    metadataXml: string | null,
    before: Idp | null,
    alsoInTransaction?: () => void,
    newId: string = randomUUID(),
    activated = false,
  ): Idp {
    const idpId = id ?? newId;
    const now = this.now();
    this.db.transaction(() => {
      if (id) {
        this.db
          .prepare(
            'UPDATE idps SET name = ?, settings_json = ?, secret_ref = ?, metadata_xml = ?, updated_at = ? WHERE id = ?',
          )
          .run(name, JSON.stringify(settings), secretRef, metadataXml, now, id);
      } else {
        this.db
          .prepare(
            `INSERT INTO idps (id, name, kind, activated, settings_json, secret_ref, metadata_xml, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            idpId,
            name,
            kind,
            activated ? 1 : 0,
            JSON.stringify(settings),
            secretRef,
            metadataXml,
            now,
            now,
          );
        // I3: the first IdP gets the default rule.
        if (!this.db.prepare("SELECT 1 FROM routing_rules WHERE type = 'default'").get()) {
          this.db
            .prepare(
              `INSERT INTO routing_rules (id, name, type, idp_id, mfa, mfa_required, active, priority)
               VALUES (?, 'Default rule', 'default', ?, 'keep', 0, 1, 0)`,
            )
            .run(randomUUID(), idpId);
        }
      }
      alsoInTransaction?.();
      const after = this.idp(idpId);
      this.audit.record(id ? `idp.update` : `idp.add`, name, before, after);
    })();
    this.changed();
    return this.idp(idpId);
  }

  /** The uploaded metadata of a SAML IdP (C1: keep a copy before replacing it). */
  idpMetadata(id: string): { fileName: string; xml: string } {
    const row = this.idpRow(id);
    if (!row.metadata_xml)
      throw invalid(
        'This identity provider was entered by hand; there is no metadata file.',
        'saml.noMetadata',
      );
    return { fileName: `idp-metadata-${row.name.replace(/[^\w.-]+/g, '-')}.xml`, xml: row.metadata_xml };
  }

  setActivated(id: string, activated: boolean): Idp {
    const before = this.idp(id);
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE idps SET activated = ?, updated_at = ? WHERE id = ?')
        .run(activated ? 1 : 0, this.now(), id);
      this.audit.record(
        activated ? 'idp.activate' : 'idp.deactivate',
        before.name,
        { activated: before.activated },
        { activated },
      );
    })();
    this.changed();
    return this.idp(id);
  }

  /**
   * I4: deleting an IdP. Its non-default rules go with it only when the admin chose that after
   * seeing them; the default rule must first be re-pointed unless this is the last IdP.
   */
  deleteIdp(id: string, deleteRules: boolean): Promise<void> {
    return this.changes.runExclusive(() => this.deleteIdpNow(id, deleteRules));
  }

  private async deleteIdpNow(id: string, deleteRules: boolean): Promise<void> {
    this.removeIdp(id, deleteRules);
    await this.finishRemovals();
  }

  /**
   * The database half of deleting an IdP (synchronous, so it can run inside a caller's
   * transaction); its keychain item is only marked, and removed by finishRemovals() afterwards.
   */
  removeIdp(id: string, deleteRules: boolean): void {
    const row = this.idpRow(id);
    const before = this.idp(id);
    const rules = this.rules().filter((rule) => rule.idpId === id);
    const defaultRule = rules.find((rule) => rule.type === 'default');
    const others = (this.db.prepare('SELECT COUNT(*) AS n FROM idps WHERE id != ?').get(id) as { n: number })
      .n;
    if (defaultRule && others > 0) {
      throw invalid(
        `"${row.name}" receives the default rule. Point the default rule at another identity provider first.`,
        'idp.hasDefaultRule',
        { name: row.name },
      );
    }
    const ownRules = rules.filter((rule) => rule.type !== 'default');
    if (ownRules.length > 0 && !deleteRules) {
      throw invalid(
        `"${row.name}" still has ${ownRules.length} routing rule(s): ${ownRules.map((r) => r.name).join(', ')}. Deactivate or delete them first, or delete them with the identity provider.`,
        'idp.hasRules',
        { name: row.name, count: ownRules.length },
      );
    }
    this.db.transaction(() => {
      for (const rule of rules) {
        this.db.prepare('DELETE FROM routing_rules WHERE id = ?').run(rule.id);
        this.audit.record('rule.delete', rule.name, rule, null);
      }
      if (row.kind === 'builtin') {
        const users = this.db.prepare('SELECT COUNT(*) AS n FROM local_users').get() as { n: number };
        this.db.prepare('DELETE FROM local_users').run();
        if (users.n > 0) this.audit.record('builtin.users.delete', row.name, { users: users.n }, null);
      }
      if (row.secret_ref) this.refs.markRemoved(row.secret_ref);
      this.db.prepare('DELETE FROM idps WHERE id = ?').run(id);
      this.audit.record('idp.delete', row.name, before, null);
    })();
    this.changed();
  }

  /** I5: SSO for all IdPs at once (the built-in identity is not SSO and keeps working). */
  setSsoEnabled(enabled: boolean): void {
    const before = this.ssoEnabled();
    this.db.transaction(() => {
      this.db.prepare('UPDATE org SET sso_enabled = ? WHERE singleton = 1').run(enabled ? 1 : 0);
      this.audit.record('sso.setEnabled', 'SSO', { enabled: before }, { enabled });
    })();
    this.changed();
  }

  // ── SP certificate and metadata (their own service: electron/core/certificates) ──────────────

  spCertificate(): SpCertificate | null {
    return this.sp.current();
  }

  generateSpCertificate(keyType: 'rsa-2048' | 'rsa-3072' | 'p-256'): Promise<SpCertificate> {
    return this.sp.generate(keyType);
  }

  importSpCertificate(input: SpCertificateImport): Promise<SpCertificate> {
    return this.sp.import(input);
  }

  /** S2: `tessera-sp-<org-id>.xml`, optionally signed with the SP key. */
  spMetadata(signed: boolean): Promise<{ fileName: string; xml: string }> {
    return this.sp.metadata(signed);
  }

  // ── Routing rules ────────────────────────────────────────────────────────────────────────────

  listRules(): RoutingRule[] {
    return this.rules();
  }

  private rule(id: string): RoutingRule {
    const rule = this.rules().find((r) => r.id === id);
    if (!rule) throw new AppError(ErrorCode.NotFound, 'That routing rule no longer exists.', 'rule.notFound');
    return rule;
  }

  private assertRuleTargets(input: RuleInput, exceptRuleId: string | null): void {
    // Values arrive validated by the contract (RuleInputSchema); compare them in stored form.
    if (!this.db.prepare('SELECT 1 FROM idps WHERE id = ?').get(input.idpId)) {
      throw invalid(
        'The identity provider this rule points at no longer exists; choose another.',
        'rule.idpMissing',
      );
    }
    if (input.type === 'domain') {
      const taken = this.db.prepare(
        `SELECT r.name FROM rule_values v JOIN routing_rules r ON r.id = v.rule_id
         WHERE v.type = 'domain' AND v.value = ? AND v.rule_id != ?`,
      );
      for (const domain of input.values) {
        const stored = domain.trim().toLowerCase();
        const other = taken.get(stored, exceptRuleId ?? '') as { name: string } | undefined;
        if (other) {
          throw invalid(
            `${stored} is already routed by the rule "${other.name}"; a domain can be in one rule only.`,
            'rule.domainTaken',
            { domain: stored, rule: other.name },
          );
        }
      }
    }
  }

  private insertRule(input: RuleInput, active: boolean, id: string = randomUUID()): string {
    this.assertRuleTargets(input, null);
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM routing_rules').get() as { n: number };
    if (n >= ADMIN_LIMITS.rulesMax) {
      throw invalid(`There are already ${n} routing rules, the most Tessera keeps.`, 'rule.tooMany', {
        max: ADMIN_LIMITS.rulesMax,
      });
    }
    const next = this.db
      .prepare("SELECT COALESCE(MAX(priority), -1) + 1 AS p FROM routing_rules WHERE type != 'default'")
      .get() as {
      p: number;
    };
    this.db
      .prepare(
        `INSERT INTO routing_rules (id, name, type, idp_id, mfa, mfa_required, active, priority)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.name,
        input.type,
        input.idpId,
        input.mfa,
        input.mfaRequired ? 1 : 0,
        active ? 1 : 0,
        next.p,
      );
    this.insertValues(id, input);
    this.audit.record('rule.add', input.name, null, { ...input, active });
    return id;
  }

  private insertValues(ruleId: string, input: RuleInput): void {
    const insert = this.db.prepare('INSERT INTO rule_values (rule_id, type, value) VALUES (?, ?, ?)');
    for (const value of input.values) {
      insert.run(ruleId, input.type, input.type === 'domain' ? value.trim().toLowerCase() : value.trim());
    }
  }

  /** R4: a new rule is added inactive ("Add → select → Activate"); editing keeps its state. */
  saveRule(id: string | null, input: RuleInput, acknowledged: boolean): RoutingRule {
    let ruleId = id;
    this.db.transaction(() => {
      if (!id) {
        ruleId = this.insertRule(input, false);
        return;
      }
      const before = this.rule(id);
      if (before.type === 'default') {
        throw invalid(
          'The default rule has no domains or groups; only its identity provider can change.',
          'rule.defaultFixed',
        );
      }
      this.assertRuleTargets(input, id);
      // Pointing an active rule at another IdP can leave its old IdP without one (R6).
      this.assertAcknowledged(
        this.rules().map((rule) => (rule.id === id ? { ...rule, idpId: input.idpId } : rule)),
        acknowledged,
      );
      this.db
        .prepare(
          'UPDATE routing_rules SET name = ?, type = ?, idp_id = ?, mfa = ?, mfa_required = ? WHERE id = ?',
        )
        .run(input.name, input.type, input.idpId, input.mfa, input.mfaRequired ? 1 : 0, id);
      this.db.prepare('DELETE FROM rule_values WHERE rule_id = ?').run(id);
      this.insertValues(id, input);
      this.audit.record('rule.update', input.name, before, this.rule(id));
    })();
    this.changed();
    return this.rule(ruleId!);
  }

  /** R6: a change that leaves an IdP without an active rule needs the admin's acknowledgement. */
  private assertAcknowledged(after: RoutingRule[], acknowledged: boolean): void {
    const orphans = idpsLeftWithoutActiveRule(this.rules(), after);
    if (orphans.length > 0 && !acknowledged) {
      const names = orphans.map((id) => this.idpRow(id).name).join(', ');
      throw invalid(
        `After this change ${names} has no active routing rule and nobody is sent to it.`,
        'rule.leavesIdpWithoutRule',
        { idps: names },
      );
    }
  }

  setRuleActive(id: string, active: boolean, acknowledged: boolean): RoutingRule {
    const before = this.rule(id);
    if (before.type === 'default' && !active) {
      throw invalid(
        'The default rule cannot be deactivated; point it at another identity provider instead.',
        'rule.defaultFixed',
      );
    }
    this.assertAcknowledged(
      this.rules().map((rule) => (rule.id === id ? { ...rule, active } : rule)),
      acknowledged,
    );
    this.db.transaction(() => {
      this.db.prepare('UPDATE routing_rules SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
      this.audit.record(
        active ? 'rule.activate' : 'rule.deactivate',
        before.name,
        { active: before.active },
        { active },
      );
    })();
    this.changed();
    return this.rule(id);
  }

  deleteRule(id: string, acknowledged: boolean): void {
    const before = this.rule(id);
    if (before.type === 'default') {
      throw invalid(
        'The default rule cannot be deleted; point it at another identity provider instead.',
        'rule.defaultFixed',
      );
    }
    this.assertAcknowledged(
      this.rules().filter((rule) => rule.id !== id),
      acknowledged,
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM routing_rules WHERE id = ?').run(id);
      this.audit.record('rule.delete', before.name, before, null);
    })();
    this.changed();
  }

  /** R5: the complete new order of the non-default rules, each exactly once. */
  reorderRules(ids: string[]): RoutingRule[] {
    const current = this.rules().filter((rule) => rule.type !== 'default');
    const known = new Set(current.map((rule) => rule.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
      throw invalid(
        'The rules changed while you were reordering them; reload and try again.',
        'rule.staleOrder',
      );
    }
    this.db.transaction(() => {
      const update = this.db.prepare('UPDATE routing_rules SET priority = ? WHERE id = ?');
      ids.forEach((id, index) => update.run(index, id));
      this.audit.record(
        'rule.reorder',
        'Routing rules',
        current.map((rule) => rule.name),
        ids.map((id) => current.find((rule) => rule.id === id)!.name),
      );
    })();
    this.changed();
    return this.rules();
  }

  /** R3: the default rule can only be re-pointed. */
  setDefaultIdp(idpId: string, acknowledged: boolean): RoutingRule {
    const rule = this.rules().find((r) => r.type === 'default');
    if (!rule)
      throw invalid('There is no default rule yet; add an identity provider first.', 'rule.noDefault');
    const target = this.idpRow(idpId);
    this.assertAcknowledged(
      this.rules().map((r) => (r.id === rule.id ? { ...r, idpId } : r)),
      acknowledged,
    );
    const fromName = this.idpRow(rule.idpId).name;
    this.db.transaction(() => {
      this.db.prepare('UPDATE routing_rules SET idp_id = ? WHERE id = ?').run(idpId, rule.id);
      this.audit.record('rule.default', rule.name, { idp: fromName }, { idp: target.name });
    })();
    this.changed();
    return this.rule(rule.id);
  }

  // ── What the sign-in broker reads ────────────────────────────────────────────────────────────

  route(email: string, groups: readonly string[]): RouteMatch | null {
    return this.routingTable().route(email, groups);
  }

  /** SAML settings for a sign-in: the pinned certificates, our endpoints, the SP signing key. */
  async samlPeer(idpId: string): Promise<SamlPeer & { userIdAttribute: string }> {
    const idp = this.idp(idpId);
    if (!idp.saml) throw invalid('That identity provider does not use SAML.', 'idp.notSaml');
    const org = this.org.get();
    return {
      spEntityId: org.sp.entityId,
      acsUrl: org.sp.acsUrl,
      idpEntityId: idp.saml.entityId,
      ssoUrl: idp.saml.sso.location,
      ssoBinding: idp.saml.sso.binding,
      certificates: idp.saml.signingCertificates.map((certificate) => certificate.pem),
      spPrivateKeyPem: await this.sp.signingKey(),
      userIdAttribute: idp.saml.userIdAttribute,
    };
  }

  async oidcPeer(idpId: string): Promise<OidcPeer> {
    const row = this.idpRow(idpId);
    if (row.kind !== 'oidc')
      throw invalid('That identity provider does not use OpenID Connect.', 'idp.notOidc');
    const stored = row.secret_ref ? await this.refs.read(row.secret_ref) : null;
    if (row.secret_ref && !stored) {
      throw new AppError(
        ErrorCode.Internal,
        "This IdP's client secret is missing from the keychain; enter it again in the IdP's settings.",
        'oidc.secretMissing',
      );
    }
    const settings = OidcStoredSchema.parse(JSON.parse(row.settings_json));
    const usesKey = settings.tokenEndpointAuthMethod === 'private_key_jwt';
    return {
      settings,
      clientSecret: usesKey ? null : stored,
      clientPrivateKeyPem: usesKey ? stored : null,
      redirectUri: this.org.get().sp.oidcRedirectUri,
    };
  }

  /** The JWKS the sign-in service publishes for private_key_jwt (public keys only). */
  oidcClientJwks() {
    const rows = this.db.prepare("SELECT settings_json FROM idps WHERE kind = 'oidc'").all() as {
      settings_json: string;
    }[];
    return clientJwks(rows.map((row) => OidcStoredSchema.parse(JSON.parse(row.settings_json))));
  }

  /** S5/O3: stored per IdP; off until the admin turns it on. */
  jitSettings(idpId: string): JitSettings {
    const row = this.db.prepare('SELECT jit_json FROM idps WHERE id = ?').get(idpId) as
      { jit_json: string | null } | undefined;
    if (!row)
      throw new AppError(ErrorCode.NotFound, 'That identity provider no longer exists.', 'idp.notFound');
    return row.jit_json ? JitSettingsSchema.parse(JSON.parse(row.jit_json)) : DEFAULT_JIT;
  }

  setJitSettings(idpId: string, jit: JitSettings): JitSettings {
    const idp = this.idp(idpId);
    if (idp.kind === 'builtin') {
      throw invalid('The built-in identity has no attributes to map.', 'jit.builtin');
    }
    const before = this.jitSettings(idpId);
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE idps SET jit_json = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(jit), this.now(), idpId);
      this.audit.record('idp.jit', idp.name, before, jit);
    })();
    return this.jitSettings(idpId);
  }

  /** The attribute (SAML, S4) or claim (OIDC) that carries the user id (J4). */
  userIdAttribute(idp: Idp): string {
    return idp.saml?.userIdAttribute ?? 'email';
  }

  // ── Simulator ────────────────────────────────────────────────────────────────────────────────

  private routingTable(): RoutingTable {
    if (!this.table) {
      const ssoEnabled = this.ssoEnabled();
      const idps: RoutingIdp[] = (
        this.db.prepare('SELECT id, name, kind, activated FROM idps').all() as IdpRow[]
      ).map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        live: row.activated === 1 && (row.kind === 'builtin' || ssoEnabled),
      }));
      this.table = new RoutingTable(this.rules(), idps);
    }
    return this.table;
  }

  simulate(input: {
    email: string;
    groups: string[];
    applicationKey: string;
    userOptedIn: boolean;
  }): Simulation {
    const { matched, others } = this.routingTable().explain(input.email, input.groups);
    const application = input.applicationKey ? this.org.applicationByKey(input.applicationKey) : null;
    if (input.applicationKey && !application) {
      throw invalid(`No application has the id "${input.applicationKey}".`, 'application.unknown', {
        key: input.applicationKey,
      });
    }
    return {
      email: input.email,
      matched: matched && {
        ruleId: matched.rule.id,
        ruleName: matched.rule.name,
        idpId: matched.idp.id,
        idpName: matched.idp.name,
        idpKind: matched.idp.kind,
      },
      mfa: matched
        ? decideMfa(this.org.mfaPolicy(), matched.rule, application, { optedIn: input.userOptedIn })
        : null,
      others: others.map(({ rule, reason }) => ({ ruleId: rule.id, ruleName: rule.name, reason })),
    };
  }

  // ── Built-in identity's local users ──────────────────────────────────────────────────────────

  localUsers(): LocalUser[] {
    return (
      this.db.prepare('SELECT id, email, display_name, created_at FROM local_users ORDER BY email').all() as {
        id: string;
        email: string;
        display_name: string;
        created_at: number;
      }[]
    ).map((row) => ({
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      createdAt: row.created_at,
    }));
  }

  addLocalUser(input: { email: string; displayName: string; password: string }): Promise<LocalUser> {
    return this.changes.runExclusive(() => this.addLocalUserNow(input));
  }

  private async addLocalUserNow(input: {
    email: string;
    displayName: string;
    password: string;
  }): Promise<LocalUser> {
    if (!this.db.prepare("SELECT 1 FROM idps WHERE kind = 'builtin'").get()) {
      throw invalid('Add the built-in identity first.', 'builtin.missing');
    }
    if (this.db.prepare('SELECT 1 FROM local_users WHERE email = ?').get(input.email)) {
      throw invalid(`${input.email} already has a built-in account.`, 'builtin.duplicateUser', {
        email: input.email,
      });
    }
    const hash = await hashPassword(input.password);
    const id = randomUUID();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO local_users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id, input.email, input.displayName, hash, this.now());
      this.audit.record('builtin.user.add', input.email, null, {
        email: input.email,
        displayName: input.displayName,
      });
    })();
    return this.localUsers().find((user) => user.id === id)!;
  }

  deleteLocalUser(id: string): void {
    const user = this.localUsers().find((u) => u.id === id);
    if (!user) throw new AppError(ErrorCode.NotFound, 'That user no longer exists.', 'builtin.userNotFound');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM local_users WHERE id = ?').run(id);
      this.audit.record('builtin.user.delete', user.email, { email: user.email }, null);
    })();
  }
}
