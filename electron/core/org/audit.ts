/**
 * The audit log: every admin change, written in the same transaction as the change itself (so the
 * log and the configuration never disagree), with before → after as JSON and secrets redacted.
 */
import type { AuditEntry } from '../../../shared/admin/schemas';
import type { Db } from '../store/database';

/** Keys whose string values never reach the log, whatever object they sit in. */
const SECRET_KEY = /secret|password|private|_ref$|Ref$/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && typeof inner === 'string' ? '[redacted]' : redact(inner);
    }
    return out;
  }
  return value;
}

export interface AuditFilter {
  /** Matches the action or the target, case-insensitively. */
  text?: string | undefined;
  /** Only entries before this id (paging). */
  beforeId?: number | undefined;
  limit: number;
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Call inside the transaction that makes the change. */
  record(action: string, target: string, before: unknown, after: unknown): void {
    const json = (value: unknown) =>
      value === undefined || value === null ? null : JSON.stringify(redact(value));
    this.db
      .prepare('INSERT INTO audit_log (at, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?)')
      .run(this.now(), action, target, json(before), json(after));
  }

  list(filter: AuditFilter): AuditEntry[] {
    const text = filter.text?.trim() ? `%${filter.text.trim().replace(/[\\%_]/g, '\\$&')}%` : null;
    const rows = this.db
      .prepare(
        `SELECT id, at, action, target, before_json, after_json FROM audit_log
         WHERE (? IS NULL OR id < ?)
           AND (? IS NULL OR action LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\')
         ORDER BY id DESC LIMIT ?`,
      )
      .all(filter.beforeId ?? null, filter.beforeId ?? null, text, text, text, filter.limit) as {
      id: number;
      at: number;
      action: string;
      target: string;
      before_json: string | null;
      after_json: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      target: row.target,
      before: row.before_json,
      after: row.after_json,
    }));
  }
}
