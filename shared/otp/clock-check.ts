/**
 * The authenticator's clock check: which time server to ask, and what the answer means. Shared so
 * that a settings form and the core check a server setting with the same schema.
 */
import { z } from 'zod';

/**
 * One TOTP time step (RFC 6238 §4: X = 30 s, the default and what nearly every issuer uses). With
 * the clock off by d, the code shown belongs to the wrong step |d| / 30 s of the time; past one
 * step it is always the wrong step's code. Verifiers that allow one step of drift (RFC 6238 §5.2)
 * may still accept it, but only until the clock drifts a little further, so past this we warn.
 */
export const CLOCK_SKEW_LIMIT_MS = 30_000;

export const DEFAULT_NTP_PORT = 123;

/**
 * A time server's host: a DNS name or an IPv4 address, nothing else (no scheme, path, user or
 * port), so a setting can never smuggle more than a name into the lookup. IPv6 literals are
 * refused because the SNTP client speaks over IPv4 only. A name whose last label is all digits
 * must be a real IPv4 address: the resolver would read "10.1" or "999.1.1.1" in inet_aton's
 * legacy forms (RFC 1123 §2.1 rules out all-numeric top-level names for that reason).
 */
export const NtpHost = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .pipe(z.hostname('Enter a host name or an IPv4 address, such as pool.ntp.org or 192.0.2.123.'))
  .refine((host) => !/(^|\.)\d+\.?$/.test(host) || z.ipv4().safeParse(host).success, {
    message: 'Enter a host name or a complete IPv4 address, such as 192.0.2.123.',
  });

export const NtpPort = z.number().int().min(1).max(65535);

export const NtpServerSchema = z.strictObject({ host: NtpHost, port: NtpPort });
export type NtpServer = z.infer<typeof NtpServerSchema>;

/** The NTP Pool: many volunteers' servers behind one name, meant for exactly this kind of client. */
export const DEFAULT_NTP_SERVER: NtpServer = { host: 'pool.ntp.org', port: DEFAULT_NTP_PORT };

/** Why a check found no usable answer: a stable code the renderer words in the person's language. */
export const CLOCK_UNKNOWN_REASONS = [
  'timeout',
  'not-found',
  'not-an-answer',
  'failed',
  'not-synchronised',
  'refused',
  'unusable-time',
] as const;
export type ClockUnknownReason = (typeof CLOCK_UNKNOWN_REASONS)[number];

export const ClockCheckResultSchema = z.strictObject({
  /** ok: |offset| ≤ CLOCK_SKEW_LIMIT_MS; off: beyond it; unknown: no usable answer. */
  state: z.enum(['ok', 'off', 'unknown']),
  /** Server time − this computer's time, in ms: negative when our clock is ahead. Null if unknown. */
  offsetMs: z.number().nullable(),
  /** When the check finished, by this computer's clock (the one being checked). */
  checkedAt: z.number(),
  /** The server asked, as host:port. */
  server: z.string(),
  /** Why the state is unknown, in English, for logs and as the fallback message. */
  detail: z.string().optional(),
  /** The same as `detail`, as a code with its values (host, seconds …). */
  reason: z.enum(CLOCK_UNKNOWN_REASONS).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ClockCheckResult = z.infer<typeof ClockCheckResultSchema>;

export function formatNtpServer({ host, port }: NtpServer): string {
  return `${host}:${port}`;
}

/** "host" or "host:port" as a person types it; null when it is not a time server. */
export function ntpServerFromText(text: string): NtpServer | null {
  const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(text.trim());
  const parsed =
    match &&
    NtpServerSchema.safeParse({
      host: match[1],
      port: match[2] === undefined ? DEFAULT_NTP_PORT : Number(match[2]),
    });
  return parsed?.success ? parsed.data : null;
}
