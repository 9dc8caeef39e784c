/**
 * The admin console's domain: organization, domains, identity providers, routing rules, MFA policy,
 * applications and the audit log. The same zod schemas check IPC requests in main and validate the
 * renderer's forms, so both sides refuse the same input with the same words.
 *
 * The live sign-in (routing → IdP → JIT → MFA) runs on exactly these stored shapes.
 */
import { z } from 'zod';

// URL exists in every runtime shared/ runs in (Node, Chromium), but shared/ compiles without the
// DOM and Node type libraries on purpose; declare only what is used here.
declare const URL: new (input: string) => {
  protocol: string;
  hostname: string;
  username: string;
  password: string;
  hash: string;
};

export const Id = z.uuid();

export const DEFAULT_SIGNIN_PORT = 7480;

export const ADMIN_LIMITS = {
  nameMax: 120,
  domainsPerRule: 500,
  groupsPerRule: 500,
  groupMax: 256,
  rulesMax: 10_000,
  applicationsMax: 1_000,
  redirectUrisMax: 20,
  /** Metadata files larger than this are refused before parsing. */
  metadataMaxBytes: 1024 * 1024,
  certificateMaxBytes: 64 * 1024,
  pkcs12MaxBytes: 256 * 1024,
  urlMax: 2048,
  scopesMax: 30,
  clientIdMax: 512,
  clientSecretMax: 4096,
  passwordMin: 12,
  passwordMax: 1024,
  attributeNameMax: 256,
} as const;

/**
 * A DNS name as people type it: letters, digits and hyphens in labels, at least two labels,
 * lower-cased. (IDNs are entered in their punycode form, as DNS stores them.)
 */
export const DomainName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'Enter a domain name such as example.com.',
  );

export const Name = z.string().trim().min(1).max(ADMIN_LIMITS.nameMax);

export const GroupName = z.string().trim().min(1).max(ADMIN_LIMITS.groupMax);

/** http(s) URL; https unless it points at this machine (test IdPs run on loopback). */
export const EndpointUrl = z
  .string()
  .trim()
  .max(ADMIN_LIMITS.urlMax)
  .refine((value) => isAllowedEndpoint(value), {
    message: 'Enter an https:// address (http:// only for 127.0.0.1 or localhost).',
  });

export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

export function isAllowedEndpoint(value: string): boolean {
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

// ── Organization and domains ─────────────────────────────────────────────────────────────────

export const DomainSchema = z.object({
  name: z.string(),
  /** The value of the TXT record at `_tessera-verification.<name>`. */
  token: z.string(),
  recordName: z.string(),
  verifiedAt: z.number().nullable(),
  claimed: z.boolean(),
});
export type Domain = z.infer<typeof DomainSchema>;

export const OrganizationSchema = z.object({
  id: Id,
  name: z.string(),
  /** I5: SSO as a whole. Off → no SAML/OIDC IdP is used; the built-in identity still works. */
  ssoEnabled: z.boolean(),
  /** The DNS server "Verify" asks (host or host:port); null → the system's resolvers. */
  dnsResolver: z.string().nullable(),
  /** The sign-in service's port on 127.0.0.1; IdPs register URLs with it (ACS, redirect URI). */
  signinPort: z.number().int(),
  /** Derived from the org id and the port: what IdPs are told about Tessera. */
  sp: z.object({
    entityId: z.string(),
    acsUrl: z.string(),
    oidcRedirectUri: z.string(),
    sloUrl: z.string(),
    oidcPostLogoutRedirectUri: z.string(),
  }),
  domains: z.array(DomainSchema),
});
export type Organization = z.infer<typeof OrganizationSchema>;

// ── Certificates ─────────────────────────────────────────────────────────────────────────────

export const CertificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprintSha256: z.string(),
  /** e.g. "RSA 2048", "EC P-256". */
  keyAlgorithm: z.string(),
  selfSigned: z.boolean(),
});
export type CertificateInfo = z.infer<typeof CertificateInfoSchema>;

export const SP_CERT_KINDS = ['self-signed', 'ca-signed'] as const;
export const SP_KEY_TYPES = ['rsa-2048', 'rsa-3072', 'p-256'] as const;

/** The SP (Tessera) certificate; its private key is in the keychain, never here. */
export const SpCertificateSchema = z.object({
  id: Id,
  kind: z.enum(SP_CERT_KINDS),
  info: CertificateInfoSchema,
  certificatePem: z.string(),
  chainPems: z.array(z.string()),
  createdAt: z.number(),
});
export type SpCertificate = z.infer<typeof SpCertificateSchema>;

