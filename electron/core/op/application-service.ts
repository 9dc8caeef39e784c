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
    this.forgetUnreferenced();
    await this.refs.finishRemovalsOrRetryLater();
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
    this.forgetUnreferenced();
    return { clientSecret: clientSecret! };
  }

  async delete(id: string): Promise<void> {
    const key = this.keyOf(id);
    this.org.deleteApplication(id);
    this.forgetOldKey(key, null);
    this.forgetUnreferenced();
    await this.refs.finishRemovalsOrRetryLater();
  }

  /**
   * The client secret oidc-provider compares against (main process only); null: none yet. Kept in
   * memory by its keychain reference: oidc-provider looks a client up three times per sign-in, and
   * a keychain round trip costs more than the rest of the OpenID Provider leg (npm run bench). A
   * new secret has a new reference, so a replaced one is never used again.
   */
  async clientSecret(app: Application): Promise<string | null> {
    const ref = this.org.applicationSecretRef(app.id);
    if (!ref) return null;
    const cached = this.secrets.get(ref);
    if (cached !== undefined) return cached;
    const secret = await this.refs.read(ref);
    if (secret !== null) this.secrets.set(ref, secret);
    return secret;
  }

  /** Secrets by keychain reference, for the references the registry still has. */
  private readonly secrets = new Map<string, string>();

  private forgetUnreferenced(): void {
    const live = new Set(this.org.applications().map((app) => this.org.applicationSecretRef(app.id)));
    for (const ref of this.secrets.keys()) if (!live.has(ref)) this.secrets.delete(ref);
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
    await this.refs.finishRemovalsOrRetryLater();
    return { application, clientSecret };
  }
}
