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
import { MIGRATION_ENTRY_PROBLEMS, OTP_ALGORITHMS, OTP_LIMITS, OTP_TYPES } from '../otp/limits';

const Id = z.uuid();

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
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

const Empty = z.strictObject({});

export const contract = {
  'app:status:get': { request: Empty, response: AppStatusSchema },
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
   * The one deliberate exception to "secrets flow one way": a QR code of the account, to move it to
   * a phone. Only after the person confirmed a warning (the literal below), and only as an image.
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
