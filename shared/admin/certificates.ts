/**
 * Certificates (SPEC C1, C2): the inventory of every SP and IdP certificate, the SP certificate
 * rollover in progress, and the preview of an IdP's renewed metadata. Isomorphic: the contract and
 * the Certificates page both read these.
 */
import { z } from 'zod';
import {
  ADMIN_LIMITS,
  CertificateInfoSchema,
  EndpointUrl,
  Id,
  METADATA_TRUST,
  SP_KEY_TYPES,
  SamlEndpointSchema,
} from './schemas';

/** "Expiring" from this many days before notAfter (the first alert goes out at 60 days, C5). */
export const EXPIRING_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export const CERTIFICATE_STATUSES = ['active', 'next', 'previous'] as const;

export const CertificateEntrySchema = z.object({
  /** Stable: `sp:<sp_certificates.id>` or `idp:<idpId>:<sha256 hex>`. */
  id: z.string(),
  use: z.enum(['sp', 'idp']),
  idpIds: z.array(z.string()),
  idpNames: z.array(z.string()),
  subject: z.string(),
  issuer: z.string(),
  keyAlgorithm: z.string(),
  fingerprintSha256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
});
export type CertificateEntry = z.infer<typeof CertificateEntrySchema>;

/** Whole days left until `notAfter` (negative once expired), and the badge that goes with it. */
export function expiry(
  notAfter: string,
  now: number,
): { daysLeft: number; state: 'ok' | 'expiring' | 'expired' } {
  const left = Date.parse(notAfter) - now;
  const daysLeft = Math.floor(left / DAY_MS);
  return { daysLeft, state: left < 0 ? 'expired' : daysLeft <= EXPIRING_DAYS ? 'expiring' : 'ok' };
}

// ── C2: SP certificate rollover ──────────────────────────────────────────────────────────────

export const ROLLOVER_MODES = ['multiple', 'single'] as const;
export type RolloverMode = (typeof ROLLOVER_MODES)[number];

/**
 * - `overlap` (multiple): the next certificate is published beside the active one; requests are
 *   still signed with the active one until the admin confirms every IdP has the new metadata.
 * - `switched` (multiple): requests are signed with the new certificate; the old one is still
 *   published until the admin finishes (then its key leaves the keychain).
 * - `scheduled` (single): the switch happens at `switchAt`, when the admin updates the IdPs.
 */
export const SpRolloverSchema = z.object({
  mode: z.enum(ROLLOVER_MODES),
  phase: z.enum(['overlap', 'switched', 'scheduled']),
  startedAt: z.number(),
  switchAt: z.number().nullable(),
  switchedAt: z.number().nullable(),
  active: CertificateInfoSchema,
  next: CertificateInfoSchema.nullable(),
  previous: CertificateInfoSchema.nullable(),
});
export type SpRollover = z.infer<typeof SpRolloverSchema>;

export const CertificatesOverviewSchema = z.object({
  /** The core's clock, so days left agree with the alerts. */
  now: z.number(),
  certificates: z.array(CertificateEntrySchema),
  rollover: SpRolloverSchema.nullable(),
  /** SAML IdPs: every one must get the new SP metadata (C2 "update all IdPs"). */
  samlIdps: z.array(z.object({ id: Id, name: z.string() })),
});
export type CertificatesOverview = z.infer<typeof CertificatesOverviewSchema>;

/** A CA-signed SP certificate with its key (S1), as PEM or PKCS#12; the key never comes back. */
export const SpCertificateImportSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pem'),
    certificatesPem: z.string().min(1).max(ADMIN_LIMITS.certificateMaxBytes),
    privateKeyPem: z.string().min(1).max(ADMIN_LIMITS.certificateMaxBytes),
    passphrase: z.string().max(1024).optional(),
  }),
  z.strictObject({
    kind: z.literal('pkcs12'),
    base64: z
      .string()
      .min(1)
      .max(Math.ceil(ADMIN_LIMITS.pkcs12MaxBytes / 3) * 4)
      .regex(/^[A-Za-z0-9+/]+=*$/),
    password: z.string().max(1024),
  }),
]);

export const RolloverStartSchema = z.strictObject({
  mode: z.enum(ROLLOVER_MODES),
  /** single: when the switch happens (ms since the epoch); must be in the future. */
  switchAt: z.number().int().positive().nullable(),
  /** Self-signed by Tessera, or CA-signed with its key. */
  certificate: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('self-signed'), keyType: z.enum(SP_KEY_TYPES) }),
    ...SpCertificateImportSchema.options,
  ]),
});
export type RolloverStart = z.infer<typeof RolloverStartSchema>;

/** Which SP file to download at a step: the metadata as IdPs should see it now, or one certificate. */
export const SpDownloadSchema = z.strictObject({
  what: z.enum(['metadata', 'certificate']),
  /** metadata: `current` = what is published now; `next` = with the new certificate only (single). */
  which: z.enum(['current', 'next']),
});

// ── C1: IdP renewal ──────────────────────────────────────────────────────────────────────────

export const IdpRenewalSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('xml'),
    xml: z
      .string()
      .min(1)
      .max(ADMIN_LIMITS.metadataMaxBytes * 2),
  }),
  z.strictObject({ kind: z.literal('url'), url: EndpointUrl }),
]);
export type IdpRenewalSource = z.infer<typeof IdpRenewalSourceSchema>;

const SideSchema = z.object({
  entityId: z.string(),
  sso: SamlEndpointSchema,
  slo: SamlEndpointSchema.nullable(),
  certificates: z.array(CertificateInfoSchema),
  trust: z.enum(METADATA_TRUST),
});

export const IdpRenewalPreviewSchema = z.object({
  idpId: Id,
  idpName: z.string(),
  current: SideSchema,
  candidate: SideSchema.extend({ signer: CertificateInfoSchema.nullable() }),
  /** The candidate's XML as read (for a URL refresh), to test and save exactly what was shown. */
  xml: z.string(),
  metadataUrl: z.string().nullable(),
  entityIdChanged: z.boolean(),
  certificatesAdded: z.array(CertificateInfoSchema),
  certificatesRemoved: z.array(CertificateInfoSchema),
  endpointsChanged: z.array(
    z.object({
      endpoint: z.enum(['sso', 'slo']),
      before: SamlEndpointSchema.nullable(),
      after: SamlEndpointSchema.nullable(),
    }),
  ),
  /** Certificates of a rollover set that expired: left out, the others kept (C1). */
  expiredCertificates: z.array(CertificateInfoSchema),
  /** Trust compared with the saved metadata. */
  trustChange: z.enum(['same', 'more', 'less']),
  /** The admin must acknowledge before saving (the candidate is not signed to a public root). */
  needsAcknowledgement: z.boolean(),
});
export type IdpRenewalPreview = z.infer<typeof IdpRenewalPreviewSchema>;