// ── Identity providers ───────────────────────────────────────────────────────────────────────

export const IDP_KINDS = ['saml', 'oidc', 'builtin'] as const;
export type IdpKind = (typeof IDP_KINDS)[number];

export const SAML_BINDINGS = ['HTTP-Redirect', 'HTTP-POST'] as const;
export type SamlBinding = (typeof SAML_BINDINGS)[number];

/** How the IdP's metadata reached us (S3): signed by a CA chaining to a public root, or not. */
export const METADATA_TRUST = ['public-root', 'self-signed', 'unsigned', 'manual'] as const;
export type MetadataTrust = (typeof METADATA_TRUST)[number];

export const SamlEndpointSchema = z.object({ binding: z.enum(SAML_BINDINGS), location: z.string() });

export const IdpCertificateSchema = CertificateInfoSchema.extend({ pem: z.string() });
export type IdpCertificate = z.infer<typeof IdpCertificateSchema>;

export const SamlSettingsSchema = z.object({
  entityId: z.string(),
  sso: SamlEndpointSchema,
  slo: SamlEndpointSchema.nullable(),
  /** Every signing certificate from the metadata: all are pinned, none is taken from a response. */
  signingCertificates: z.array(IdpCertificateSchema).min(1),
  trust: z.enum(METADATA_TRUST),
  /** Who signed the metadata (when it was signed). */
  metadataSigner: CertificateInfoSchema.nullable(),
  /** S4: the attribute that carries the user id. */
  userIdAttribute: z.string(),
});
export type SamlSettings = z.infer<typeof SamlSettingsSchema>;

/**
 * How Tessera authenticates to the token endpoint (RFC 6749 §2.3, OpenID Connect Core §9): the
 * client secret in an HTTP Basic header or in the form body, or a JWT signed with a key Tessera
 * keeps in the keychain (its public key in the JWKS the sign-in service publishes).
 */
export const TOKEN_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type TokenAuthMethod = (typeof TOKEN_AUTH_METHODS)[number];

/** The provider's endpoints, from its discovery document or entered by hand (O2). */
export const OidcEndpointsSchema = z.object({
  issuer: z.string(),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  jwksUri: z.string(),
  userinfoEndpoint: z.string().nullable(),
  endSessionEndpoint: z.string().nullable(),
  /** ID-token signing algorithms the provider announced that Tessera accepts; the first is pinned. */
  idTokenSigningAlgs: z.array(z.string()),
  /**
   * RFC 9207: the provider puts `iss` in every authorization response, so one without it is refused
   * (mix-up defence). From discovery; false for manual settings and for settings stored before it.
   */
  issParameterSupported: z.boolean().default(false),
  /**
   * The token endpoint authentication methods the provider announced (token_endpoint_auth_methods_
   * supported) that Tessera supports; client_secret_basic when it announced none (Discovery §3's
   * default); every method for manual settings, where nothing is announced.
   */
  tokenEndpointAuthMethods: z.array(z.enum(TOKEN_AUTH_METHODS)).default(['client_secret_basic']),
});
export type OidcEndpoints = z.infer<typeof OidcEndpointsSchema>;

export const OidcSettingsSchema = OidcEndpointsSchema.extend({
  discoveryUrl: z.string().nullable(),
  automaticLogout: z.boolean(),
  clientId: z.string(),
  scopes: z.array(z.string()),
  /** Settings stored before the choice existed used client_secret_basic. */
  tokenEndpointAuthMethod: z.enum(TOKEN_AUTH_METHODS).default('client_secret_basic'),
  /**
   * private_key_jwt: the public half of the key that signs client assertions (the private half is
   * in the keychain), as registered at the provider; null for the secret-based methods.
   */
  clientPublicJwk: z
    .object({ kty: z.string(), kid: z.string(), alg: z.string(), use: z.string() })
    .catchall(z.string())
    .nullable()
    .default(null),
  /** The secret itself is in the keychain; the renderer only learns that one is stored. */
  hasClientSecret: z.boolean(),
});
export type OidcSettings = z.infer<typeof OidcSettingsSchema>;

/** What an IdP looks like to the renderer. `status` is derived, never stored. */
export const IdpSchema = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(IDP_KINDS),
  /** S7: nothing takes effect until the admin activates the IdP. */
  activated: z.boolean(),
  /**
   * live: activated, has an active rule, and SSO is on (or it is the built-in identity);
   * not-activated; no-active-rule (R2); sso-off (I5).
   */
  status: z.enum(['live', 'not-activated', 'no-active-rule', 'sso-off']),
  saml: SamlSettingsSchema.nullable(),
  oidc: OidcSettingsSchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Idp = z.infer<typeof IdpSchema>;

