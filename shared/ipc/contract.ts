/**
 * The one contract between the renderer and the main process. Each channel is `domain:noun:verb`
 * with a zod request and response schema; both transports (Electron IPC, browser-mode HTTP) are
 * checked against it by the same gate. Requests are strict: unknown keys (including `__proto__`)
 * are refused, never ignored. Responses are parsed too, so a field a service adds by mistake (a
 * secret, say) is stripped before it can cross the boundary.
 */
import { z } from 'zod';
import { CHANNEL_NAMES } from './channels';
import { KEYCHAIN_PROBLEMS } from './errors';
import {
  ADMIN_LIMITS,
  Id,
  ApplicationInputSchema,
  ApplicationSavedSchema,
  OpenIdProviderSchema,
  BuiltinRuleInputSchema,
  ApplicationSchema,
  AuditEntrySchema,
  CertificateInfoSchema,
  DomainName,
  DomainSchema,
  Email,
  IdpSchema,
  LocalUserInputSchema,
  LocalUserSchema,
  MfaPolicySchema,
  Name,
  OidcEndpointsSchema,
  OidcIdpInputSchema,
  OrganizationSchema,
  RoutingRuleSchema,
  RuleInputSchema,
  SamlEndpointSchema,
  SamlIdpInputSchema,
  SimulationInputSchema,
  SimulationSchema,
  SP_KEY_TYPES,
  SpCertificateSchema,
  EndpointUrl,
  IdpCertificateSchema,
  METADATA_TRUST,
} from '../admin/schemas';
import { AuthenticatorSettingsSchema } from '../otp/settings';
import { CONFIG_FILE_MAX_BYTES, ConfigDiffSchema } from '../admin/config';
import { ClockCheckResultSchema } from '../otp/clock-check';
import {
  AutoLockMinutesSchema,
  GivenPasswordSchema,
  LockPasswordSchema,
  LockStatusSchema,
} from '../app/lock';
import {
  DirectorySettingsSchema,
  DirectoryUserSchema,
  JitSettingsSchema,
  ProvisioningPlanSchema,
  SsoTestSchema,
} from '../admin/directory';
import {
  CertificatesOverviewSchema,
  IdpRenewalPreviewSchema,
  IdpRenewalSourceSchema,
  RolloverStartSchema,
  SpCertificateImportSchema,
  SpDownloadSchema,
  SpRolloverSchema,
} from '../admin/certificates';
import { MIGRATION_ENTRY_PROBLEMS, OTP_ALGORITHMS, OTP_LIMITS, OTP_TYPES } from '../otp/limits';
import {
  AlertRuleSchema,
  AlertSchema,
  MailTestResultSchema,
  NewUserEmailSettingsSchema,
  SmtpSettingsInputSchema,
  SmtpSettingsSchema,
  WelcomeMailStatusSchema,
} from '../admin/alerts';

export const TotpAccountSchema = z.object({
  id: Id,
  issuer: z.string(),
  accountName: z.string(),
  type: z.enum(OTP_TYPES),
  algorithm: z.enum(OTP_ALGORITHMS),
  digits: z.number().int(),
  period: z.number().int(),
  /** HOTP only: the counter of the code currently shown. */
  counter: z.number().int().nullable(),
  createdAt: z.number(),
});
export type TotpAccount = z.infer<typeof TotpAccountSchema>;

export const TotpCodeSchema = z.object({
  id: Id,
  code: z.string(),
  /** TOTP: when this code stops being valid (ms since epoch). HOTP: null. */
  validUntil: z.number().nullable(),
  period: z.number().int(),
});
export type TotpCode = z.infer<typeof TotpCodeSchema>;

/** The manual-entry form; the renderer validates with this same schema before sending. */
export const ManualAccountInputSchema = z.strictObject({
  kind: z.literal('manual'),
  issuer: z.string().trim().max(OTP_LIMITS.issuerMaxLength),
  accountName: z.string().trim().min(1).max(OTP_LIMITS.accountNameMaxLength),
  secret: z.string().min(1).max(OTP_LIMITS.secretMaxLength),
  type: z.enum(OTP_TYPES),
  algorithm: z.enum(OTP_ALGORITHMS),
  digits: z.number().int().min(OTP_LIMITS.digitsMin).max(OTP_LIMITS.digitsMax),
  period: z.number().int().min(OTP_LIMITS.periodMin).max(OTP_LIMITS.periodMax),
  counter: z.number().int().min(0).max(OTP_LIMITS.counterMax),
});
export type ManualAccountInput = z.infer<typeof ManualAccountInputSchema>;

