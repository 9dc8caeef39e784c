/** The authenticator's settings, checked the same way by the renderer's form and the core. */
import { z } from 'zod';

export const CLIPBOARD_CLEAR_LIMITS = { min: 5, max: 600 } as const;

export const AuthenticatorSettingsSchema = z.strictObject({
  /** A2: a copied code is cleared from the clipboard after this many seconds (if still there). */
  clipboardClearSeconds: z.number().int().min(CLIPBOARD_CLEAR_LIMITS.min).max(CLIPBOARD_CLEAR_LIMITS.max),
});
export type AuthenticatorSettings = z.infer<typeof AuthenticatorSettingsSchema>;

export const DEFAULT_AUTHENTICATOR_SETTINGS: AuthenticatorSettings = { clipboardClearSeconds: 30 };
