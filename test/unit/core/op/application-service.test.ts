/**
 * Applications' client secrets on the real keychain: made when an application becomes
 * confidential, never by an unrelated change, replaced on request, and removed from the keychain
 * when the application turns public or is deleted.
 */
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { readOrCreateVaultId } from '../../../../electron/core/store/database';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { freeTcpPort } from '../../../support/peers';

const tempDir = useTempDirs();

const APP = {
  name: 'Billing',
  key: 'billing',
  requireMfa: false,
  clientType: 'public' as const,
  redirectUris: ['https://billing.example/cb'],
  postLogoutRedirectUris: [],
  scopes: ['email' as const],
  firstParty: true,
};

describe('application client secrets', () => {
  it('are made, replaced and removed with the application, and only then', async () => {
    requireSecretService();
    const dataDir = tempDir();
    const core: Core = await createCore({ dataDir, version: 'test', defaultSigninPort: await freeTcpPort() });
    const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
      const result = await core.dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as ResponseOf<C>;
    };
    // Other test files share this keychain: count only this data folder's entries.
    const vaultId = readOrCreateVaultId(dataDir);
    const stored = async () => [
      ...(await new KeytarSecretStore().entries(`op-client-secret:${vaultId}:`)).values(),
    ];
    try {
      // Starting Tessera makes no signing key: the OpenID Provider makes one when it is first used.
      expect((await new KeytarSecretStore().entries(`op-signing-key:${vaultId}:`)).size).toBe(0);
      const publicApp = await call('mfa:application:save', { id: null, application: APP });
      expect(publicApp.clientSecret).toBeNull();
      expect(publicApp.application.secretCreatedAt).toBeNull();
      const refusal = await core.dispatch('mfa:application:new-secret', {
        id: publicApp.application.id,
        confirm: true,
      });
      expect(refusal.ok).toBe(false);

      // Public → confidential: a secret, in the keychain and nowhere else.
      const confidential = await call('mfa:application:save', {
        id: publicApp.application.id,
        application: { ...APP, clientType: 'confidential' },
      });
      expect(confidential.clientSecret).toBeTruthy();
      expect(confidential.application.secretCreatedAt).not.toBeNull();
      expect(await stored()).toEqual([confidential.clientSecret]);

      // Another change (the MFA switch) keeps the secret and shows nothing.
      const toggled = await call('mfa:application:save', {
        id: publicApp.application.id,
        application: { ...APP, clientType: 'confidential', requireMfa: true },
      });
      expect(toggled.clientSecret).toBeNull();
      expect(await stored()).toEqual([confidential.clientSecret]);

      // A new secret replaces the old one in the keychain.
      const { clientSecret } = await call('mfa:application:new-secret', {
        id: publicApp.application.id,
        confirm: true,
      });
      expect(clientSecret).not.toBe(confidential.clientSecret);
      expect(await stored()).toEqual([clientSecret]);

      // Back to public: the secret leaves the keychain.
      await call('mfa:application:save', { id: publicApp.application.id, application: APP });
      expect(await stored()).toEqual([]);

      // A confidential application from a configuration file has no secret until one is asked for.
      const exported = await call('admin:config:export', {});
      const content = exported.content.replace(
        /applications:\n/,
        `applications:\n  - key: ledger\n    name: Ledger\n    requireMfa: false\n    clientType: confidential\n    redirectUris: ["https://ledger.example/cb"]\n`,
      );
      const diff = await call('admin:config:diff', { content });
      await call('admin:config:apply', { content, fingerprint: diff.fingerprint });
      const ledger = (await call('mfa:application:list', {})).find((app) => app.key === 'ledger')!;
      expect(ledger).toMatchObject({ clientType: 'confidential', secretCreatedAt: null });
      const saved = await call('mfa:application:save', {
        id: ledger.id,
        application: { ...APP, key: 'ledger', name: 'Ledger', clientType: 'confidential', requireMfa: true },
      });
      expect(saved.clientSecret).toBeNull();
      const made = await call('mfa:application:new-secret', { id: ledger.id, confirm: true });
      expect(await stored()).toEqual([made.clientSecret]);

      await call('mfa:application:delete', { id: ledger.id });
      expect(await stored()).toEqual([]);
    } finally {
      core.close();
    }
  }, 60_000);
});
