/**
 * The applications registry (M3) as OAuth clients of Tessera's OpenID Provider. A confidential
 * application's secret is made here, written to the keychain before the row that references it,
 * and returned once — the admin gives it to the application; Tessera never shows it again.
 */
import { randomBytes } from 'node:crypto';
import type { Application } from '../../../shared/admin/schemas';
import type { ApplicationFields, OrgService } from '../org/org-service';
import type { SecretRefs } from '../secrets/secret-refs';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { Db } from '../store/database';
import { forgetClient } from './store-adapter';

/** 256 bits, base64url: well over what client_secret_basic needs, and no character to escape. */
const newClientSecret = () => randomBytes(32).toString('base64url');

export class ApplicationService {
  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly refs: SecretRefs,
  ) {}

  private keyOf(id: string | null): string | null {
    return id ? (this.org.applications().find((app) => app.id === id)?.key ?? null) : null;
  }

  /** The tokens of a client id that no longer names this application end with it. */
  private forgetOldKey(oldKey: string | null, newKey: string | null): void {
    if (oldKey && oldKey !== newKey) forgetClient(this.db, oldKey);
  }

  /** Saves; a confidential application without a secret (new, or public until now) gets one. */
  async save(
    id: string | null,
    input: ApplicationFields,
  ): Promise<{ application: Application; clientSecret: string | null }> {
    // A new confidential application, or a public one becoming confidential, gets a secret. One
    // that has none yet (from a configuration file) gets it only when asked (newSecret): a change
    // of its MFA switch must not make one.
    const before = id ? this.org.applications().find((app) => app.id === id) : undefined;
    const needsSecret = input.clientType === 'confidential' && (!id || before?.clientType === 'public');
    const oldKey = before?.key ?? null;
    const saved = needsSecret
      ? await this.withNewSecret((ref) => this.org.saveApplication(id, input, ref))
      : { application: this.org.saveApplication(id, input), clientSecret: null };
    this.forgetOldKey(oldKey, saved.application.key);
    await this.refs.finishRemovals();
    return saved;
  }

  /** Replaces a confidential application's secret; the old one stops working at once. */
  async newSecret(id: string): Promise<{ clientSecret: string }> {
    const app = this.org.applications().find((candidate) => candidate.id === id);
    if (!app)
      throw new AppError(ErrorCode.NotFound, 'That application no longer exists.', 'application.notFound');
    if (app.clientType !== 'confidential') {
      throw new AppError(
        ErrorCode.InvalidInput,
        `${app.name} is a public application: it has no secret (it proves itself with PKCE).`,
        'application.publicHasNoSecret',
        { name: app.name },
      );
    }
    const { clientSecret } = await this.withNewSecret((ref) => this.org.saveApplication(id, app, ref));
    return { clientSecret: clientSecret! };
  }

  async delete(id: string): Promise<void> {
    const key = this.keyOf(id);
    this.org.deleteApplication(id);
    this.forgetOldKey(key, null);
    await this.refs.finishRemovals();
  }

  /** The client secret oidc-provider compares against (main process only); null: none yet. */
  async clientSecret(app: Application): Promise<string | null> {
    const ref = this.org.applicationSecretRef(app.id);
    return ref ? this.refs.read(ref) : null;
  }

  private async withNewSecret(
    save: (ref: string) => Application,
  ): Promise<{ application: Application; clientSecret: string | null }> {
    const clientSecret = newClientSecret();
    const ref = this.refs.newRef('op-client-secret');
    await this.refs.write(ref, clientSecret);
    let application: Application;
    try {
      application = save(ref);
    } catch (error) {
      await this.refs.discard(ref);
      throw error;
    }
    await this.refs.finishRemovals();
    return { application, clientSecret };
  }
}
