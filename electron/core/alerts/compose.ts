/**
 * The alerts side of the core on an open store: the mail server, certificate expiry alerts, the
 * welcome email to users JIT creates, and the scheduler that runs them. createCore uses it, and
 * so do the tests (with their own clock and timers).
 */
import type { Db } from '../store/database';
import type { SecretStore } from '../secrets/secret-store';
import { SecretRefs } from '../secrets/secret-refs';
import type { AuditLog } from '../org/audit';
import type { OrgService } from '../org/org-service';
import type { DirectoryService } from '../jit/directory-service';
import { WelcomeMailService } from '../jit/welcome-mail';
import type { Clock } from '../totp/vault-service';
import { createLogger } from '../logger';
import { AlertService } from './alert-service';
import { AlertScheduler, realTimers, type Timers } from './alert-scheduler';
import { MailService, type MailOptions } from './mail-service';

const log = createLogger('alerts');

export interface AlertsDeps {
  db: Db;
  secrets: SecretStore;
  vaultId: string;
  clock: Clock;
  audit: AuditLog;
  org: OrgService;
  directory: DirectoryService;
  timers?: Timers;
  mail?: MailOptions;
}

export function composeAlerts(deps: AlertsDeps) {
  const now = () => deps.clock.now();
  // SecretRefs keeps no state of its own: recovery after a crash is SsoConfigService.load()'s, over
  // the same pending_admin_secrets table (an SMTP password never committed is referenced by no row).
  const refs = new SecretRefs(deps.db, deps.secrets, deps.vaultId, now);
  const mail = new MailService(deps.db, refs, deps.audit, now, deps.mail);
  let scheduler: AlertScheduler | null = null;
  const welcome = new WelcomeMailService(deps.db, deps.org, mail, deps.audit, now, () => scheduler?.poke());
  const alerts = new AlertService(
    deps.db,
    deps.org,
    mail,
    deps.audit,
    now,
    () => welcome.settings().defaultLanguage,
  );
  scheduler = new AlertScheduler(
    [() => alerts.check(), () => alerts.deliverDue(), () => welcome.deliverDue()],
    deps.clock,
    deps.timers ?? realTimers,
  );
  deps.directory.onUserCreated((userId) => {
    try {
      welcome.enqueue(userId);
    } catch (error) {
      // The sign-in goes on; the person just gets no welcome email.
      log.warn('A welcome email could not be queued', error);
    }
  });
  return { mail, alerts, welcome, scheduler };
}

export type Alerts = ReturnType<typeof composeAlerts>;
