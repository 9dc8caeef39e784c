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

/** 256 bits, base64url: well over what client_secret_basic needs, and no character to escape. */
const newClientSecret = () => randomBytes(32).toString('base64url');

export class ApplicationService {
  constructor(
    private readonly org: OrgService,
    private readonly refs: SecretRefs,
  ) {}

  /** Saves; a confidential application without a secret (new, or public until now) gets one. */
  async save(
    id: string | null,
    input: ApplicationFields,
  ): Promise<{ application: Application; clientSecret: string | null }> {
    const needsSecret = input.clientType === 'confidential' && (!id || !this.org.applicationSecretRef(id));
    if (!needsSecret) {
      const application = this.org.saveApplication(id, input);
      await this.refs.finishRemovals();
      return { application, clientSecret: null };
    }
    return this.withNewSecret((ref) => this.org.saveApplication(id, input, ref));
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
    this.org.deleteApplication(id);
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