/** Renaming an account; the same limits as when it was added. */
export const AccountNamesSchema = z.strictObject({
  issuer: z.string().trim().max(OTP_LIMITS.issuerMaxLength),
  accountName: z.string().trim().min(1).max(OTP_LIMITS.accountNameMaxLength),
});
export type AccountNames = z.infer<typeof AccountNamesSchema>;

export const UriAccountInputSchema = z.strictObject({
  kind: z.literal('uri'),
  uri: z.string().min(1).max(OTP_LIMITS.uriMaxLength),
});

/** What an import would add: never a secret (secrets flow one way, into the main process). */
export const MigrationPreviewSchema = z.object({
  batchId: Id,
  entries: z.array(
    z.object({
      index: z.number().int(),
      issuer: z.string(),
      accountName: z.string(),
      type: z.enum(OTP_TYPES),
      algorithm: z.enum(OTP_ALGORITHMS).nullable(),
      digits: z.number().int().nullable(),
      problem: z.enum(MIGRATION_ENTRY_PROBLEMS).nullable(),
      /** An account already in Tessera with the same secret. */
      duplicateOf: Id.nullable(),
    }),
  ),
  /** Parts of a multi-code export that were not scanned (1-based), and how many there are. */
  missingParts: z.array(z.number().int()),
  totalParts: z.number().int(),
});
export type MigrationPreview = z.infer<typeof MigrationPreviewSchema>;

