/**
 * Configuration as code (SPEC §4): the organization's configuration exported as YAML without
 * secrets, and imported through a diff preview, then applied in one transaction.
 *
 * The import reuses the console's own rules rather than restating them: each object is checked with
 * the schema its form uses (shared/admin), and the change itself is made by the same service calls
 * the console makes (each writing its own audit entry), inside one outer transaction. The preview
 * runs exactly that and rolls it back, so whatever apply would refuse, the preview refuses first.
 *
 * Matching (see shared/admin/config.ts): IdPs by name, case-insensitively (the built-in identity by
 * kind), rules by name, applications by key, domains by name; what the file leaves out is removed.
 * Secrets never appear: an OIDC IdP keeps the client secret it has, so a new OIDC IdP is refused
 * (its secret has to be entered in the console once).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import {
  ApplicationInputSchema,
  BuiltinRuleInputSchema,
  DomainName,
  Name,
  OidcIdpInputSchema,
  SamlIdpInputSchema,
  type Idp,
  type OidcEndpoints,
  type RoutingRule,
} from '../../../shared/admin/schemas';
import { DEFAULT_JIT, type JitSettings } from '../../../shared/admin/directory';
import {
  CONFIG_FILE_VERSION,
  type ConfigChange,
  type ConfigDiff,
  type ConfigFile,
  type IdpConfig,
  type RuleConfig,
} from '../../../shared/admin/config';
import type { Db } from '../store/database';
import type { AuditLog } from '../org/audit';
import type { OrgService } from '../org/org-service';
import { forgetClient } from '../op/store-adapter';
import { parseResolver } from '../org/dns-verification';
import type { SsoConfigService } from '../sso/sso-config-service';
import { validateManualOidc } from '../sso/oidc-discovery';
import {
  configInvalid,
  parseConfigYaml,
  stringifyConfig,
  zodProblems,
  type ConfigPath,
  type ConfigProblem,
  type Locate,
} from './config-file';

/** addBuiltin's name for the built-in identity (it cannot be renamed). */
const BUILTIN_NAME = 'Built-in identity';