export const SamlIdpInputSchema = z.strictObject({
  name: Name,
  userIdAttribute: z.string().trim().min(1).max(ADMIN_LIMITS.attributeNameMax),
  source: z.discriminatedUnion('kind', [
    /** Editing: keep the IdP's current metadata or manual settings. */
    z.strictObject({ kind: z.literal('current') }),
    z.strictObject({
      kind: z.literal('metadata'),
      xml: z
        .string()
        .min(1)
        .max(ADMIN_LIMITS.metadataMaxBytes * 2),
      /** The IdP of an aggregate with several (the whole document's signature is what is checked). */
      entityId: z.string().min(1).max(ADMIN_LIMITS.urlMax).optional(),
    }),
    z.strictObject({
      kind: z.literal('manual'),
      entityId: z.string().trim().min(1).max(ADMIN_LIMITS.urlMax),
      ssoUrl: EndpointUrl,
      ssoBinding: z.enum(SAML_BINDINGS),
      sloUrl: z.union([z.literal(''), EndpointUrl]),
      certificatePem: z.string().trim().min(1).max(ADMIN_LIMITS.certificateMaxBytes),
    }),
  ]),
  /** "Less secure" metadata (self-signed, unsigned, manual) must be acknowledged (S3). */
  acknowledgeLessSecure: z.boolean(),
});
export type SamlIdpInput = z.input<typeof SamlIdpInputSchema>;

export const OIDC_SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;

const OidcCommon = {
  name: Name,
  clientId: z.string().trim().min(1).max(ADMIN_LIMITS.clientIdMax),
  /** Empty when editing means "keep the stored secret". */
  clientSecret: z.string().max(ADMIN_LIMITS.clientSecretMax),
  scopes: z
    .array(z.string().regex(OIDC_SCOPE, 'A scope is one word without spaces or quotes.'))
    .min(1)
    .max(ADMIN_LIMITS.scopesMax)
    .refine((scopes) => scopes.includes('openid'), 'The scopes must include "openid".'),
  automaticLogout: z.boolean(),
  /** Absent: the first of client_secret_basic, client_secret_post, private_key_jwt the provider offers. */
  tokenEndpointAuthMethod: z.enum(TOKEN_AUTH_METHODS).optional(),
};

export const OidcIdpInputSchema = z.strictObject({
  ...OidcCommon,
  endpoints: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('discovery'), discoveryUrl: EndpointUrl }),
    z.strictObject({
      kind: z.literal('manual'),
      issuer: EndpointUrl,
      authorizationEndpoint: EndpointUrl,
      tokenEndpoint: EndpointUrl,
      jwksUri: EndpointUrl,
      userinfoEndpoint: z.union([z.literal(''), EndpointUrl]),
      endSessionEndpoint: z.union([z.literal(''), EndpointUrl]),
    }),
  ]),
});
export type OidcIdpInput = z.input<typeof OidcIdpInputSchema>;

// ── Local users of the built-in identity (B1) ────────────────────────────────────────────────

export const LocalUserSchema = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  createdAt: z.number(),
});
export type LocalUser = z.infer<typeof LocalUserSchema>;

export const Email = z.email().trim().toLowerCase().max(254);

export const LocalUserInputSchema = z.strictObject({
  email: Email,
  displayName: z.string().trim().max(ADMIN_LIMITS.nameMax),
  password: z.string().min(ADMIN_LIMITS.passwordMin).max(ADMIN_LIMITS.passwordMax),
});

// ── Routing rules (R1–R6) ────────────────────────────────────────────────────────────────────

