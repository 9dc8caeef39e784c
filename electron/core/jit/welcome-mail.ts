/**
 * The welcome email to users JIT creates (C6): queued when the user is created, sent by the alert
 * scheduler through the same MailService, retried with back-off when the server is down — never
 * inside the sign-in, which neither waits for it nor fails with it. The organization can suppress
 * it; a queued mail is then never sent.
 */
import {
  MAIL_LANGUAGES,
  type MailLanguage,
  type NewUserEmailSettings,
  type WelcomeMailStatus,
} from '../../../shared/admin/alerts';
import type { Profile } from '../../../shared/admin/directory';
import type { Db } from '../store/database';
import type { AuditLog } from '../org/audit';
import type { OrgService } from '../org/org-service';
import { MailError, type MailService } from '../alerts/mail-service';
import { retryDelay, DAY_MS } from '../alerts/alert-service';
import { welcomeText } from './welcome-text';
import { createLogger } from '../logger';

const log = createLogger('welcome-mail');

/** A welcome that could not be sent within a week is stale: it is given up, not sent late. */
const GIVE_UP_AFTER_MS = 7 * DAY_MS;

interface WelcomeRow {
  user_id: string;
  email: string;
  language: MailLanguage;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  created_at: number;
}

/** The user's own language (J6 preferredLanguage, then locale) when Tessera writes it, else null. */
export function languageOf(profile: Profile): MailLanguage | null {
  for (const tag of [profile.preferredLanguage, profile.locale]) {
    const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
    if (primary && (MAIL_LANGUAGES as readonly string[]).includes(primary)) return primary as MailLanguage;
  }
  return null;
}

export class WelcomeMailService {
  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly mail: MailService,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    /** Something was queued: the scheduler sends it soon. */
    private readonly queued: () => void = () => undefined,
  ) {}

  settings(): NewUserEmailSettings {
    const row = this.db.prepare('SELECT suppressed, default_language FROM new_user_email').get() as {
      suppressed: number;
      default_language: MailLanguage;
    };
    return { suppressed: row.suppressed === 1, defaultLanguage: row.default_language };
  }

  setSettings(settings: NewUserEmailSettings): NewUserEmailSettings {
    const before = this.settings();
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE new_user_email SET suppressed = ?, default_language = ?')
        .run(Number(settings.suppressed), settings.defaultLanguage);
      this.audit.record('org.new-user-email', 'Emails to new users', before, settings);
    })();
    return this.settings();
  }

  status(): WelcomeMailStatus {
    const row = this.db
      .prepare(
        `SELECT SUM(status IN ('pending', 'failed')) AS waiting, SUM(status = 'delivered') AS delivered,
           (SELECT last_error FROM welcome_mails WHERE status = 'failed' ORDER BY created_at DESC LIMIT 1) AS last_error
         FROM welcome_mails`,
      )
      .get() as { waiting: number | null; delivered: number | null; last_error: string | null };
    return { waiting: row.waiting ?? 0, delivered: row.delivered ?? 0, lastError: row.last_error };
  }

  /** After JIT created `userId`; cheap (one insert), so the sign-in does not wait for mail. */
  enqueue(userId: string): void {
    const settings = this.settings();
    if (settings.suppressed) return;
    const user = this.db.prepare('SELECT email, profile_json FROM users WHERE id = ?').get(userId) as
      { email: string; profile_json: string } | undefined;
    if (!user) return;
    const language = languageOf(JSON.parse(user.profile_json) as Profile) ?? settings.defaultLanguage;
    this.db
      .prepare(
        `INSERT OR IGNORE INTO welcome_mails (user_id, email, language, status, attempts, next_attempt_at, created_at)
         VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
      )
      .run(userId, user.email, language, this.now(), this.now());
    this.queued();
  }

  /** Sends the welcomes that are due; returns when the next retry is due (null: none waiting). */
  async deliverDue(): Promise<number | null> {
    const now = this.now();
    const due = this.db
      .prepare(
        `SELECT * FROM welcome_mails WHERE status IN ('pending', 'failed') AND next_attempt_at <= ? ORDER BY created_at`,
      )
      .all(now) as WelcomeRow[];
    const settings = this.settings();
    const cancel = this.db.prepare(
      "UPDATE welcome_mails SET status = 'cancelled', next_attempt_at = NULL, last_error = ? WHERE user_id = ?",
    );
    for (const row of due) {
      if (settings.suppressed) {
        cancel.run('Automatic emails to new users are suppressed.', row.user_id);
        continue;
      }
      if (now - row.created_at > GIVE_UP_AFTER_MS) {
        cancel.run('Not delivered within 7 days; given up.', row.user_id);
        continue;
      }
      const user = this.db
        .prepare('SELECT created_by, profile_json FROM users WHERE id = ?')
        .get(row.user_id) as { created_by: string; profile_json: string } | undefined;
      if (!user) continue;
      const profile = JSON.parse(user.profile_json) as Profile;
      const name =
        profile.displayName ??
        ([profile['name.givenName'], profile['name.familyName']].filter(Boolean).join(' ') || null);
      const text = welcomeText(
        {
          organization: this.org.get().name,
          email: row.email,
          name,
          idpName: user.created_by.replace(/^jit:/, ''),
        },
        row.language,
      );
      try {
        await this.mail.send({ to: [row.email], subject: text.subject, text: text.text });
        this.db
          .prepare(
            `UPDATE welcome_mails SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,
               last_error = NULL, next_attempt_at = NULL WHERE user_id = ?`,
          )
          .run(this.now(), row.user_id);
      } catch (error) {
        const reason =
          error instanceof MailError ? error.summary : `Sending failed: ${(error as Error).message}`;
        const attempts = row.attempts + 1;
        this.db
          .prepare(
            "UPDATE welcome_mails SET status = 'failed', attempts = ?, last_error = ?, next_attempt_at = ? WHERE user_id = ?",
          )
          .run(attempts, reason, this.now() + retryDelay(attempts), row.user_id);
        log.warn(`A welcome email was not delivered (attempt ${attempts}); retried later: ${reason}`);
      }
    }
    const next = this.db
      .prepare("SELECT MIN(next_attempt_at) AS at FROM welcome_mails WHERE status IN ('pending', 'failed')")
      .get() as { at: number | null };
    return next.at;
  }

  retryNow(): void {
    this.db
      .prepare("UPDATE welcome_mails SET next_attempt_at = ? WHERE status IN ('pending', 'failed')")
      .run(this.now());
  }
}