export const AppStatusSchema = z.object({
  version: z.string(),
  keychain: z.object({
    available: z.boolean(),
    problem: z.enum(KEYCHAIN_PROBLEMS).nullable(),
    detail: z.string().nullable(),
  }),
  /** Null while the store is not open (then nothing else answers either). */
  lock: LockStatusSchema.nullable(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

const Empty = z.strictObject({});

const ConfigContent = z.string().min(1).max(CONFIG_FILE_MAX_BYTES);

const XmlFile = z.object({ fileName: z.string(), xml: z.string() });

/** What the SAML wizard shows before saving: the parsed metadata and how far to trust it. */
export const SamlMetadataPreviewSchema = z.object({
  entityId: z.string(),
  sso: SamlEndpointSchema,
  slo: SamlEndpointSchema.nullable(),
  signingCertificates: z.array(IdpCertificateSchema),
  trust: z.enum(METADATA_TRUST),
  signer: CertificateInfoSchema.nullable(),
  validUntil: z.string().nullable(),
  /** Expired certificates of a rollover set, left out (C1). */
  expiredCertificates: z.array(CertificateInfoSchema),
});
export type SamlMetadataPreview = z.infer<typeof SamlMetadataPreviewSchema>;

/** A deliberate "yes" the renderer sends only after the person confirmed a warning. */
const Acknowledged = z.boolean();

const adminContract = {
  'admin:org:get': { request: Empty, response: OrganizationSchema },
  'admin:org:update': {
    request: z.strictObject({
      name: Name,
      dnsResolver: z.string().trim().max(64).nullable(),
      signinPort: z.number().int().min(1024).max(65535),
    }),
    response: OrganizationSchema,
  },
  'admin:domain:add': { request: z.strictObject({ name: DomainName }), response: DomainSchema },
  'admin:domain:verify': { request: z.strictObject({ name: DomainName }), response: DomainSchema },
  'admin:domain:claim': {
    request: z.strictObject({ name: DomainName, claimed: z.boolean() }),
    response: DomainSchema,
  },
  'admin:domain:delete': { request: z.strictObject({ name: DomainName }), response: Empty },
  'admin:audit:list': {
    request: z.strictObject({
      text: z.string().max(200).optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500),
    }),
    response: z.array(AuditEntrySchema),
  },
  /** I5: all SAML/OIDC IdPs at once; turning it off must be confirmed. */
  'sso:sso:set-enabled': {
    request: z.strictObject({ enabled: z.boolean(), confirm: z.literal(true) }),
    response: OrganizationSchema,
  },
  'sso:sp-certificate:get': { request: Empty, response: SpCertificateSchema.nullable() },
  'sso:sp-certificate:generate': {
    request: z.strictObject({ keyType: z.enum(SP_KEY_TYPES) }),
    response: SpCertificateSchema,
  },
  /** A CA-signed certificate with its key (S1): the key goes to the keychain and never comes back. */
  'sso:sp-certificate:import': {
    request: SpCertificateImportSchema,
    response: SpCertificateSchema,
  },
  /** S2: the SP metadata file, optionally signed with the SP key. */
  'sso:sp-metadata:get': { request: z.strictObject({ signed: z.boolean() }), response: XmlFile },
  'sso:saml-metadata:preview': {
    request: z.strictObject({
      xml: z
        .string()
        .min(1)
        .max(ADMIN_LIMITS.metadataMaxBytes * 2),
      /** Which IdP of an aggregate (EntitiesDescriptor) with several; see sso:saml-metadata:entities. */
      entityId: z.string().min(1).max(ADMIN_LIMITS.urlMax).optional(),
    }),
    response: SamlMetadataPreviewSchema,
  },
  /** The IdPs a metadata file describes (a federation's aggregate lists many), signature checked. */
  'sso:saml-metadata:entities': {
    request: z.strictObject({
      xml: z
        .string()
        .min(1)
        .max(ADMIN_LIMITS.metadataMaxBytes * 2),
    }),
    response: z.array(z.object({ entityId: z.string(), displayName: z.string().nullable() })),
  },
  'sso:oidc:discover': {
    request: z.strictObject({ discoveryUrl: EndpointUrl }),
    response: OidcEndpointsSchema,
  },
  'sso:idp:list': { request: Empty, response: z.array(IdpSchema) },
  'sso:idp:save-saml': {
    request: z.strictObject({ id: Id.nullable(), idp: SamlIdpInputSchema }),
    response: IdpSchema,
  },
  'sso:idp:save-oidc': {
    request: z.strictObject({ id: Id.nullable(), idp: OidcIdpInputSchema }),
    response: IdpSchema,
  },
  /** B1: after the admin acknowledged how the built-in identity works; with its rule, or none yet. */
  'sso:idp:add-builtin': {
    request: z.strictObject({
      acknowledged: z.literal(true),
      rule: BuiltinRuleInputSchema.nullable(),
    }),
    response: IdpSchema,
  },
  'sso:idp:metadata': { request: z.strictObject({ id: Id }), response: XmlFile },
  'sso:idp:set-activated': {
    request: z.strictObject({ id: Id, activated: z.boolean() }),
    response: IdpSchema,
  },
  'sso:idp:delete': {
    request: z.strictObject({ id: Id, deleteRules: z.boolean(), confirm: z.literal(true) }),
    response: Empty,
  },
  'sso:user:list': { request: Empty, response: z.array(LocalUserSchema) },
  'sso:user:add': { request: LocalUserInputSchema, response: LocalUserSchema },
  'sso:user:delete': { request: z.strictObject({ id: Id }), response: Empty },
  'routing:rule:list': { request: Empty, response: z.array(RoutingRuleSchema) },
  'routing:rule:save': {
    request: z.strictObject({ id: Id.nullable(), rule: RuleInputSchema, acknowledged: Acknowledged }),
    response: RoutingRuleSchema,
  },
  'routing:rule:set-active': {
    request: z.strictObject({ id: Id, active: z.boolean(), acknowledged: Acknowledged }),
    response: RoutingRuleSchema,
  },
  'routing:rule:delete': {
    request: z.strictObject({ id: Id, acknowledged: Acknowledged }),
    response: Empty,
  },
  'routing:rule:reorder': {
    request: z.strictObject({ ids: z.array(Id).max(ADMIN_LIMITS.rulesMax) }),
    response: z.array(RoutingRuleSchema),
  },
  'routing:default:set-idp': {
    request: z.strictObject({ idpId: Id, acknowledged: Acknowledged }),
    response: RoutingRuleSchema,
  },
  'routing:simulate': { request: SimulationInputSchema, response: SimulationSchema },
  'mfa:policy:get': { request: Empty, response: MfaPolicySchema },
  'mfa:policy:set': { request: MfaPolicySchema, response: MfaPolicySchema },
  'mfa:application:list': { request: Empty, response: z.array(ApplicationSchema) },
  'mfa:application:save': {
    request: z.strictObject({ id: Id.nullable(), application: ApplicationInputSchema }),
    response: ApplicationSavedSchema,
  },
  'mfa:application:delete': { request: z.strictObject({ id: Id }), response: Empty },
  /** A new secret for a confidential application; the old one stops working at once. Shown once. */
  'mfa:application:new-secret': {
    request: z.strictObject({ id: Id, confirm: z.literal(true) }),
    response: z.object({ clientSecret: z.string() }),
  },
  'op:provider:get': { request: Empty, response: OpenIdProviderSchema },
  /** A new signing key signs from now on; the old one stays published until its tokens expire. */
  'op:signing-key:rotate': {
    request: z.strictObject({ confirm: z.literal(true) }),
    response: OpenIdProviderSchema,
  },
  'sso:broker:get': {
    request: Empty,
    response: z.object({ url: z.string(), running: z.boolean(), problem: z.string().nullable() }),
  },
  'sso:test:start': {
    request: z.strictObject({ idpId: Id }),
    response: z.object({ id: Id, url: z.string() }),
  },
  'sso:test:get': { request: z.strictObject({ id: Id }), response: SsoTestSchema },
  'sso:jit:get': { request: z.strictObject({ idpId: Id }), response: JitSettingsSchema },
  'sso:jit:set': {
    request: z.strictObject({ idpId: Id, jit: JitSettingsSchema }),
    response: JitSettingsSchema,
  },
  'directory:settings:get': { request: Empty, response: DirectorySettingsSchema },
  'directory:settings:set': { request: DirectorySettingsSchema, response: DirectorySettingsSchema },
  /** Configuration as code (SPEC §4): the whole organization configuration as YAML, no secrets. */
  'admin:config:export': {
    request: Empty,
    response: z.object({ fileName: z.string(), content: z.string() }),
  },
  /** Parses and checks a configuration file and shows what applying it would change; changes nothing. */
  'admin:config:diff': {
    request: z.strictObject({ content: ConfigContent }),
    response: ConfigDiffSchema,
  },
  /** Applies it in one transaction, if the changes are still those of the preview (its fingerprint). */
  'admin:config:apply': {
    request: z.strictObject({ content: ConfigContent, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
    response: ConfigDiffSchema,
  },
  'directory:user:list': {
    request: z.strictObject({ query: z.string().max(200) }),
    response: z.array(DirectoryUserSchema),
  },
  'directory:user:reset-mfa': { request: z.strictObject({ id: Id }), response: DirectoryUserSchema },
  'directory:mapping:preview': {
    request: z.strictObject({
      idpId: Id,
      /**
       * What the IdP sent: the last Test SSO's claims, attributes typed in, or a pasted SAML
       * assertion (read without its signature: a preview writes nothing). The user to compare with
       * is found as JIT would find them.
       */
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('last-test') }),
        z.strictObject({
          kind: z.literal('attributes'),
          claims: z.record(
            z.string().max(ADMIN_LIMITS.attributeNameMax),
            z.array(z.string().max(4096)).max(500),
          ),
        }),
        z.strictObject({
          kind: z.literal('saml'),
          xml: z.string().min(1).max(ADMIN_LIMITS.metadataMaxBytes),
        }),
      ]),
    }),
    response: ProvisioningPlanSchema,
  },
} as const;

