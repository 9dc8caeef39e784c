/** The authenticator's settings in the store: defaults, what older versions wrote, and bad values. */
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/database';
import { AuthenticatorSettingsService } from '../../../../electron/core/totp/authenticator-settings';

function service() {
  const db = new Database(':memory:');
  migrate(db);
  return { db, settings: new AuthenticatorSettingsService(db) };
}

describe('AuthenticatorSettingsService', () => {
  it('starts from the defaults: 30 s on the clipboard, the NTP Pool for the clock check', () => {
    expect(service().settings.get()).toEqual({ clipboardClearSeconds: 30, timeServer: 'pool.ntp.org:123' });
  });

  it('keeps a delay saved before the clock check existed, with the default time server', () => {
    const { db, settings } = service();
    db.prepare("INSERT INTO app_settings (key, value_json) VALUES ('authenticator', ?)").run(
      JSON.stringify({ clipboardClearSeconds: 12 }),
    );
    expect(settings.get()).toEqual({ clipboardClearSeconds: 12, timeServer: 'pool.ntp.org:123' });
  });

  it('stores a server or none, and refuses anything that is not a time server', () => {
    const { settings } = service();
    expect(settings.set({ clipboardClearSeconds: 5, timeServer: ' 192.0.2.1:4123 ' })).toEqual({
      clipboardClearSeconds: 5,
      timeServer: '192.0.2.1:4123',
    });
    expect(settings.set({ clipboardClearSeconds: 5, timeServer: '' }).timeServer).toBe('');
    for (const timeServer of ['http://evil.example/', 'a b', 'host:0', 'host:99999', '::1']) {
      expect(() => settings.set({ clipboardClearSeconds: 5, timeServer })).toThrow();
    }
    expect(settings.get().timeServer).toBe('');
    // A write must say which server (no silent return to the default).
    expect(() => settings.set({ clipboardClearSeconds: 5 } as never)).toThrow();
    expect(settings.get().timeServer).toBe('');
  });
});
