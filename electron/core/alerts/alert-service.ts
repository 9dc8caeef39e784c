/**
 * Certificate expiry alerts (SPEC C4, C5). `check` compares every certificate Tessera relies on
 * with the thresholds (60, 45, 30, 15 days before expiry, and expiry) and raises an alert once per
 * rule, certificate fingerprint and threshold — the database's UNIQUE key makes that hold across
 * restarts. When Tessera was closed past several thresholds, only the most recent is raised: a
 * certificate's "stage" is the lowest threshold it has reached, and an alert is due only when no
 * alert at that stage or a later one exists. A renewed certificate has a new fingerprint, so the
 * old one stops alerting once it is no longer in use (or a later certificate of the same IdPs
 * covers it).
 *
 * Each alert has a delivery per channel. Email goes through MailService and, when the server is
 * down or refuses, stays "failed" with the reason and is retried with back-off; a notification is
 * delivered when the desktop app showed it, or the console did.
 */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import {
  ALERT_RULES,
  type Alert,
  type AlertDelivery,
  type AlertRule,
  type AlertRuleId,
  type MailLanguage,
} from '../../../shared/admin/alerts';
import type { Db } from '../store/database';
import type { AuditLog } from '../org/audit';
import type { OrgService } from '../org/org-service';
import { fingerprintHex, listCertificates, type CertificateEntry } from '../certificates/inventory';
import { MailError, type MailService } from './mail-service';
import { alertText } from './alert-text';
import { createLogger } from '../logger';

const log = createLogger('alerts');

export const DAY_MS = 24 * 60 * 60 * 1000;
const THRESHOLDS_DESC = [60, 45, 30, 15] as const;

/** Whole days left, rounded up: "expires in 30 days" on the day 30 days remain; ≤ 0 is expired. */
export function daysLeft(notAfter: string, now: number): number {
  return Math.ceil((Date.parse(notAfter) - now) / DAY_MS);
}

/** The lowest threshold a certificate has reached (0: expired), or null while more than 60 days remain. */
export function stageOf(days: number): number | null {
  if (days <= 0) return 0;
  let stage: number | null = null;
  for (const threshold of THRESHOLDS_DESC) if (days <= threshold) stage = threshold;
  return stage;
}

/** When the next threshold after `stage` is reached. */
function nextStageAt(notAfter: string, stage: number | null): number {
  const end = Date.parse(notAfter);
  const next = THRESHOLDS_DESC.find((threshold) => stage === null || threshold < stage);
  return next === undefined ? end : end - next * DAY_MS;
}

