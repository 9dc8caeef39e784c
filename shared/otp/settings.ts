/** The authenticator's settings, checked the same way by the renderer's form and the core. */
import { z } from 'zod';
import { DEFAULT_NTP_SERVER, formatNtpServer, ntpServerFromText } from './clock-check';

export const CLIPBOARD_CLEAR_LIMITS = { min: 5, max: 600 } as const;

export const AuthenticatorSettingsSchema = z.strictObject({
  /** A2: a copied code is cleared from the clipboard after this many seconds (if still there). */
  clipboardClearSeconds: z.number().int().min(CLIPBOARD_CLEAR_LIMITS.min).max(CLIPBOARD_CLEAR_LIMITS.max),
  /** The time server the clock check asks ("host" or "host:port"); empty: never check. */
  timeServer: z
    .string()
    .trim()
    .max(260)
    .refine((text) => text === '' || ntpServerFromText(text) !== null, {
      message: 'Enter a host name or an IPv4 address, with an optional port, or leave it empty.',
    }),
});
export type AuthenticatorSettings = z.infer<typeof AuthenticatorSettingsSchema>;

/** As stored: settings saved before the clock check existed read with the default time server. */
export const StoredAuthenticatorSettingsSchema = AuthenticatorSettingsSchema.extend({
  timeServer: AuthenticatorSettingsSchema.shape.timeServer.default(formatNtpServer(DEFAULT_NTP_SERVER)),
});

export const DEFAULT_AUTHENTICATOR_SETTINGS: AuthenticatorSettings = {
  clipboardClearSeconds: 30,
  timeServer: formatNtpServer(DEFAULT_NTP_SERVER),
};