/** Thrown inside the transaction by a refused step: where in the file, and why. */
class StepError extends Error {
  constructor(
    readonly path: ConfigPath,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown at the end of the preview so that its transaction rolls back. */
class Rollback extends Error {}

type SamlConfig = Extract<IdpConfig, { kind: 'saml' }>['saml'];
type OidcConfig = Extract<IdpConfig, { kind: 'oidc' }>['oidc'];

const lower = (value: string) => value.toLowerCase();

/** A value as the diff shows it: short, and never a whole metadata document or certificate. */
function shown(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 60).replace(/\s+/g, ' ')}… (${text.length} characters)` : text;
}

/** Leaf paths → JSON; arrays are compared whole. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

function fieldsChanged(before: unknown, after: unknown): ConfigChange['fields'] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys
    .filter((key) => a.get(key) !== b.get(key))
    .map((field) => ({
      field,
      before: shown(a.has(field) ? JSON.parse(a.get(field)!) : null),
      after: shown(b.has(field) ? JSON.parse(b.get(field)!) : null),
    }));
}

/**
 * A file that does not name an OIDC IdP's token endpoint auth method (hand-written, or exported
 * before it was a setting) keeps the stored one, rather than the provider's first choice: a
 * private_key_jwt client would otherwise be asked for a secret, a post one turned into basic.
 */
function keepStoredAuthMethods(current: Current, want: ConfigFile): void {
  for (const idp of want.idps) {
    if (idp.kind !== 'oidc' || idp.oidc.tokenEndpointAuthMethod !== undefined) continue;
    const stored = current.idps.get(lower(idp.name));
    if (stored?.oidc) idp.oidc.tokenEndpointAuthMethod = stored.oidc.tokenEndpointAuthMethod;
  }
}

/** What the diff compares of an IdP: acknowledgements and secret presence are not state. */
function comparable(idp: IdpConfig): unknown {
  if (idp.kind === 'saml') {
    return { ...idp, saml: without(idp.saml, 'acknowledgeLessSecure'), jit: idp.jit ?? DEFAULT_JIT };
  }
  if (idp.kind === 'oidc') {
    return { ...idp, oidc: without(idp.oidc, 'clientSecret'), jit: idp.jit ?? DEFAULT_JIT };
  }
  return idp;
}

function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Equal as the diff sees it (objects by key, whatever their order; arrays in order). */
const same = (a: unknown, b: unknown) => fieldsChanged(a, b).length === 0;

const isManualSaml = (saml: SamlConfig) => saml.metadata === undefined;

/** An IdP's own settings, without what is applied separately (JIT, activation). */
function settingsOf(idp: IdpConfig): unknown {
  return without(comparable(idp) as IdpConfig & { jit?: unknown }, 'jit', 'activated');
}

interface Current {
  file: ConfigFile;
  idps: Map<string, Idp>;
  rules: Map<string, RoutingRule>;
  defaultRule: RoutingRule | null;
  applicationIds: Map<string, string>;
  localUsers: number;
}

export class ConfigService {
  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly sso: SsoConfigService,
    private readonly audit: AuditLog,
  ) {}

  // ── Export ───────────────────────────────────────────────────────────────────────────────────

  /** The configuration as the file describes it (the export, and what a diff compares against). */
  document(): ConfigFile {
    const org = this.org.get();
    const idps = this.sso.listIdps();
    const nameOf = new Map(idps.map((idp) => [idp.id, idp.name]));
    const rules = this.sso.listRules();
    const defaultRule = rules.find((rule) => rule.type === 'default');
    return {
      version: CONFIG_FILE_VERSION,
      organization: {
        name: org.name,
        signinPort: org.signinPort,
        dnsResolver: org.dnsResolver,
        ssoEnabled: org.ssoEnabled,
      },
      domains: org.domains.map((domain) => ({ name: domain.name, claimed: domain.claimed })),
      mfaPolicy: this.org.mfaPolicy(),
      applications: this.org.applications().map((app) => ({
        key: app.key,
        name: app.name,
        requireMfa: app.requireMfa,
        clientType: app.clientType,
        redirectUris: app.redirectUris,
        postLogoutRedirectUris: app.postLogoutRedirectUris,
        scopes: app.scopes,
        firstParty: app.firstParty,
      })),
      directory: this.org.directorySettings(),
      // By name, so the same configuration always exports the same text (creation order is history).
      idps: [...idps]
        .sort((a, b) => lower(a.name).localeCompare(lower(b.name)) || a.name.localeCompare(b.name))
        .map((idp) => this.idpDocument(idp)),
      routing: {
        defaultIdp: defaultRule ? (nameOf.get(defaultRule.idpId) ?? null) : null,
        rules: rules
          .filter((rule) => rule.type !== 'default')
          .map((rule) => ({
            name: rule.name,
            type: rule.type as 'domain' | 'group',
            values: rule.values,
            idp: nameOf.get(rule.idpId) ?? rule.idpId,
            mfa: rule.mfa,
            mfaRequired: rule.mfaRequired,
            active: rule.active,
          })),
      },
    };
  }

  private idpDocument(idp: Idp): IdpConfig {
    const common = { name: idp.name, activated: idp.activated };
    if (idp.saml) {
      const saml = idp.saml;
      const metadata = this.metadataXml(idp.id);
      return {
        ...common,
        kind: 'saml',
        saml: metadata
          ? {
              userIdAttribute: saml.userIdAttribute,
              acknowledgeLessSecure: saml.trust !== 'public-root',
              metadata,
            }
          : {
              userIdAttribute: saml.userIdAttribute,
              acknowledgeLessSecure: true,
              entityId: saml.entityId,
              ssoUrl: saml.sso.location,
              ssoBinding: saml.sso.binding,
              sloUrl: saml.slo?.location ?? null,
              // Trimmed, as the form's schema reads it.
              certificate: saml.signingCertificates[0]!.pem.trim(),
            },
        jit: this.sso.jitSettings(idp.id),
      };
    }
    if (idp.oidc) {
      const oidc = idp.oidc;
      return {
        ...common,
        kind: 'oidc',
        oidc: {
          clientId: oidc.clientId,
          // Presence only: the value stays in the keychain.
          ...(oidc.hasClientSecret ? { clientSecret: { set: true } } : {}),
          scopes: oidc.scopes,
          automaticLogout: oidc.automaticLogout,
          tokenEndpointAuthMethod: oidc.tokenEndpointAuthMethod,
          ...(oidc.discoveryUrl
            ? { discoveryUrl: oidc.discoveryUrl }
            : {
                endpoints: {
                  issuer: oidc.issuer,
                  authorizationEndpoint: oidc.authorizationEndpoint,
                  tokenEndpoint: oidc.tokenEndpoint,
                  jwksUri: oidc.jwksUri,
                  userinfoEndpoint: oidc.userinfoEndpoint,
                  endSessionEndpoint: oidc.endSessionEndpoint,
                },
              }),
        },
        jit: this.sso.jitSettings(idp.id),
      };
    }
    return { ...common, kind: 'builtin' };
  }

  private metadataXml(idpId: string): string | null {
    const row = this.db.prepare('SELECT metadata_xml FROM idps WHERE id = ?').get(idpId) as
      { metadata_xml: string | null } | undefined;
    return row?.metadata_xml ?? null;
  }

  export(): { fileName: string; content: string } {
    const slug =
      this.org
        .get()
        .name.replace(/[^\w.-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'organization';
    return { fileName: `tessera-config-${slug}.yaml`, content: stringifyConfig(this.document()) };
  }

  // ── Import ───────────────────────────────────────────────────────────────────────────────────

  /** Parses and checks the file, then runs the change and rolls it back: the preview. */
  diff(content: string): Promise<ConfigDiff> {
    return this.sso.exclusive(async () => {
      const { want, locate } = this.read(content);
      const endpoints = await this.resolveOidc(this.current(), want, locate);
      // From here to the rollback nothing waits, so nothing else can change the configuration.
      const current = this.current();
      keepStoredAuthMethods(current, want);
      const diff = this.compare(current, want);
      this.run(current, want, endpoints, locate, false);
      return diff;
    });
  }

  /**
   * Applies the file in one transaction. With a fingerprint (from the preview), refuses when the
   * changes are no longer the ones that were shown.
   */
  apply(content: string, fingerprint: string | null): Promise<ConfigDiff> {
    return this.sso.exclusive(async () => {
      const { want, locate } = this.read(content);
      const endpoints = await this.resolveOidc(this.current(), want, locate);
      // From here to the commit nothing waits: the diff is of the state the change is made to.
      const current = this.current();
      keepStoredAuthMethods(current, want);
      const diff = this.compare(current, want);
      const stale = fingerprint !== null && fingerprint !== diff.fingerprint;
      if (diff.changes.length === 0 && !stale) return diff;
      // What the file gets wrong is said first; a stale preview only once the file is good.
      this.run(current, want, endpoints, locate, true, diff, () => {
        if (stale) {
          throw new AppError(
            ErrorCode.InvalidInput,
            'The configuration changed since the preview; look at the new preview and apply again.',
            'config.stale',
          );
        }
      });
      // Keychain items of removed OIDC IdPs go only now that nothing refers to them.
      await this.sso.finishRemovals();
      return diff;
    });
  }

  private read(content: string): { want: ConfigFile; locate: Locate } {
    const { file, locate } = parseConfigYaml(content);
    const problems: ConfigProblem[] = [];
    const want = this.normalize(file, problems);
    if (problems.length > 0) throw configInvalid(problems, locate);
    return { want, locate };
  }

  private current(): Current {
    const idps = this.sso.listIdps();
    const rules = this.sso.listRules();
    const problems: ConfigProblem[] = [];
    const byName = new Map<string, RoutingRule>();
    for (const rule of rules.filter((r) => r.type !== 'default')) {
      if (byName.has(lower(rule.name))) {
        problems.push({
          path: ['routing', 'rules'],
          message: `Two routing rules here are called "${rule.name}"; rename one in the console first, so that the file can name each.`,
        });
      }
      byName.set(lower(rule.name), rule);
    }
    if (problems.length > 0) throw configInvalid(problems, () => null);
    return {
      file: this.document(),
      idps: new Map(idps.map((idp) => [idp.kind === 'builtin' ? '\0builtin' : lower(idp.name), idp])),
      rules: byName,
      defaultRule: rules.find((rule) => rule.type === 'default') ?? null,
      applicationIds: new Map(this.org.applications().map((app) => [app.key, app.id])),
      localUsers: this.sso.localUsers().length,
    };
  }

  private currentIdp(current: Current, idp: IdpConfig): Idp | undefined {
    return current.idps.get(idp.kind === 'builtin' ? '\0builtin' : lower(idp.name));
  }

  /**
   * Each object checked with the schema its console form uses; values in their stored form (so the
   * diff compares like with like). Problems are collected, not thrown one at a time.
   */
  private normalize(file: ConfigFile, problems: ConfigProblem[]): ConfigFile {
    const check = <T>(schema: z.ZodType<T>, value: unknown, path: ConfigPath): T | null => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      problems.push(...zodProblems(parsed.error, path));
      return null;
    };
    const want = structuredClone(file);
    want.organization.name = check(Name, file.organization.name, ['organization', 'name']) ?? '';
    const resolver = file.organization.dnsResolver?.trim() || null;
    if (resolver !== null) {
      try {
        parseResolver(resolver);
      } catch (error) {
        problems.push({ path: ['organization', 'dnsResolver'], message: (error as Error).message });
      }
    }
    want.organization.dnsResolver = resolver;

    const unique = (path: ConfigPath, key: string, seen: Set<string>, what: string) => {
      if (seen.has(key)) problems.push({ path, message: `${what} is listed twice.` });
      seen.add(key);
    };
    const domains = new Set<string>();
    want.domains.forEach((domain, i) => {
      domain.name = check(DomainName, domain.name, ['domains', i, 'name']) ?? domain.name;
      unique(['domains', i, 'name'], domain.name, domains, `The domain ${domain.name}`);
    });
    const keys = new Set<string>();
    want.applications.forEach((app, i) => {
      const parsed = check(ApplicationInputSchema, app, ['applications', i]);
      if (parsed) Object.assign(app, parsed);
      unique(['applications', i, 'key'], app.key, keys, `The application key "${app.key}"`);
    });

    const idpNames = new Map<string, string>();
    let builtins = 0;
    want.idps.forEach((idp, i) => {
      const path: ConfigPath = ['idps', i];
      idp.name = check(Name, idp.name, [...path, 'name']) ?? idp.name;
      unique([...path, 'name'], lower(idp.name), new Set(idpNames.keys()), `The name "${idp.name}"`);
      idpNames.set(lower(idp.name), idp.name);
      if (idp.kind === 'builtin') {
        builtins++;
        if (builtins > 1)
          problems.push({ path: [...path, 'kind'], message: 'There is only one built-in identity.' });
      } else if (idp.kind === 'saml') {
        idp.saml = this.normalizeSaml(idp.name, idp.saml, [...path, 'saml'], problems);
      } else {
        idp.oidc = this.normalizeOidc(idp.name, idp.oidc, [...path, 'oidc'], problems);
      }
    });

    const ruleNames = new Set<string>();
    want.routing.rules.forEach((rule, i) => {
      const path: ConfigPath = ['routing', 'rules', i];
      const { idp } = rule;
      const parsed = check(BuiltinRuleInputSchema, without(rule, 'idp', 'active'), path);
      if (parsed) {
        rule.name = parsed.name;
        rule.values = parsed.values.map((value) =>
          rule.type === 'domain' ? value.trim().toLowerCase() : value.trim(),
        );
      }
      unique([...path, 'name'], lower(rule.name), ruleNames, `The rule name "${rule.name}"`);
      const target = idpNames.get(lower(idp));
      if (target === undefined) {
        problems.push({
          path: [...path, 'idp'],
          message: `No identity provider in "idps" is called "${idp}".`,
        });
      } else {
        rule.idp = target;
      }
    });
    const { defaultIdp } = want.routing;
    if (want.idps.length === 0 && defaultIdp !== null) {
      problems.push({
        path: ['routing', 'defaultIdp'],
        message: 'With no identity provider there is no default rule: write null.',
      });
    } else if (want.idps.length > 0) {
      const target = defaultIdp === null ? undefined : idpNames.get(lower(defaultIdp));
      if (target === undefined) {
        problems.push({
          path: ['routing', 'defaultIdp'],
          message:
            defaultIdp === null
              ? 'Name the identity provider the default rule sends everyone else to (R3).'
              : `No identity provider in "idps" is called "${defaultIdp}".`,
        });
      } else {
        want.routing.defaultIdp = target;
      }
    }
    return want;
  }

  private normalizeSaml(
    name: string,
    saml: SamlConfig,
    path: ConfigPath,
    problems: ConfigProblem[],
  ): SamlConfig {
    const manualKeys = (['entityId', 'ssoUrl', 'ssoBinding', 'sloUrl', 'certificate'] as const).filter(
      (key) => saml[key] !== undefined,
    );
    if (saml.metadata !== undefined && manualKeys.length > 0) {
      problems.push({
        path: [...path, manualKeys[0]!],
        message: 'Give either "metadata" or the settings by hand (entityId, ssoUrl, …), not both.',
      });
      return saml;
    }
    const source =
      saml.metadata !== undefined
        ? { kind: 'metadata' as const, xml: saml.metadata }
        : {
            kind: 'manual' as const,
            entityId: saml.entityId ?? '',
            ssoUrl: saml.ssoUrl ?? '',
            ssoBinding: saml.ssoBinding ?? 'HTTP-Redirect',
            sloUrl: saml.sloUrl ?? '',
            certificatePem: saml.certificate ?? '',
          };
    if (source.kind === 'manual') {
      for (const key of ['entityId', 'ssoUrl', 'ssoBinding', 'certificate'] as const) {
        if (saml[key] === undefined)
          problems.push({ path: [...path, key], message: 'Required (or give the IdP\u2019s "metadata").' });
      }
    }
    // The SAML wizard's own schema; its paths mapped onto the file's.
    const fileKey: Record<string, string> = { xml: 'metadata', certificatePem: 'certificate' };
    const parsed = SamlIdpInputSchema.safeParse({
      name,
      userIdAttribute: saml.userIdAttribute,
      source,
      acknowledgeLessSecure: saml.acknowledgeLessSecure,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, second, ...rest] = issue.path as (string | number)[];
        if (first === 'name') continue; // reported with the IdP's name
        const inner =
          first === 'source'
            ? [fileKey[String(second)] ?? second!, ...rest]
            : [first!, second!, ...rest].filter((p) => p !== undefined);
        problems.push({ path: [...path, ...inner], message: issue.message });
      }
      return saml;
    }
    const input = parsed.data;
    if (input.source.kind === 'manual') {
      return {
        userIdAttribute: input.userIdAttribute,
        acknowledgeLessSecure: input.acknowledgeLessSecure,
        entityId: input.source.entityId,
        ssoUrl: input.source.ssoUrl,
        ssoBinding: input.source.ssoBinding,
        sloUrl: input.source.sloUrl || null,
        certificate: input.source.certificatePem,
      };
    }
    return {
      userIdAttribute: input.userIdAttribute,
      acknowledgeLessSecure: input.acknowledgeLessSecure,
      metadata: saml.metadata!,
    };
  }

  private normalizeOidc(
    name: string,
    oidc: OidcConfig,
    path: ConfigPath,
    problems: ConfigProblem[],
  ): OidcConfig {
    const secret = oidc.clientSecret;
    const presence =
      secret !== null &&
      typeof secret === 'object' &&
      Object.keys(secret).length === 1 &&
      (secret as { set?: unknown }).set === true;
    if (secret !== undefined && !presence) {
      // Never echo it: it may be the secret itself.
      problems.push({
        path: [...path, 'clientSecret'],
        message:
          'A configuration file carries no secrets. Write "clientSecret: { set: true }" to keep the stored one; enter a new secret in the console.',
      });
    }
    if ((oidc.discoveryUrl === undefined) === (oidc.endpoints === undefined)) {
      problems.push({
        path: [...path, oidc.endpoints ? 'endpoints' : 'discoveryUrl'],
        message: 'Give either "discoveryUrl" or "endpoints" (entered by hand), exactly one of them.',
      });
      return oidc;
    }
    const endpoints = oidc.discoveryUrl
      ? { kind: 'discovery' as const, discoveryUrl: oidc.discoveryUrl }
      : {
          kind: 'manual' as const,
          ...oidc.endpoints!,
          userinfoEndpoint: oidc.endpoints!.userinfoEndpoint ?? '',
          endSessionEndpoint: oidc.endpoints!.endSessionEndpoint ?? '',
        };
    // The OpenID Connect form's own schema; its paths mapped onto the file's.
    const parsed = OidcIdpInputSchema.safeParse({
      name,
      clientId: oidc.clientId,
      clientSecret: '',
      scopes: oidc.scopes,
      automaticLogout: oidc.automaticLogout,
      tokenEndpointAuthMethod: oidc.tokenEndpointAuthMethod,
      endpoints,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, second, ...rest] = issue.path as (string | number)[];
        if (first === 'name') continue;
        const inner =
          first === 'endpoints'
            ? second === 'discoveryUrl'
              ? ['discoveryUrl']
              : ['endpoints', ...(second === undefined ? [] : [second]), ...rest]
            : [first!, ...(second === undefined ? [] : [second]), ...rest];
        problems.push({ path: [...path, ...inner], message: issue.message });
      }
      return oidc;
    }
    const input = parsed.data;
    const base = {
      clientId: input.clientId,
      ...(presence ? { clientSecret: { set: true } } : {}),
      scopes: [...new Set(input.scopes)],
      automaticLogout: input.automaticLogout,
      ...(input.tokenEndpointAuthMethod ? { tokenEndpointAuthMethod: input.tokenEndpointAuthMethod } : {}),
    };
    return input.endpoints.kind === 'discovery'
      ? { ...base, discoveryUrl: input.endpoints.discoveryUrl }
      : {
          ...base,
          endpoints: {
            issuer: input.endpoints.issuer,
            authorizationEndpoint: input.endpoints.authorizationEndpoint,
            tokenEndpoint: input.endpoints.tokenEndpoint,
            jwksUri: input.endpoints.jwksUri,
            userinfoEndpoint: input.endpoints.userinfoEndpoint || null,
            endSessionEndpoint: input.endpoints.endSessionEndpoint || null,
          },
        };
  }

  // ── The diff ─────────────────────────────────────────────────────────────────────────────────

  private compare(current: Current, want: ConfigFile): ConfigDiff {
    const have = current.file;
    const changes: ConfigChange[] = [];
    const single = (section: ConfigChange['section'], before: unknown, after: unknown) => {
      const fields = fieldsChanged(before, after);
      if (fields.length > 0)
        changes.push({ section, name: section, action: 'change', special: null, fields });
    };
    const keyed = <T>(
      section: ConfigChange['section'],
      before: T[],
      after: T[],
      key: (item: T) => string,
      label: (item: T) => string,
      view: (item: T) => unknown = (item) => item,
    ) => {
      const old = new Map(before.map((item) => [key(item), item]));
      const next = new Set(after.map(key));
      for (const item of before) {
        if (!next.has(key(item)))
          changes.push({ section, name: label(item), action: 'remove', special: null, fields: [] });
      }
      for (const item of after) {
        const existing = old.get(key(item));
        if (!existing) {
          changes.push({
            section,
            name: label(item),
            action: 'add',
            special: null,
            fields: fieldsChanged({}, view(item)),
          });
        } else {
          const fields = fieldsChanged(view(existing), view(item));
          if (fields.length > 0)
            changes.push({ section, name: label(item), action: 'change', special: null, fields });
        }
      }
    };
    single('organization', have.organization, want.organization);
    keyed(
      'domains',
      have.domains,
      want.domains,
      (d) => d.name,
      (d) => d.name,
    );
    single('mfaPolicy', have.mfaPolicy, want.mfaPolicy);
    keyed(
      'applications',
      have.applications,
      want.applications,
      (a) => a.key,
      (a) => a.key,
    );
    single('directory', have.directory, want.directory);
    const idpKey = (idp: IdpConfig) => (idp.kind === 'builtin' ? '\0builtin' : lower(idp.name));
    keyed('idps', have.idps, want.idps, idpKey, (i) => i.name, comparable);
    if (have.routing.defaultIdp !== want.routing.defaultIdp) {
      changes.push({
        section: 'routing',
        name: 'Default rule',
        action: current.defaultRule ? (want.routing.defaultIdp ? 'change' : 'remove') : 'add',
        special: 'defaultRule',
        fields: [{ field: 'idp', before: have.routing.defaultIdp, after: want.routing.defaultIdp }],
      });
    }
    keyed(
      'routing',
      have.routing.rules,
      want.routing.rules,
      (r) => lower(r.name),
      (r) => r.name,
    );
    // The order (R5): what it would be after removals and additions at the end, against the file's.
    const wanted = new Set(want.routing.rules.map((r) => lower(r.name)));
    const kept = have.routing.rules.map((r) => r.name).filter((n) => wanted.has(lower(n)));
    const keptSet = new Set(kept.map(lower));
    const expected = [
      ...kept,
      ...want.routing.rules.map((r) => r.name).filter((n) => !keptSet.has(lower(n))),
    ];
    const order = want.routing.rules.map((r) => r.name);
    if (expected.map(lower).join('\n') !== order.map(lower).join('\n')) {
      changes.push({
        section: 'routing',
        name: 'Order',
        action: 'change',
        special: 'order',
        fields: [{ field: 'order', before: shown(kept.join(', ')), after: shown(order.join(', ')) }],
      });
    }
    const warnings: ConfigDiff['warnings'] = [];
    const builtinRemoved = current.idps.has('\0builtin') && !want.idps.some((i) => i.kind === 'builtin');
    if (builtinRemoved && current.localUsers > 0) {
      warnings.push({
        code: 'localUsersDeleted',
        params: { idp: current.idps.get('\0builtin')!.name, count: current.localUsers },
      });
    }
    for (const idp of want.idps) {
      const had =
        have.routing.rules.some((r) => r.active && lower(r.idp) === lower(idp.name)) ||
        lower(have.routing.defaultIdp ?? '') === lower(idp.name);
      const has =
        want.routing.rules.some((r) => r.active && r.idp === idp.name) ||
        want.routing.defaultIdp === idp.name;
      if (had && !has) warnings.push({ code: 'idpWithoutActiveRule', params: { idp: idp.name } });
    }
    for (const idp of have.idps) {
      if (!want.idps.some((w) => idpKey(w) === idpKey(idp)))
        warnings.push({ code: 'idpRemoved', params: { idp: idp.name } });
    }
    const fingerprint = createHash('sha256').update(JSON.stringify({ changes, warnings })).digest('hex');
    return { changes, warnings, fingerprint };
  }

  // ── Applying ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The endpoints of each OIDC IdP that is added or changed, before the transaction (discovery
   * waits on the network): the stored ones while the discovery URL is unchanged.
   */
  private async resolveOidc(
    current: Current,
    want: ConfigFile,
    locate: Locate,
  ): Promise<Map<number, OidcEndpoints>> {
    const resolved = new Map<number, OidcEndpoints>();
    const problems: ConfigProblem[] = [];
    for (const [i, idp] of want.idps.entries()) {
      if (idp.kind !== 'oidc') continue;
      const before = this.currentIdp(current, idp);
      const path: ConfigPath = ['idps', i, 'oidc'];
      if (!before) {
        problems.push({
          path: [...path, 'clientSecret'],
          message: `"${idp.name}" is a new OpenID Connect IdP, and a configuration file carries no client secret. Add it once in the console (Identity providers → OpenID Connect) with its secret, then apply the file again.`,
        });
        continue;
      }
      if (before.kind !== 'oidc') continue; // reported by run()
      const { oidc } = idp;
      try {
        if (oidc.discoveryUrl !== undefined) {
          resolved.set(
            i,
            before.oidc!.discoveryUrl === oidc.discoveryUrl
              ? before.oidc!
              : await this.sso.discoverOidc(oidc.discoveryUrl),
          );
        } else {
          const e = oidc.endpoints!;
          resolved.set(
            i,
            validateManualOidc(
              {
                ...e,
                userinfoEndpoint: e.userinfoEndpoint ?? '',
                endSessionEndpoint: e.endSessionEndpoint ?? '',
              },
              oidc.automaticLogout,
            ),
          );
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const field = error.params?.field;
        problems.push({
          path:
            oidc.discoveryUrl !== undefined
              ? [...path, 'discoveryUrl']
              : [...path, 'endpoints', ...(field ? [String(field)] : [])],
          message: error.message,
        });
      }
    }
    if (problems.length > 0) throw configInvalid(problems, locate);
    return resolved;
  }

  /** Every change through the services, in one transaction; the preview rolls it back. */
  private run(
    current: Current,
    want: ConfigFile,
    endpoints: Map<number, OidcEndpoints>,
    locate: Locate,
    commit: boolean,
    diff?: ConfigDiff,
    beforeCommit?: () => void,
  ): void {
    try {
      this.db.transaction(() => {
        this.change(current, want, endpoints);
        if (!commit) throw new Rollback();
        beforeCommit?.();
        this.audit.record('config.apply', 'Configuration', null, {
          changes: diff!.changes.map((c) => `${c.action} ${c.section}: ${c.name}`),
        });
      })();
    } catch (error) {
      if (error instanceof Rollback) return;
      if (error instanceof StepError)
        throw configInvalid([{ path: error.path, message: error.message }], locate);
      throw error;
    } finally {
      this.sso.forgetCaches();
    }
  }

  private change(current: Current, want: ConfigFile, endpoints: Map<number, OidcEndpoints>): void {
    const have = current.file;
    const step = <T>(path: ConfigPath, fn: () => T, refine?: (error: AppError) => ConfigPath | null): T => {
      try {
        return fn();
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === ErrorCode.InvalidInput || error.code === ErrorCode.NotFound)
        ) {
          throw new StepError(refine?.(error) ?? path, error.message);
        }
        throw error;
      }
    };

    // Organization
    const o = want.organization;
    const h = have.organization;
    if (o.name !== h.name || o.dnsResolver !== h.dnsResolver || o.signinPort !== h.signinPort) {
      step(['organization'], () =>
        this.org.update({ name: o.name, dnsResolver: o.dnsResolver, signinPort: o.signinPort }),
      );
    }
    if (o.ssoEnabled !== h.ssoEnabled)
      step(['organization', 'ssoEnabled'], () => this.sso.setSsoEnabled(o.ssoEnabled));

    // Domains
    const wantDomains = new Map(want.domains.map((d, i) => [d.name, { ...d, i }]));
    for (const domain of have.domains) {
      if (!wantDomains.has(domain.name)) step(['domains'], () => this.org.deleteDomain(domain.name));
    }
    const haveDomains = new Map(have.domains.map((d) => [d.name, d]));
    want.domains.forEach((domain, i) => {
      const before = haveDomains.get(domain.name);
      if (!before) step(['domains', i, 'name'], () => this.org.addDomain(domain.name));
      if ((before?.claimed ?? false) !== domain.claimed) {
        step(['domains', i, 'claimed'], () => this.org.setDomainClaimed(domain.name, domain.claimed));
      }
    });

    if (!same(want.mfaPolicy, have.mfaPolicy)) {
      step(['mfaPolicy'], () => this.org.setMfaPolicy(want.mfaPolicy));
    }
    if (!same(want.directory, have.directory)) {
      step(['directory'], () => this.org.setDirectorySettings(want.directory));
    }

    // Applications
    const wantKeys = new Set(want.applications.map((a) => a.key));
    for (const app of have.applications) {
      if (!wantKeys.has(app.key))
        step(['applications'], () => {
          this.org.deleteApplication(current.applicationIds.get(app.key)!);
          // What the OpenID Provider issued to it ends with it (as in the console).
          forgetClient(this.db, app.key);
        });
    }
    const haveApps = new Map(have.applications.map((a) => [a.key, a]));
    want.applications.forEach((app, i) => {
      const before = haveApps.get(app.key);
      if (before && same(before, app)) return;
      step(['applications', i], () =>
        this.org.saveApplication(
          current.applicationIds.get(app.key) ?? null,
          ApplicationInputSchema.parse(app),
        ),
      );
    });

    // Identity providers: added and changed ones now; removed ones last, once no rule needs them.
    const idpIds = new Map<string, string>();
    const haveIdps = new Map(
      have.idps.map((idp) => [idp.kind === 'builtin' ? '\0builtin' : lower(idp.name), idp]),
    );
    want.idps.forEach((idp, i) => {
      const path: ConfigPath = ['idps', i];
      const key = idp.kind === 'builtin' ? '\0builtin' : lower(idp.name);
      const stored = current.idps.get(key);
      const before = haveIdps.get(key);
      if (stored && stored.kind !== idp.kind) {
        throw new StepError(
          [...path, 'kind'],
          `"${stored.name}" is a ${stored.kind} identity provider here; the kind cannot change. Give the new one another name.`,
        );
      }
      let id = stored?.id;
      if (idp.kind === 'builtin') {
        const name = stored?.name ?? BUILTIN_NAME;
        if (idp.name !== name) {
          throw new StepError(
            [...path, 'name'],
            `The built-in identity is called "${name}" and cannot be renamed.`,
          );
        }
        if (!stored) id = step(path, () => this.sso.addBuiltin(null)).id;
      } else if (idp.kind === 'saml') {
        const old = before?.kind === 'saml' ? before.saml : null;
        const source = (saml: SamlConfig) =>
          JSON.stringify({ ...saml, userIdAttribute: null, acknowledgeLessSecure: null });
        const sameSource = old !== null && source(old) === source(idp.saml);
        if (!stored || !same(settingsOf(before!), settingsOf(idp))) {
          const s = idp.saml;
          const input = sameSource
            ? { kind: 'current' as const }
            : isManualSaml(s)
              ? {
                  kind: 'manual' as const,
                  entityId: s.entityId!,
                  ssoUrl: s.ssoUrl!,
                  ssoBinding: s.ssoBinding!,
                  sloUrl: s.sloUrl ?? '',
                  certificatePem: s.certificate!,
                }
              : { kind: 'metadata' as const, xml: s.metadata! };
          id = step(
            [...path, 'saml'],
            () =>
              this.sso.saveSamlIdp(id ?? null, {
                name: idp.name,
                userIdAttribute: s.userIdAttribute,
                acknowledgeLessSecure: s.acknowledgeLessSecure,
                source: input,
              }),
            (error) =>
              error.reason === 'idp.duplicateName'
                ? [...path, 'name']
                : error.reason === 'saml.acknowledgeLessSecure'
                  ? [...path, 'saml', 'acknowledgeLessSecure']
                  : input.kind === 'metadata' && error.reason?.startsWith('metadata.')
                    ? [...path, 'saml', 'metadata']
                    : input.kind === 'manual' && error.reason?.startsWith('certificate.')
                      ? [...path, 'saml', 'certificate']
                      : null,
          ).id;
        }
      } else if (!stored || !same(settingsOf(before!), settingsOf(idp))) {
        const o2 = idp.oidc;
        id = step(
          [...path, 'oidc'],
          () =>
            this.sso.saveOidcIdpKeepingSecret(
              id ?? null,
              {
                name: idp.name,
                clientId: o2.clientId,
                scopes: o2.scopes,
                automaticLogout: o2.automaticLogout,
                tokenEndpointAuthMethod: o2.tokenEndpointAuthMethod,
                endpoints: o2.discoveryUrl
                  ? { kind: 'discovery', discoveryUrl: o2.discoveryUrl }
                  : {
                      kind: 'manual',
                      ...o2.endpoints!,
                      userinfoEndpoint: o2.endpoints!.userinfoEndpoint ?? '',
                      endSessionEndpoint: o2.endpoints!.endSessionEndpoint ?? '',
                    },
              },
              endpoints.get(i)!,
            ),
          (error) => (error.reason === 'idp.duplicateName' ? [...path, 'name'] : null),
        ).id;
      }
      idpIds.set(idp.name, id!);
      if (idp.kind !== 'builtin') {
        const jit: JitSettings = idp.jit ?? DEFAULT_JIT;
        const oldJit = before && before.kind !== 'builtin' ? (before.jit ?? DEFAULT_JIT) : DEFAULT_JIT;
        if (!same(jit, oldJit)) step([...path, 'jit'], () => this.sso.setJitSettings(id!, jit));
      }
      const activated = stored ? stored.activated : idp.kind === 'builtin';
      if (activated !== idp.activated)
        step([...path, 'activated'], () => this.sso.setActivated(id!, idp.activated));
    });

    // Routing: the default rule (created with the first IdP, I3), then rules out, changed, in, order.
    if (want.routing.defaultIdp !== null) {
      const target = idpIds.get(want.routing.defaultIdp)!;
      const rule = this.sso.listRules().find((r) => r.type === 'default');
      if (rule && rule.idpId !== target)
        step(['routing', 'defaultIdp'], () => this.sso.setDefaultIdp(target, true));
    }
    const wantRules = new Set(want.routing.rules.map((r) => lower(r.name)));
    for (const [key, rule] of current.rules) {
      if (!wantRules.has(key)) step(['routing', 'rules'], () => this.sso.deleteRule(rule.id, true));
    }
    const haveRules = new Map(have.routing.rules.map((r) => [lower(r.name), r]));
    const order: string[] = [];
    // A domain moving from one rule to another: the rule that gives it up is changed first (a
    // domain is in one rule only). Rules that exchange domains with each other are still refused.
    const heldBy = new Map<string, string>();
    for (const rule of have.routing.rules) {
      if (rule.type === 'domain') for (const value of rule.values) heldBy.set(value, lower(rule.name));
    }
    const takesFromAnother = (rule: RuleConfig) =>
      rule.type === 'domain' &&
      rule.values.some((value) => {
        const holder = heldBy.get(value);
        return holder !== undefined && holder !== lower(rule.name);
      });
    const sequence = want.routing.rules
      .map((rule, i) => ({ rule, i }))
      .sort((a, b) => Number(takesFromAnother(a.rule)) - Number(takesFromAnother(b.rule)));
    const ids = new Map<number, string>();
    sequence.forEach(({ rule, i }) => {
      const path: ConfigPath = ['routing', 'rules', i];
      const stored = current.rules.get(lower(rule.name));
      const before = haveRules.get(lower(rule.name));
      const input = {
        name: rule.name,
        type: rule.type,
        values: rule.values,
        idpId: idpIds.get(rule.idp)!,
        mfa: rule.mfa,
        mfaRequired: rule.mfaRequired,
      };
      const refine = (error: AppError): ConfigPath | null => {
        const index =
          error.params?.domain === undefined ? -1 : rule.values.indexOf(String(error.params.domain));
        return index >= 0 ? [...path, 'values', index] : null;
      };
      let id = stored?.id;
      if (!stored || !before || !same(without(before, 'active'), without(rule, 'active'))) {
        id = step(path, () => this.sso.saveRule(id ?? null, input, true), refine).id;
      }
      if ((stored?.active ?? false) !== rule.active) {
        step([...path, 'active'], () => this.sso.setRuleActive(id!, rule.active, true));
      }
      ids.set(i, id!);
    });
    want.routing.rules.forEach((_rule, i) => order.push(ids.get(i)!));
    const nowOrder = this.sso
      .listRules()
      .filter((r) => r.type !== 'default')
      .map((r) => r.id);
    if (nowOrder.join() !== order.join()) step(['routing', 'rules'], () => this.sso.reorderRules(order));

    // Removed IdPs: the one holding the default rule last (it can go only when it is the last IdP).
    const wantKeys2 = new Set(
      want.idps.map((idp) => (idp.kind === 'builtin' ? '\0builtin' : lower(idp.name))),
    );
    const removed = [...current.idps.entries()].filter(([key]) => !wantKeys2.has(key)).map(([, idp]) => idp);
    const defaultHolder = this.sso.listRules().find((r) => r.type === 'default')?.idpId;
    removed.sort((a, b) => Number(a.id === defaultHolder) - Number(b.id === defaultHolder));
    for (const idp of removed) step(['idps'], () => this.sso.removeIdp(idp.id, true));
  }
}