export const RULE_TYPES = ['default', 'domain', 'group'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/**
 * R4's MFA choice: keep the org policy; override it with this rule's own setting (on or off);
 * or require MFA for people this rule routes.
 */
export const RULE_MFA = ['keep', 'override', 'enable'] as const;
export type RuleMfa = (typeof RULE_MFA)[number];

export const RoutingRuleSchema = z.object({
  id: Id,
  name: z.string(),
  type: z.enum(RULE_TYPES),
  /** Lower-case domains (type domain) or group names (type group); empty for the default rule. */
  values: z.array(z.string()),
  idpId: Id,
  mfa: z.enum(RULE_MFA),
  /** With mfa = override: whether this rule requires MFA. */
  mfaRequired: z.boolean(),
  active: z.boolean(),
  /** 0 is evaluated first; the default rule is always last. */
  priority: z.number().int(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

const RuleBodySchema = z.strictObject({
  name: Name,
  type: z.enum(['domain', 'group']),
  values: z.array(z.string().trim().min(1).max(253)).min(1).max(ADMIN_LIMITS.domainsPerRule),
  mfa: z.enum(RULE_MFA),
  mfaRequired: z.boolean(),
});

/** Each value a valid domain (or group name), none listed twice. */
function refineRuleValues(rule: z.infer<typeof RuleBodySchema>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  rule.values.forEach((raw, index) => {
    const value = rule.type === 'domain' ? DomainName.safeParse(raw) : GroupName.safeParse(raw);
    if (!value.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['values', index],
        message: value.error.issues[0]?.message ?? 'Invalid value.',
      });
      return;
    }
    const key = value.data.toLowerCase();
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['values', index], message: `"${raw}" is listed twice.` });
    }
    seen.add(key);
  });
}

export const RuleInputSchema = RuleBodySchema.extend({ idpId: Id }).superRefine(refineRuleValues);
/** The built-in identity's first rule (B1): its IdP does not exist yet. */
export const BuiltinRuleInputSchema = RuleBodySchema.superRefine(refineRuleValues);
export type BuiltinRuleInput = z.input<typeof BuiltinRuleInputSchema>;
export type RuleInput = z.input<typeof RuleInputSchema>;

// ── MFA policy (M1–M4) and applications ──────────────────────────────────────────────────────

export const MfaPolicySchema = z.strictObject({
  /** M1 */
  enabled: z.boolean(),
  /** M2 */
  allowPerUser: z.boolean(),
  /** M3: applications whose own switch is on require MFA. */
  mandatoryForApplications: z.boolean(),
  /** M4 */
  mandatoryForOrganization: z.boolean(),
});
export type MfaPolicy = z.infer<typeof MfaPolicySchema>;

/**
 * Applications sign in through Tessera's OpenID Provider (SPEC §2, M3). A confidential client
 * authenticates with a secret Tessera makes and keeps in the keychain (shown once); a public one
 * (a desktop or single-page app) has none and must use PKCE.
 */
export const CLIENT_TYPES = ['confidential', 'public'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
/** What an application may ask for besides `openid` (always granted). */
export const APPLICATION_SCOPES = ['profile', 'email', 'groups', 'offline_access'] as const;
export type ApplicationScope = (typeof APPLICATION_SCOPES)[number];

export const ApplicationSchema = z.object({
  id: Id,
  name: z.string(),
  /** What a sign-in names (e.g. "payroll"); unique; also the application's OAuth client_id. */
  key: z.string(),
  requireMfa: z.boolean(),
  clientType: z.enum(CLIENT_TYPES),
  /** Exact match only (no wildcards, no prefixes). */
  redirectUris: z.array(z.string()),
  postLogoutRedirectUris: z.array(z.string()),
  scopes: z.array(z.enum(APPLICATION_SCOPES)),
  /** First-party: the organization's own application, signed in without a consent screen. */
  firstParty: z.boolean(),
  /** Confidential clients: when the current secret was made; null while it has none. */
  secretCreatedAt: z.number().nullable(),
});
export type Application = z.infer<typeof ApplicationSchema>;

/** The loopback hosts RFC 8252 §7.3 lets a native app listen on over plain http. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A redirect URI an application may register: https; http only on a loopback address (a native
 * app or a developer's machine); or a private-use scheme in reverse-domain form (RFC 8252 §7.1,
 * "com.example.app:/callback"), for public clients only. Never a fragment, never userinfo.
 */
function redirectUriProblem(value: string, clientType: ClientType): string | null {
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL (for example https://app.example.com/callback).`;
  }
  if (url.hash !== '' || value.includes('#')) return `"${value}" has a fragment (#…); redirect URIs may not.`;
  if (url.username !== '' || url.password !== '') return `"${value}" carries a user name or password.`;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname)
      ? null
      : `"${value}" uses http on ${url.hostname}: use https (plain http only on localhost or 127.0.0.1).`;
  }
  if (/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/.test(url.protocol)) {
    return clientType === 'public'
      ? null
      : `"${value}" uses an app scheme: only a public (desktop or mobile) application may.`;
  }
  return `"${value}" uses ${url.protocol.replace(/:$/, '')}: use https, http on localhost, or an app scheme like com.example.app:/callback.`;
}