/** The Certificates page (C1, C2): the inventory, the SP certificate renewal, IdP renewal. */
const certificatesContract = {
  'sso:certificate:list': { request: Empty, response: CertificatesOverviewSchema },
  'sso:sp-rollover:start': { request: RolloverStartSchema, response: SpRolloverSchema },
  /** "All IdPs updated" (several certificates) or "switch now" (one): sign with the new key. */
  'sso:sp-rollover:switch': {
    request: z.strictObject({ confirm: z.literal(true) }),
    response: SpRolloverSchema.nullable(),
  },
  /** The old certificate leaves the metadata, its key the keychain. */
  'sso:sp-rollover:finish': { request: z.strictObject({ confirm: z.literal(true) }), response: Empty },
  'sso:sp-rollover:cancel': { request: z.strictObject({ confirm: z.literal(true) }), response: Empty },
  'sso:sp-rollover:download': {
    request: SpDownloadSchema.extend({ signed: z.boolean() }),
    response: z.object({ fileName: z.string(), content: z.string() }),
  },
  'sso:idp-renewal:preview': {
    request: z.strictObject({ idpId: Id, source: IdpRenewalSourceSchema }),
    response: IdpRenewalPreviewSchema,
  },
  /** Test SSO with the candidate metadata, before it is saved. */
  'sso:idp-renewal:test': {
    request: z.strictObject({
      idpId: Id,
      xml: z
        .string()
        .min(1)
        .max(ADMIN_LIMITS.metadataMaxBytes * 2),
    }),
    response: z.object({ id: Id, url: z.string() }),
  },
  'sso:idp-renewal:save': {
    request: z.strictObject({
      idpId: Id,
      xml: z
        .string()
        .min(1)
        .max(ADMIN_LIMITS.metadataMaxBytes * 2),
      acknowledgeLessSecure: Acknowledged,
    }),
    response: IdpSchema,
  },
} as const;