/** Retry after 1, 2, 4 … minutes, at most every 6 hours. */
export function retryDelay(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

export interface AlertNotification {
  alertId: string;
  title: string;
  body: string;
}

/** Shows a notification (the desktop app: Electron's, from main); true when it was shown. */
export type NotificationListener = (notification: AlertNotification) => boolean;

interface RuleRow {
  rule: AlertRuleId;
  enabled: number;
  email: number;
  notification: number;
  recipients_json: string;
}

interface AlertRow {
  id: string;
  rule: AlertRuleId;
  fingerprint: string;
  threshold: number;
  certificate_json: string;
  days_left: number;
  created_at: number;
  acknowledged_at: number | null;
}

interface DeliveryRow {
  alert_id: string;
  channel: AlertDelivery['channel'];
  recipients_json: string;
  status: AlertDelivery['status'];
  attempts: number;
  last_error: string | null;
  next_attempt_at: number | null;
  delivered_at: number | null;
}

const ruleOf = (cert: CertificateEntry): AlertRuleId =>
  cert.use === 'sp' ? 'sp-certificate-expiry' : 'idp-certificate-expiry';

export const WAITING_FOR_WINDOW = 'Waiting for Tessera to be open to show it.';

/**
 * The inventory lists an IdP certificate once per IdP that pins it; an alert is about the
 * certificate, naming every IdP that uses it.
 */
function byCertificate(entries: CertificateEntry[]): CertificateEntry[] {
  const merged = new Map<string, CertificateEntry>();
  for (const entry of entries) {
    const key = `${entry.use} ${fingerprintHex(entry.fingerprintSha256)}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...entry, idpIds: [...entry.idpIds], idpNames: [...entry.idpNames] });
      continue;
    }
    for (const [index, idpId] of entry.idpIds.entries()) {
      if (seen.idpIds.includes(idpId)) continue;
      seen.idpIds.push(idpId);
      seen.idpNames.push(entry.idpNames[index] ?? idpId);
    }
    // Still in use by one IdP is still in use.
    if (seen.status === 'previous') seen.status = entry.status;
  }
  return [...merged.values()];
}

export class AlertService {
  private readonly listeners = new Set<NotificationListener>();

  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly mail: MailService,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    private readonly language: () => MailLanguage,
  ) {}

  // ── Rules ───────────────────────────────────────────────────────────────────────────────────

  rules(): AlertRule[] {
    const rows = this.db.prepare('SELECT * FROM alert_rules').all() as RuleRow[];
    return ALERT_RULES.map((id) => {
      const row = rows.find((r) => r.rule === id)!;
      return {
        rule: id,
        enabled: row.enabled === 1,
        email: row.email === 1,
        notification: row.notification === 1,
        recipients: JSON.parse(row.recipients_json) as string[],
      };
    });
  }

  setRule(rule: AlertRule): AlertRule {
    if (rule.enabled && rule.email && rule.recipients.length === 0) {
      throw new AppError(
        ErrorCode.InvalidInput,
        'Email delivery needs at least one recipient.',
        'alerts.recipientsRequired',
      );
    }
    const recipients = [...new Set(rule.recipients)];
    const before = this.rules().find((r) => r.rule === rule.rule);
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE alert_rules SET enabled = ?, email = ?, notification = ?, recipients_json = ? WHERE rule = ?',
        )
        .run(
          Number(rule.enabled),
          Number(rule.email),
          Number(rule.notification),
          JSON.stringify(recipients),
          rule.rule,
        );
      this.audit.record('alerts.rule', rule.rule, before, { ...rule, recipients });
    })();
    return this.rules().find((r) => r.rule === rule.rule)!;
  }

  // ── The alert centre ────────────────────────────────────────────────────────────────────────

  list(): Alert[] {
    const alerts = this.db
      .prepare('SELECT * FROM alerts ORDER BY created_at DESC, threshold ASC')
      .all() as AlertRow[];
    const deliveries = this.db.prepare('SELECT * FROM alert_deliveries').all() as DeliveryRow[];
    const byAlert = new Map<string, DeliveryRow[]>();
    for (const row of deliveries) byAlert.set(row.alert_id, [...(byAlert.get(row.alert_id) ?? []), row]);
    return alerts.map((row) => this.toAlert(row, byAlert.get(row.id) ?? []));
  }

  private toAlert(row: AlertRow, deliveries: DeliveryRow[]): Alert {
    return {
      id: row.id,
      rule: row.rule,
      threshold: row.threshold,
      daysLeft: row.days_left,
      certificate: JSON.parse(row.certificate_json) as Alert['certificate'],
      createdAt: row.created_at,
      acknowledgedAt: row.acknowledged_at,
      deliveries: deliveries
        .sort((a, b) => a.channel.localeCompare(b.channel))
        .map((d) => ({
          channel: d.channel,
          status: d.status,
          recipients: JSON.parse(d.recipients_json) as string[],
          attempts: d.attempts,
          lastError: d.last_error,
          nextAttemptAt: d.next_attempt_at,
          deliveredAt: d.delivered_at,
        })),
    };
  }

  acknowledge(id: string): Alert {
    const result = this.db
      .prepare('UPDATE alerts SET acknowledged_at = COALESCE(acknowledged_at, ?) WHERE id = ?')
      .run(this.now(), id);
    if (result.changes === 0)
      throw new AppError(ErrorCode.NotFound, 'That alert no longer exists.', 'alerts.notFound');
    return this.list().find((alert) => alert.id === id)!;
  }

  /** The console showed these alerts' notifications (browser mode has no desktop notifications from main). */
  markNotified(ids: string[]): void {
    const update = this.db.prepare(
      `UPDATE alert_deliveries SET status = 'delivered', delivered_at = ?, last_error = NULL, next_attempt_at = NULL
       WHERE alert_id = ? AND channel = 'notification' AND status IN ('pending', 'failed')`,
    );
    this.db.transaction(() => {
      for (const id of ids) update.run(this.now(), id);
    })();
  }

  onNotification(listener: NotificationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── Raising alerts ──────────────────────────────────────────────────────────────────────────

  /** The certificates that still need to be renewed (not replaced already). */
  private alerting(certificates: CertificateEntry[], now: number): CertificateEntry[] {
    return certificates.filter((cert) => {
      if (cert.status === 'previous') return false;
      if (cert.use === 'sp') return true;
      // An IdP certificate is renewed when every IdP pinning it also pins a later, valid one.
      return !cert.idpIds.every((idpId) =>
        certificates.some(
          (other) =>
            other !== cert &&
            other.use === 'idp' &&
            other.status !== 'previous' &&
            other.idpIds.includes(idpId) &&
            Date.parse(other.notBefore) <= now &&
            Date.parse(other.notAfter) > Date.parse(cert.notAfter),
        ),
      );
    });
  }

  /** Raises the alerts due now; returns when the next threshold is reached (null: none coming). */
  check(): number | null {
    const now = this.now();
    const rules = new Map(this.rules().map((rule) => [rule.rule, rule]));
    let certificates: CertificateEntry[];
    try {
      certificates = byCertificate(listCertificates(this.db));
    } catch (error) {
      log.error('The certificates could not be read for the expiry alerts', error);
      return null;
    }
    const live = new Set<string>();
    let next: number | null = null;
    for (const cert of this.alerting(certificates, now)) {
      const rule = rules.get(ruleOf(cert))!;
      if (!rule.enabled) continue;
      const fingerprint = fingerprintHex(cert.fingerprintSha256);
      live.add(`${rule.rule} ${fingerprint}`);
      const days = daysLeft(cert.notAfter, now);
      const stage = stageOf(days);
      if (stage !== 0) {
        const at = nextStageAt(cert.notAfter, stage);
        next = next === null ? at : Math.min(next, at);
      }
      if (stage === null) continue;
      const done = this.db
        .prepare('SELECT 1 FROM alerts WHERE rule = ? AND fingerprint = ? AND threshold <= ?')
        .get(rule.rule, fingerprint, stage);
      if (done) continue;
      this.raise(rule, cert, fingerprint, stage, days, now);
    }
    this.cancelObsolete(live);
    return next;
  }

  private raise(
    rule: AlertRule,
    cert: CertificateEntry,
    fingerprint: string,
    stage: number,
    days: number,
    now: number,
  ): void {
    const id = randomUUID();
    const certificate: Alert['certificate'] = {
      use: cert.use,
      subject: cert.subject,
      issuer: cert.issuer,
      fingerprintSha256: cert.fingerprintSha256,
      notAfter: cert.notAfter,
      idpNames: cert.idpNames,
    };
    this.db.transaction(() => {
      // A later alert replaces an earlier one still waiting: never a burst of old news.
      this.db
        .prepare(
          `UPDATE alert_deliveries SET status = 'cancelled', next_attempt_at = NULL,
             last_error = 'A later alert about this certificate replaced it.'
           WHERE status IN ('pending', 'failed')
             AND alert_id IN (SELECT id FROM alerts WHERE rule = ? AND fingerprint = ?)`,
        )
        .run(rule.rule, fingerprint);
      this.db
        .prepare(
          `INSERT INTO alerts (id, rule, fingerprint, threshold, certificate_json, days_left, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, rule.rule, fingerprint, stage, JSON.stringify(certificate), days, now);
      const delivery = this.db.prepare(
        `INSERT INTO alert_deliveries (alert_id, channel, recipients_json, status, attempts, last_error, next_attempt_at)
         VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
      );
      if (rule.email) delivery.run(id, 'email', JSON.stringify(rule.recipients), null, now);
      if (rule.notification) delivery.run(id, 'notification', '[]', WAITING_FOR_WINDOW, null);
    })();
    log.info(
      `Alert raised: ${cert.use} certificate ${fingerprint.slice(0, 16)}… at ${stage} days (${days} left).`,
    );
  }

  /** Deliveries still waiting for a certificate that was renewed, or a rule turned off, are cancelled. */
  private cancelObsolete(live: Set<string>): void {
    const waiting = this.db
      .prepare(
        `SELECT DISTINCT alerts.rule, alerts.fingerprint FROM alert_deliveries JOIN alerts ON alerts.id = alert_id
         WHERE status IN ('pending', 'failed')`,
      )
      .all() as { rule: AlertRuleId; fingerprint: string }[];
    const rules = new Map(this.rules().map((rule) => [rule.rule, rule]));
    const cancel = this.db.prepare(
      `UPDATE alert_deliveries SET status = 'cancelled', next_attempt_at = NULL, last_error = ?
       WHERE status IN ('pending', 'failed') AND alert_id IN (SELECT id FROM alerts WHERE rule = ? AND fingerprint = ?)`,
    );
    for (const { rule, fingerprint } of waiting) {
      if (live.has(`${rule} ${fingerprint}`)) continue;
      const reason = rules.get(rule)?.enabled
        ? 'The certificate was renewed or is no longer used: nothing more to send.'
        : 'The alert rule was turned off.';
      cancel.run(reason, rule, fingerprint);
      log.info(`Undelivered alerts for ${fingerprint.slice(0, 16)}… cancelled: ${reason}`);
    }
  }

  // ── Delivering ──────────────────────────────────────────────────────────────────────────────

  private textOf(row: AlertRow) {
    const certificate = JSON.parse(row.certificate_json) as Alert['certificate'];
    return alertText(
      { ...certificate, daysLeft: row.days_left, organization: this.org.get().name },
      this.language(),
    );
  }

  /** Sends what is due; returns when the next retry is due (null: nothing waiting). */
  async deliverDue(): Promise<number | null> {
    const now = this.now();
    const due = this.db
      .prepare(
        `SELECT d.*, a.* FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
         WHERE d.status IN ('pending', 'failed') AND (d.channel = 'notification' OR d.next_attempt_at <= ?)
         ORDER BY a.created_at`,
      )
      .all(now) as (DeliveryRow & AlertRow)[];
    for (const row of due) {
      if (row.channel === 'notification') {
        this.notify(row);
        continue;
      }
      const text = this.textOf(row);
      try {
        await this.mail.send({
          to: JSON.parse(row.recipients_json) as string[],
          subject: text.subject,
          text: text.text,
        });
        this.db
          .prepare(
            `UPDATE alert_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,
               last_error = NULL, next_attempt_at = NULL WHERE alert_id = ? AND channel = 'email'`,
          )
          .run(this.now(), row.alert_id);
      } catch (error) {
        const reason =
          error instanceof MailError ? error.summary : `Sending failed: ${(error as Error).message}`;
        const attempts = row.attempts + 1;
        this.db
          .prepare(
            `UPDATE alert_deliveries SET status = 'failed', attempts = ?, last_error = ?, next_attempt_at = ?
             WHERE alert_id = ? AND channel = 'email'`,
          )
          .run(attempts, reason, this.now() + retryDelay(attempts), row.alert_id);
        log.warn(`An alert email was not delivered (attempt ${attempts}); retried later: ${reason}`);
      }
    }
    const next = this.db
      .prepare(
        `SELECT MIN(next_attempt_at) AS at FROM alert_deliveries WHERE status IN ('pending', 'failed') AND channel = 'email'`,
      )
      .get() as { at: number | null };
    return next.at;
  }

  private notify(row: DeliveryRow & AlertRow): void {
    if (this.listeners.size === 0) return;
    const text = this.textOf(row);
    let shown = false;
    for (const listener of this.listeners) {
      try {
        shown = listener({ alertId: row.alert_id, title: text.title, body: text.body }) || shown;
      } catch (error) {
        log.warn('A desktop notification could not be shown', error);
      }
    }
    if (shown) this.markNotified([row.alert_id]);
  }

  /** The mail server was set up or changed: failed emails are tried again now. */
  retryEmailsNow(): void {
    this.db
      .prepare(
        `UPDATE alert_deliveries SET next_attempt_at = ? WHERE status IN ('pending', 'failed') AND channel = 'email'`,
      )
      .run(this.now());
  }
}