const UriList = z
  .array(z.string().trim().min(1).max(ADMIN_LIMITS.urlMax))
  .max(ADMIN_LIMITS.redirectUrisMax)
  .refine((uris) => new Set(uris).size === uris.length, 'A URI is listed twice.');

export const ApplicationInputSchema = z
  .strictObject({
    name: Name,
    key: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'Use letters, digits, ".", "_" or "-" (at most 64).'),
    requireMfa: z.boolean(),
    // Defaults: what an application registered before Tessera was an OpenID Provider becomes.
    clientType: z.enum(CLIENT_TYPES).default('confidential'),
    redirectUris: UriList.default([]),
    postLogoutRedirectUris: UriList.default([]),
    scopes: z
      .array(z.enum(APPLICATION_SCOPES))
      .max(APPLICATION_SCOPES.length)
      .default(['profile', 'email'])
      .transform((scopes) => APPLICATION_SCOPES.filter((scope) => scopes.includes(scope))),
    firstParty: z.boolean().default(true),
  })
  .superRefine((app, ctx) => {
    for (const field of ['redirectUris', 'postLogoutRedirectUris'] as const) {
      app[field].forEach((uri, index) => {
        const problem = redirectUriProblem(uri, app.clientType);
        if (problem) ctx.addIssue({ code: 'custom', path: [field, index], message: problem });
      });
    }
  });
export type ApplicationInput = z.input<typeof ApplicationInputSchema>;

/** A saved application; `clientSecret` only when this save made a new one (shown once). */
export const ApplicationSavedSchema = z.object({
  application: ApplicationSchema,
  clientSecret: z.string().nullable(),
});

/** Tessera's OpenID Provider as applications see it, and its signing keys (newest first). */
export const OpenIdProviderSchema = z.object({
  issuer: z.string(),
  discoveryUrl: z.string(),
  /** False while the sign-in service is not running (then applications cannot sign in). */
  running: z.boolean(),
  signingKeys: z.array(
    z.object({
      kid: z.string(),
      alg: z.string(),
      createdAt: z.number(),
      /** The key signs new tokens (exactly one does). */
      active: z.boolean(),
      /** A replaced key stays in the JWKS until its last token expires, then it is deleted. */
      removedAt: z.number().nullable(),
    }),
  ),
});
export type OpenIdProvider = z.infer<typeof OpenIdProviderSchema>;

/** Why MFA is or is not required; the renderer translates each. */
export const MFA_REASONS = [
  'rule-enables',
  'rule-override-on',
  'rule-override-off',
  'org-mandatory-beats-override',
  'org-off',
  'org-mandatory',
  'application-mandatory',
  'user-opted-in',
  'not-required',
] as const;
export type MfaReason = (typeof MFA_REASONS)[number];

export const MfaDecisionSchema = z.object({ required: z.boolean(), reason: z.enum(MFA_REASONS) });
export type MfaDecision = z.infer<typeof MfaDecisionSchema>;

// ── Routing simulator ────────────────────────────────────────────────────────────────────────

export const RULE_MISS_REASONS = [
  'inactive',
  'idp-not-live',
  'domain-differs',
  'no-group-in-common',
  'earlier-rule-matched',
] as const;

export const SimulationSchema = z.object({
  email: z.string(),
  /** The rule that routes this person, or null when none applies (no live IdP). */
  matched: z
    .object({ ruleId: Id, ruleName: z.string(), idpId: Id, idpName: z.string(), idpKind: z.enum(IDP_KINDS) })
    .nullable(),
  mfa: MfaDecisionSchema.nullable(),
  /** Every other rule, in priority order, with why it did not route this person. */
  others: z.array(z.object({ ruleId: Id, ruleName: z.string(), reason: z.enum(RULE_MISS_REASONS) })),
});
export type Simulation = z.infer<typeof SimulationSchema>;

export const SimulationInputSchema = z.strictObject({
  email: Email,
  groups: z.array(GroupName).max(ADMIN_LIMITS.groupsPerRule),
  applicationKey: z.string().trim().max(64),
  userOptedIn: z.boolean(),
});

// ── Audit log ────────────────────────────────────────────────────────────────────────────────

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  /** e.g. "idp.create", "rule.reorder" */
  action: z.string(),
  /** What was changed, e.g. the IdP's name. */
  target: z.string(),
  /** JSON with secrets redacted; null when there was nothing before (create) or after (delete). */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