/** Certificate expiry alerts (C4, C5), the mail server, and the welcome email to new users (C6). */
const alertsContract = {
  'alerts:smtp:get': { request: Empty, response: SmtpSettingsSchema.nullable() },
  /** The password goes to the keychain; an empty one keeps the stored password for the same server. */
  'alerts:smtp:set': { request: SmtpSettingsInputSchema, response: SmtpSettingsSchema },
  /** A test email through the settings in the form, saved or not; the server's answer comes back. */
  'alerts:smtp:test': {
    request: z.strictObject({ smtp: SmtpSettingsInputSchema, to: Email }),
    response: MailTestResultSchema,
  },
  'alerts:rule:list': { request: Empty, response: z.array(AlertRuleSchema) },
  'alerts:rule:set': { request: AlertRuleSchema, response: AlertRuleSchema },
  /** The alert centre: every alert, newest first, with each channel's delivery. */
  'alerts:alert:list': { request: Empty, response: z.array(AlertSchema) },
  'alerts:alert:acknowledge': { request: z.strictObject({ id: Id }), response: AlertSchema },
  /** The console showed these alerts' notifications (browser mode; the desktop app shows its own). */
  'alerts:alert:notified': { request: z.strictObject({ ids: z.array(Id).max(1000) }), response: Empty },
  'admin:new-user-email:get': {
    request: Empty,
    response: z.object({ settings: NewUserEmailSettingsSchema, status: WelcomeMailStatusSchema }),
  },
  'admin:new-user-email:set': {
    request: NewUserEmailSettingsSchema,
    response: z.object({ settings: NewUserEmailSettingsSchema, status: WelcomeMailStatusSchema }),
  },
} as const;

