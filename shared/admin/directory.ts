/**
 * The live sign-in's shapes: JIT settings and attribute mapping (SPEC J0–J8), the directory's users,
 * and the Test SSO result with its per-check diagnosis (S6–S7, O4, §4). Shared so the core enforces
 * and the renderer shows exactly the same fields.
 */
import { z } from 'zod';
import { ADMIN_LIMITS, GroupName, Id } from './schemas';

/** J5: attributes that find a user even when their email changes. Each value is unique per user. */
export const LINKING_ATTRIBUTES = [
  'externalId',
  'employeeNumber',
  'extensionAttribute1',
  'extensionAttribute2',
  'extensionAttribute3',
  'extensionAttribute4',
  'extensionAttribute5',
] as const;
export type LinkingAttribute = (typeof LINKING_ATTRIBUTES)[number];

/** J6 profile attributes and J7 extension attributes, in the order the UI lists them. */
export const PROFILE_FIELDS = [
  'externalId',
  'employeeNumber',
  'displayName',
  'name.givenName',
  'name.familyName',
  'preferredLanguage',
  'locale',
  'timezone',
  'title',
  'department',
  'manager',
  'costCenter',
  'pronoun',
  'addresses.streetAddress',
  'addresses.state',
  'addresses.region',
  'addresses.postalCode',
  'addresses.country',
  'phoneNumbers.work',
  'phoneNumbers.extension',
  'email.alternate1',
  'email.alternate2',
  'email.alternate3',
  'email.alternate4',
  'email.alternate5',
  'extensionAttribute1',
  'extensionAttribute2',
  'extensionAttribute3',
  'extensionAttribute4',
  'extensionAttribute5',
  'extensionAttribute6',
  'extensionAttribute7',
  'extensionAttribute8',
  'extensionAttribute9',
  'extensionAttribute10',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const PROFILE_VALUE_MAX = 1024;

const AttributeName = z.string().trim().min(1).max(ADMIN_LIMITS.attributeNameMax);

/** Per IdP (S5, O3). Off by default: nothing is provisioned until the admin says so. */
export const JitSettingsSchema = z.strictObject({
  /** J3: no active user found → create (or re-activate) one, then update it. */
  createUsers: z.boolean(),
  /** J3: a known user is updated from the assertion at each sign-in. */
  updateUsers: z.boolean(),
  /** J1/J3: a person whose email does not match the linked user may confirm that it is them. */
  allowNewEmail: z.boolean(),
  /** J5: which attribute links the IdP's user to ours; null → by email only. */
  linkBy: z.enum(LINKING_ATTRIBUTES).nullable(),
  /** J6/J7: profile field → the IdP attribute (SAML attribute name or OIDC claim) that fills it. */
  mapping: z.partialRecord(z.enum(PROFILE_FIELDS), AttributeName),
  /** J8: the attribute whose values are group names (additive membership). */
  groupAttribute: AttributeName.nullable(),
});
export type JitSettings = z.infer<typeof JitSettingsSchema>;

export const DEFAULT_JIT: JitSettings = {
  createUsers: false,
  updateUsers: false,
  allowNewEmail: false,
  linkBy: null,
  mapping: {},
  groupAttribute: null,
};

/** J0/J2: organization-wide switches. */
export const DirectorySettingsSchema = z.strictObject({
  /** J0: with directory sync on, JIT neither creates nor updates. */
  directorySync: z.boolean(),
  /** J0: users cannot edit their attributes themselves; SSO updates and admin edits still work. */
  blockProfileUpdate: z.boolean(),
  /** J2: licences every new user gets; empty → none. */
  licenseTemplate: z.array(z.string().trim().min(1).max(ADMIN_LIMITS.nameMax)).max(50),
});
export type DirectorySettings = z.infer<typeof DirectorySettingsSchema>;

export const ProfileSchema = z.partialRecord(z.enum(PROFILE_FIELDS), z.string());
export type Profile = z.infer<typeof ProfileSchema>;

export const DirectoryUserSchema = z.object({
  id: Id,
  email: z.string(),
  active: z.boolean(),
  profile: ProfileSchema,
  groups: z.array(GroupName),
  licenses: z.array(z.string()),
  mfa: z.object({
    /** M2: turned on by the user (when the policy allows it). */
    optedIn: z.boolean(),
    enrolled: z.boolean(),
    lockedUntil: z.number().nullable(),
  }),
  createdBy: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  lastSignInAt: z.number().nullable(),
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

/** What JIT would do (or did): the profile as a diff against the stored user. */
export const ProvisioningPlanSchema = z.object({
  /**
   * confirm-identity (J1): the linked user has another email; the person must confirm it is them
   * (or get a new user) before anything is written.
   */
  action: z.enum(['create', 'update', 'unchanged', 'none', 'confirm-identity']),
  /** Why nothing is written, when action is 'none' (a J0 precondition, a switch that is off …). */
  reason: z.string().nullable(),
  email: z.string(),
  userId: Id.nullable(),
  linkedBy: z.string().nullable(),
  changes: z.array(
    z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
  groupsAdded: z.array(z.string()),
  /** Attribute values refused (an invalid phone number, time zone …), each with why. */
  rejected: z.array(z.object({ field: z.string(), value: z.string(), problem: z.string() })),
});
export type ProvisioningPlan = z.infer<typeof ProvisioningPlanSchema>;

// ── Test SSO (S6–S7, O4, C3) ──────────────────────────────────────────────────────────────────

export const CHECK_STATUS = ['pass', 'fail', 'skipped'] as const;

/**
 * Test SSO gives up waiting for the IdP's answer after this long (from when its window opened):
 * enough to sign in there with MFA, short enough to say "it will never answer" and why.
 */
export const SSO_TEST_TIMEOUT_MS = 5 * 60_000;

/** One check of a response: pass/fail, and for a failure what to fix. */
export const SignInCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(CHECK_STATUS),
  detail: z.string().nullable(),
  fix: z.string().nullable(),
  /** A failure's stable code and its values, so the console can word detail and fix itself. */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type SignInCheck = z.infer<typeof SignInCheckSchema>;

export const SsoTestSchema = z.object({
  id: Id,
  idpId: Id,
  idpName: z.string(),
  state: z.enum(['waiting', 'succeeded', 'failed']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  checks: z.array(SignInCheckSchema),
  /** Claims / attributes received (values only, never tokens). */
  claims: z.record(z.string(), z.array(z.string())).nullable(),
  subject: z.string().nullable(),
  /**
   * Who the IdP signed in, in words a person recognizes (the subject is often an opaque id): the
   * email JIT maps, and a name from the claims when there is one. Null for a failed test.
   */
  identity: z.object({ email: z.string(), name: z.string().nullable() }).nullable().default(null),
  plan: ProvisioningPlanSchema.nullable(),
  /** Decoded protocol messages, tokens and signatures redacted. */
  messages: z.array(z.object({ label: z.string(), body: z.string() })),
});
export type SsoTest = z.infer<typeof SsoTestSchema>;
