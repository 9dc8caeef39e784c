/**
 * Certificate expiry alerts (SPEC C4, C5), the mail server they go through, and the welcome email
 * to users JIT creates (C6). The SMTP password goes to the keychain and never comes back: the
 * renderer only learns whether one is stored.
 */
import { z } from 'zod';
import { Email, isLoopbackHost } from './schemas';

/** implicit: TLS from the first byte (port 465); starttls: plain, then STARTTLS, required; none: loopback only. */
export const SMTP_TLS_MODES = ['implicit', 'starttls', 'none'] as const;
export type SmtpTlsMode = (typeof SMTP_TLS_MODES)[number];

/** The languages Tessera writes emails in (the UI's languages). */
export const MAIL_LANGUAGES = ['en', 'sv', 'fi', 'pl'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** A host name, IPv4 or bracket-less IPv6 address: no scheme, no port, no spaces. */
const SmtpHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'a host name or IP address such as smtp.example.com');

export const SmtpSettingsSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  tls: z.enum(SMTP_TLS_MODES),
  username: z.string(),
  hasPassword: z.boolean(),
  fromAddress: z.string(),
  updatedAt: z.number(),
});
export type SmtpSettings = z.infer<typeof SmtpSettingsSchema>;

export const SmtpSettingsInputSchema = z
  .strictObject({
    host: SmtpHost,
    port: z.number().int().min(1).max(65535),
    tls: z.enum(SMTP_TLS_MODES),
    username: z.string().trim().max(256),
    /** Empty: keep the stored password (only for the same server), unless `clearPassword`. */
    password: z.string().max(1024),
    clearPassword: z.boolean(),
    fromAddress: Email,
  })
  .refine((input) => input.tls !== 'none' || isLoopbackHost(input.host), {
    message: 'without TLS only for a mail server on this computer (127.0.0.1, ::1, localhost)',
    path: ['tls'],
  });
export type SmtpSettingsInput = z.infer<typeof SmtpSettingsInputSchema>;

/** Why a test email (or a delivery) failed, for the renderer's words; the server's own answer travels beside it. */
export const MAIL_PROBLEMS = [
  'notConfigured',
  'connection',
  'timeout',
  'tls',
  'auth',
  'rejected',
  'noPassword',
  'keychain',
  'other',
] as const;
export type MailProblem = (typeof MAIL_PROBLEMS)[number];

export const MailTestResultSchema = z.object({
  ok: z.boolean(),
  problem: z.enum(MAIL_PROBLEMS).nullable(),
  /** Exactly what the server said (e.g. "535 5.7.8 Authentication credentials invalid"), when it said anything. */
  serverResponse: z.string().nullable(),
  /** English: what happened and what to check. */
  detail: z.string(),
});
export type MailTestResult = z.infer<typeof MailTestResultSchema>;

export const ALERT_RULES = ['idp-certificate-expiry', 'sp-certificate-expiry'] as const;
export type AlertRuleId = (typeof ALERT_RULES)[number];

export const ALERT_LIMITS = { recipientsMax: 20 } as const;

export const AlertRuleSchema = z.strictObject({
  rule: z.enum(ALERT_RULES),
  enabled: z.boolean(),
  email: z.boolean(),
  notification: z.boolean(),
  recipients: z.array(Email).max(ALERT_LIMITS.recipientsMax),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/** Days before expiry an alert goes out (C5), and 0: on expiry. */
export const ALERT_THRESHOLDS = [60, 45, 30, 15, 0] as const;

export const DELIVERY_CHANNELS = ['email', 'notification'] as const;
/**
 * pending: not tried yet (a notification waits for Tessera's window); failed: not delivered, tried
 * again at `nextAttemptAt`; cancelled: not delivered and never will be (`lastError` says why).
 */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

export const AlertDeliverySchema = z.object({
  channel: z.enum(DELIVERY_CHANNELS),
  status: z.enum(DELIVERY_STATUSES),
  recipients: z.array(z.string()),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.number().nullable(),
  deliveredAt: z.number().nullable(),
});
export type AlertDelivery = z.infer<typeof AlertDeliverySchema>;

export const AlertSchema = z.object({
  id: z.string(),
  rule: z.enum(ALERT_RULES),
  threshold: z.number().int(),
  /** Days left when the alert was raised (negative: expired that long ago). */
  daysLeft: z.number().int(),
  certificate: z.object({
    use: z.enum(['sp', 'idp']),
    subject: z.string(),
    issuer: z.string(),
    fingerprintSha256: z.string(),
    notAfter: z.string(),
    idpNames: z.array(z.string()),
  }),
  createdAt: z.number(),
  acknowledgedAt: z.number().nullable(),
  deliveries: z.array(AlertDeliverySchema),
});
export type Alert = z.infer<typeof AlertSchema>;

/** C6: the welcome email to users JIT creates, and the language when the user's own is unknown. */
export const NewUserEmailSettingsSchema = z.strictObject({
  suppressed: z.boolean(),
  defaultLanguage: z.enum(MAIL_LANGUAGES),
});
export type NewUserEmailSettings = z.infer<typeof NewUserEmailSettingsSchema>;

export const WelcomeMailStatusSchema = z.object({
  waiting: z.number().int(),
  delivered: z.number().int(),
  lastError: z.string().nullable(),
});
export type WelcomeMailStatus = z.infer<typeof WelcomeMailStatusSchema>;