export const contract = {
  'app:status:get': { request: Empty, response: AppStatusSchema },
  /** The app lock. While locked, only app:status:get, app:lock:unlock and app:lock:lock answer. */
  'app:lock:unlock': {
    request: z.strictObject({ password: GivenPasswordSchema }),
    response: LockStatusSchema,
  },
  'app:lock:lock': { request: Empty, response: LockStatusSchema },
  /** The person is using the app (keeps auto-lock away); sent at most every few seconds. */
  'app:lock:activity': { request: Empty, response: Empty },
  /** Turns the lock on, or changes its password (the current one is then required). */
  'app:lock:set-password': {
    request: z.strictObject({
      currentPassword: GivenPasswordSchema.optional(),
      newPassword: LockPasswordSchema,
    }),
    response: LockStatusSchema,
  },
  'app:lock:set-auto-lock': {
    /** A longer time (or none) needs the password; a shorter one does not. */
    request: z.strictObject({ minutes: AutoLockMinutesSchema, password: GivenPasswordSchema.optional() }),
    response: LockStatusSchema,
  },
  'app:lock:disable': {
    request: z.strictObject({ password: GivenPasswordSchema }),
    response: LockStatusSchema,
  },
  'totp:account:list': { request: Empty, response: z.array(TotpAccountSchema) },
  'totp:account:add': {
    request: z.discriminatedUnion('kind', [UriAccountInputSchema, ManualAccountInputSchema]),
    response: TotpAccountSchema,
  },
  'totp:account:update': {
    request: AccountNamesSchema.extend({ id: Id }),
    response: TotpAccountSchema,
  },
  /** The complete new order: every account id exactly once. */
  'totp:account:reorder': {
    request: z.strictObject({ ids: z.array(Id).max(10_000) }),
    response: z.array(TotpAccountSchema),
  },
  /**
   * A deliberate exception to "secrets flow one way" (see also export:plain): a QR code of the
   * account, to move it to a phone. Only after the person confirmed a warning (the literal below), and only as an image.
   */
  'totp:account:export-qr': {
    request: z.strictObject({ id: Id, confirm: z.literal(true) }),
    response: z.object({ png: z.string().startsWith('data:image/png;base64,') }),
  },
  'totp:account:delete': { request: z.strictObject({ id: Id }), response: z.object({ id: Id }) },
  /** HOTP "next code": increments and persists the counter, returns the new code. */
  'totp:counter:increment': { request: z.strictObject({ id: Id }), response: TotpCodeSchema },
  'totp:code:list': { request: Empty, response: z.array(TotpCodeSchema) },
  /** Google Authenticator export codes → a preview kept in main; then import the chosen entries. */
  'totp:migration:preview': {
    request: z.strictObject({
      uris: z
        .array(z.string().min(1).max(OTP_LIMITS.migrationUriMaxLength))
        .min(1)
        .max(OTP_LIMITS.migrationMaxParts),
    }),
    response: MigrationPreviewSchema,
  },
  /** An encrypted backup of every account, as the file's text (safe to hand to the renderer). */
  'totp:backup:create': {
    request: z.strictObject({ password: z.string().min(OTP_LIMITS.backupPasswordMin).max(1024) }),
    response: z.object({ fileName: z.string(), content: z.string() }),
  },
  /**
   * The second deliberate exception to "secrets flow one way": every account as a plain otpauth://
   * link, one per line, in the vault's order, for a file the person saves. Only after they confirmed
   * a warning that the file is not encrypted (the literal below).
   */
  'totp:settings:get': { request: Empty, response: AuthenticatorSettingsSchema },
  'totp:settings:set': { request: AuthenticatorSettingsSchema, response: AuthenticatorSettingsSchema },
  /**
   * Is the computer's clock right (compared with the time server in the settings)? The last answer
   * of the past hour unless `fresh`; null when the check is turned off.
   */
  'totp:clock:check': {
    request: z.strictObject({ fresh: z.boolean() }),
    response: ClockCheckResultSchema.nullable(),
  },
  'totp:export:plain': {
    request: z.strictObject({ confirm: z.literal(true) }),
    response: z.object({ fileName: z.string(), content: z.string() }),
  },
  /**
   * A file to import (a Tessera backup, needing its password; an Aegis or 2FAS export; a list of
   * otpauth links) into a preview; the chosen entries are then imported like an export's.
   */
  'totp:file:preview': {
    request: z.strictObject({
      content: z
        .string()
        .min(1)
        .max(8 * 1024 * 1024),
      password: z.string().max(1024).optional(),
    }),
    response: MigrationPreviewSchema,
  },
  'totp:migration:import': {
    request: z.strictObject({
      batchId: Id,
      indices: z
        .array(z.number().int().min(0))
        .min(1)
        .max(OTP_LIMITS.migrationMaxEntries * OTP_LIMITS.migrationMaxParts),
    }),
    response: z.array(TotpAccountSchema),
  },
  ...adminContract,
  ...certificatesContract,
  ...alertsContract,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The one object the renderer talks to, over either transport. */
export interface TesseraApi {
  invoke<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<import('./errors').Result<ResponseOf<C>>>;
}

// The preload's channel list and the contract must name the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const CHANNEL_LIST_MATCHES: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
