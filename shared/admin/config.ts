/**
 * Configuration as code (SPEC §4): the organization's configuration as one YAML document, without
 * secrets, and the diff an import shows before it is applied.
 *
 * The file describes the whole configuration: every section is required, and an object that is
 * not in its section is removed on apply. Objects are matched by what the admin sees and cannot
 * clash: identity providers by name (the built-in identity by its kind), routing rules by name,
 * applications by key, domains by name. A new name is an addition, so renaming is remove + add.
 *
 * This schema checks the shape; the meaning (URLs, metadata, rule values, mapping) is checked by
 * the same schemas and services the console's forms go through, so both refuse the same input.
 */
import { z } from 'zod';
import { ADMIN_LIMITS, RULE_MFA, SAML_BINDINGS, TOKEN_AUTH_METHODS } from './schemas';
import { DirectorySettingsSchema, JitSettingsSchema } from './directory';

export const CONFIG_FILE_VERSION = 1;

/** A file larger than this is refused before it is parsed (metadata of a few IdPs fits easily). */
export const CONFIG_FILE_MAX_BYTES = 8 * 1024 * 1024;

const Text = z.string();

/** Stands for a secret that stays in the keychain; a secret's value is never written or read. */
export const SecretPresenceSchema = z.strictObject({ set: z.literal(true) });

const SamlConfigSchema = z.strictObject({
  userIdAttribute: Text,
  /** The "less secure" acknowledgement (S3), required unless the metadata chains to a public root. */
  acknowledgeLessSecure: z.boolean().default(false),
  /** The IdP's metadata XML as uploaded: parsed and its signature checked again on apply. */
  metadata: Text.optional(),
  /** Or the settings entered by hand (no metadata). */
  entityId: Text.optional(),
  ssoUrl: Text.optional(),
  ssoBinding: z.enum(SAML_BINDINGS).optional(),
  sloUrl: Text.nullable().optional(),
  certificate: Text.optional(),
});

const OidcEndpointsConfigSchema = z.strictObject({
  issuer: Text,
  authorizationEndpoint: Text,
  tokenEndpoint: Text,
  jwksUri: Text,
  userinfoEndpoint: Text.nullable().default(null),
  endSessionEndpoint: Text.nullable().default(null),
});

const OidcConfigSchema = z.strictObject({
  clientId: Text,
  /** `{ set: true }`: the client secret in the keychain is kept. A value here is refused. */
  clientSecret: z.unknown().optional(),
  scopes: z.array(Text),
  automaticLogout: z.boolean(),
  /** How Tessera authenticates at the token endpoint; absent: the first the provider offers. */
  tokenEndpointAuthMethod: z.enum(TOKEN_AUTH_METHODS).optional(),
  /** Endpoints from this discovery document (fetched again when it changes) … */
  discoveryUrl: Text.optional(),
  /** … or entered by hand. */
  endpoints: OidcEndpointsConfigSchema.optional(),
});

const IdpCommon = { name: Text, activated: z.boolean() };

export const IdpConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...IdpCommon,
    kind: z.literal('saml'),
    saml: SamlConfigSchema,
    jit: JitSettingsSchema.optional(),
  }),
  z.strictObject({
    ...IdpCommon,
    kind: z.literal('oidc'),
    oidc: OidcConfigSchema,
    jit: JitSettingsSchema.optional(),
  }),
  z.strictObject({ ...IdpCommon, kind: z.literal('builtin') }),
]);
export type IdpConfig = z.infer<typeof IdpConfigSchema>;

export const RuleConfigSchema = z.strictObject({
  name: Text,
  type: z.enum(['domain', 'group']),
  values: z.array(Text),
  /** The IdP's name, as in `idps`. */
  idp: Text,
  mfa: z.enum(RULE_MFA),
  mfaRequired: z.boolean().default(false),
  active: z.boolean(),
});
export type RuleConfig = z.infer<typeof RuleConfigSchema>;

export const ConfigFileSchema = z.strictObject({
  version: z.literal(CONFIG_FILE_VERSION),
  organization: z.strictObject({
    name: Text,
    signinPort: z.number().int().min(1024).max(65535),
    dnsResolver: Text.nullable(),
    /** I5: SSO as a whole. */
    ssoEnabled: z.boolean(),
  }),
  /** Verification is per organization (a DNS record): a new domain arrives unverified. */
  domains: z.array(z.strictObject({ name: Text, claimed: z.boolean() })),
  mfaPolicy: z.strictObject({
    enabled: z.boolean(),
    allowPerUser: z.boolean(),
    mandatoryForApplications: z.boolean(),
    mandatoryForOrganization: z.boolean(),
  }),
  /** OpenID Provider clients; their secrets stay in the keychain (a new confidential one gets its secret in the console). */
  applications: z.array(
    z.strictObject({
      key: Text,
      name: Text,
      requireMfa: z.boolean(),
      clientType: Text.optional(),
      redirectUris: z.array(Text).max(100).optional(),
      postLogoutRedirectUris: z.array(Text).max(100).optional(),
      scopes: z.array(Text).max(100).optional(),
      firstParty: z.boolean().optional(),
    }),
  ),
  directory: DirectorySettingsSchema,
  idps: z.array(IdpConfigSchema).max(1000),
  routing: z.strictObject({
    /** The IdP the default rule sends everyone else to; null only when there is no IdP. */
    defaultIdp: Text.nullable(),
    /** In priority order: the first that matches routes the person. */
    rules: z.array(RuleConfigSchema).max(ADMIN_LIMITS.rulesMax),
  }),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

// ── The diff ─────────────────────────────────────────────────────────────────────────────────

export const CONFIG_SECTIONS = [
  'organization',
  'domains',
  'mfaPolicy',
  'applications',
  'directory',
  'idps',
  'routing',
] as const;

export const ConfigChangeSchema = z.object({
  section: z.enum(CONFIG_SECTIONS),
  /** The object's name (IdP, rule, application key, domain), or the section's own name. */
  name: z.string(),
  action: z.enum(['add', 'change', 'remove']),
  /** Not an object of its own: the default rule's IdP, or the rules' order (R3, R5). */
  special: z.enum(['defaultRule', 'order']).nullable(),
  /** For a change: each field that differs (long values shortened; never a secret). */
  fields: z.array(
    z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});
export type ConfigChange = z.infer<typeof ConfigChangeSchema>;

export const CONFIG_WARNINGS = ['idpWithoutActiveRule', 'localUsersDeleted', 'idpRemoved'] as const;

export const ConfigDiffSchema = z.object({
  changes: z.array(ConfigChangeSchema),
  /** What the admin should know before applying (R6, I4), with the values to show. */
  warnings: z.array(
    z.object({
      code: z.enum(CONFIG_WARNINGS),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
  /**
   * Names this exact diff against the current configuration: apply refuses when it no longer
   * matches (someone changed the configuration after the preview).
   */
  fingerprint: z.string(),
});
export type ConfigDiff = z.infer<typeof ConfigDiffSchema>;
