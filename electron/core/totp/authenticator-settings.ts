/**
 * The authenticator's settings (no secrets): how long a copied code stays on the clipboard (A2:
 * "clipboard cleared after a short delay", configurable), and which time server the clock check asks.
 */
import {
  AuthenticatorSettingsSchema,
  StoredAuthenticatorSettingsSchema,
  DEFAULT_AUTHENTICATOR_SETTINGS,
  type AuthenticatorSettings,
} from '../../../shared/otp/settings';
import type { Db } from '../store/database';

const KEY = 'authenticator';

export class AuthenticatorSettingsService {
  constructor(private readonly db: Db) {}

  get(): AuthenticatorSettings {
    const row = this.db.prepare('SELECT value_json FROM app_settings WHERE key = ?').get(KEY) as
      { value_json: string } | undefined;
    // A value an other version of Tessera wrote that no longer parses falls back to the defaults.
    const parsed = row ? StoredAuthenticatorSettingsSchema.safeParse(JSON.parse(row.value_json)) : null;
    return parsed?.success ? parsed.data : DEFAULT_AUTHENTICATOR_SETTINGS;
  }

  set(settings: AuthenticatorSettings): AuthenticatorSettings {
    this.db
      .prepare('INSERT OR REPLACE INTO app_settings (key, value_json) VALUES (?, ?)')
      .run(KEY, JSON.stringify(AuthenticatorSettingsSchema.parse(settings)));
    return this.get();
  }
}
