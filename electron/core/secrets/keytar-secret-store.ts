/**
 * SecretStore over keytar: Keychain on macOS, Credential Manager on Windows, the Secret Service
 * (libsecret) on Linux. Fails closed: every error becomes KeychainUnavailable and nothing is ever
 * written anywhere else.
 */
import keytar from 'keytar';
import { AppError } from '../../../shared/ipc/errors';
import { keychainUnavailable, type SecretStore } from './secret-store';
import { probeSecretService } from './secret-service-probe';

export class KeytarSecretStore implements SecretStore {
  constructor(private readonly service = 'Tessera') {}

  async assertAvailable(): Promise<void> {
    if (process.platform === 'linux') {
      const probe = await probeSecretService();
      if (!probe.ok) throw keychainUnavailable(probe.problem, probe.detail);
    }
  }

  private async call<T>(action: () => Promise<T>): Promise<T> {
    // Probe first on Linux: a locked collection crashes libsecret (see secret-service-probe.ts).
    await this.assertAvailable();
    try {
      return await action();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw keychainUnavailable('failed', `${error instanceof Error ? error.message : String(error)}.`);
    }
  }

  get(account: string): Promise<string | null> {
    return this.call(() => keytar.getPassword(this.service, account));
  }

  set(account: string, value: string): Promise<void> {
    return this.call(() => keytar.setPassword(this.service, account, value));
  }

  delete(account: string): Promise<boolean> {
    return this.call(() => keytar.deletePassword(this.service, account));
  }

  async entries(prefix: string): Promise<Map<string, string>> {
    // findCredentials lists the items, then reads each: an item another process removes in between
    // fails the whole call ("No such secret item"). The listing is taken again; a keychain that
    // keeps failing still fails.
    for (let attempt = 1; ; attempt++) {
      try {
        const all = await this.call(() => keytar.findCredentials(this.service));
        return new Map(all.filter((c) => c.account.startsWith(prefix)).map((c) => [c.account, c.password]));
      } catch (error) {
        if (attempt < 3 && error instanceof AppError && /No such secret item/.test(error.message)) continue;
        throw error;
      }
    }
  }
}
