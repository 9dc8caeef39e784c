/**
 * Tessera's SP certificate (S1, S2) and its renewal (C2, SPEC §4 "zero-downtime rollover").
 *
 * One certificate signs AuthnRequests (`active`). A renewal adds a `next` one, whose key is written
 * to the keychain before its row (two-store order, SecretRefs). Then, by the IdPs' kind:
 *
 * - IdPs that accept several certificates: the next certificate is published in the SP metadata
 *   beside the active one (`overlap`) while requests stay signed with the old key; once the admin
 *   confirms every IdP has the new metadata, requests are signed with the new key and the old one is
 *   still published (`switched`, status `previous`) so an IdP that re-reads late does not break;
 *   "finish" removes the old row, then its key from the keychain.
 * - IdPs that hold one certificate: no overlap is possible, so the switch is scheduled for a time the
 *   admin chooses (when they update the IdPs); at that time the new key signs and the old one is
 *   removed. The time is stored, so a switch that fell due while Tessera was closed happens at start
 *   — and before any request is signed, whatever a timer did.
 */
import { Mutex } from 'async-mutex';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { SpCertificate } from '../../../shared/admin/schemas';
import type { RolloverStart, SpRollover } from '../../../shared/admin/certificates';
import type { Db } from '../store/database';
import type { SecretRefs } from '../secrets/secret-refs';
import type { AuditLog } from '../org/audit';
import type { OrgService } from '../org/org-service';
import {
  certificateInfo,
  generateSelfSignedSpCertificate,
  importCaSignedCertificate,
  type SpKeyType,
} from '../sso/certificates';
import { generateSpMetadata } from '../sso/sp-metadata';
import { createLogger } from '../logger';

const log = createLogger('sp-certificates');

type Status = 'active' | 'next' | 'previous';

interface SpCertRow {
  id: string;
  kind: SpCertificate['kind'];
  certificate_pem: string;
  chain_json: string;
  key_ref: string;
  created_at: number;
  status: Status;
}

interface RolloverRow {
  mode: 'multiple' | 'single';
  switch_at: number | null;
  started_at: number;
  switched_at: number | null;
}

export type SpCertificateImport =
  | { kind: 'pem'; certificatesPem: string; privateKeyPem: string; passphrase?: string | undefined }
  | { kind: 'pkcs12'; base64: string; password: string };

type Material = { certificatePem: string; chainPems: string[]; privateKeyPem: string };

/** setTimeout holds at most 2^31−1 ms (24.8 days); a later switch re-arms on the way. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const invalid = (message: string, reason: string, params?: Record<string, string | number>) =>
  new AppError(ErrorCode.InvalidInput, message, reason, params);

export class SpCertificateService {
  /** Changes that wait on the keychain run one at a time (each reads the state the last left). */
  private readonly changes = new Mutex();
  private keyCache: { ref: string; pem: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Told after each switch to the new key (the expiry alerts look again). */
  onSwitch: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly refs: SecretRefs,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  /** At start: a scheduled switch that fell due while Tessera was closed happens now. */
  async load(): Promise<void> {
    await this.switchIfDue();
    this.arm();
  }

  /** The store is closing: no timer may fire (or be armed again by one still running) after it. */
  close(): void {
    this.closed = true;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private row(status: Status): SpCertRow | null {
    return (
      (this.db.prepare('SELECT * FROM sp_certificates WHERE status = ?').get(status) as
        SpCertRow | undefined) ?? null
    );
  }

  private rolloverRow(): RolloverRow | null {
    return (
      (this.db.prepare('SELECT * FROM sp_rollover WHERE singleton = 1').get() as RolloverRow | undefined) ??
      null
    );
  }

  private toCertificate(row: SpCertRow): SpCertificate {
    return {
      id: row.id,
      kind: row.kind,
      info: certificateInfo(row.certificate_pem),
      certificatePem: row.certificate_pem,
      chainPems: JSON.parse(row.chain_json) as string[],
      createdAt: row.created_at,
    };
  }

  /** The certificate requests are signed with now. */
  current(): SpCertificate | null {
    const row = this.row('active');
    return row ? this.toCertificate(row) : null;
  }

  // ── The first certificate (the SAML wizard, S1) ────────────────────────────────────────────

  generate(keyType: SpKeyType): Promise<SpCertificate> {
    return this.changes.runExclusive(async () =>
      this.replaceActive('self-signed', await this.selfSigned(keyType)),
    );
  }

  import(input: SpCertificateImport): Promise<SpCertificate> {
    return this.changes.runExclusive(() => this.replaceActive('ca-signed', this.caSigned(input)));
  }

  private selfSigned(keyType: SpKeyType): Promise<Material> {
    return generateSelfSignedSpCertificate({
      commonName: `Tessera SP ${this.org.id}`,
      keyType,
      now: new Date(this.now()),
    });
  }

  private caSigned(input: SpCertificateImport): Material {
    return importCaSignedCertificate(
      input.kind === 'pem'
        ? {
            kind: 'pem',
            certificatesPem: input.certificatesPem,
            privateKeyPem: input.privateKeyPem,
            passphrase: input.passphrase,
          }
        : { kind: 'pkcs12', data: Buffer.from(input.base64, 'base64'), password: input.password },
      new Date(this.now()),
    );
  }

  /**
   * Replaces the certificate outright (the wizard, before IdPs know it). During a renewal that
   * would pull the certificate from under IdPs being updated, so it is refused.
   */
  private async replaceActive(kind: SpCertificate['kind'], material: Material): Promise<SpCertificate> {
    if (this.rolloverRow()) {
      throw invalid(
        'A certificate renewal is in progress. Finish or cancel it on the Certificates page first.',
        'rollover.inProgress',
      );
    }
    const old = this.row('active');
    const before = old && this.toCertificate(old);
    await this.insertWithKey(kind, material, 'active', () => {
      if (old) {
        this.db.prepare('DELETE FROM sp_certificates WHERE id = ?').run(old.id);
        this.refs.markRemoved(old.key_ref);
      }
      this.audit.record(
        'sp.certificate',
        'SP certificate',
        before && { kind: before.kind, info: before.info },
        { kind, info: certificateInfo(material.certificatePem) },
      );
    });
    await this.finishRemovals();
    return this.current()!;
  }

  /** Keychain first, then the row in one transaction with `alsoInTransaction` (two-store order). */
  private async insertWithKey(
    kind: SpCertificate['kind'],
    material: Material,
    status: Status,
    alsoInTransaction: () => void,
  ): Promise<void> {
    const ref = this.refs.newRef('sp-key');
    await this.refs.write(ref, material.privateKeyPem);
    try {
      this.db.transaction(() => {
        alsoInTransaction();
        this.db
          .prepare(
            `INSERT INTO sp_certificates (id, kind, certificate_pem, chain_json, key_ref, created_at, status)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            randomUUID(),
            kind,
            material.certificatePem,
            JSON.stringify(material.chainPems),
            ref,
            this.now(),
            status,
          );
        this.refs.commitAdded(ref);
      })();
    } catch (error) {
      await this.refs.discard(ref);
      throw error;
    }
  }

  /** After a committed change: a removal that fails now is retried at the next start. */
  private async finishRemovals(): Promise<void> {
    try {
      await this.refs.finishRemovals();
    } catch (error) {
      log.warn(
        `An old keychain item could not be removed yet; it is retried at the next start (${String(error)}).`,
      );
    }
  }

  // ── What signing and publishing read ───────────────────────────────────────────────────────

  /**
   * The key AuthnRequests are signed with. A scheduled switch that is due happens first, so no
   * request is signed with a key the IdP no longer accepts because a timer was late.
   */
  async signingKey(): Promise<string | null> {
    await this.switchIfDue();
    const row = this.row('active');
    if (!row) return null;
    // A keychain read costs ~9 ms per request; the key is kept in this (main) process under its
    // keychain name, so a new certificate (a new name) is read afresh.
    if (this.keyCache?.ref === row.key_ref) return this.keyCache.pem;
    const pem = await this.refs.read(row.key_ref);
    this.keyCache = pem ? { ref: row.key_ref, pem } : null;
    return pem;
  }

  /** The certificates the SP metadata publishes now: active first, then the one beside it. */
  private published(): SpCertRow[] {
    const rollover = this.rolloverRow();
    const active = this.row('active');
    if (!active) return [];
    if (rollover?.mode === 'multiple') {
      const beside = this.row('next') ?? this.row('previous');
      return beside ? [active, beside] : [active];
    }
    return [active];
  }

  /**
   * S2/C2: `tessera-sp-<org-id>.xml`, optionally signed with the active key. `next` is the metadata
   * as it will be once the renewal is done (the new certificate only): for IdPs that hold one.
   */
  async metadata(
    signed: boolean,
    which: 'current' | 'next' = 'current',
  ): Promise<{ fileName: string; xml: string }> {
    await this.switchIfDue();
    const active = this.row('active');
    if (!active) {
      throw invalid(
        'Create or import the SP certificate first; the metadata carries it.',
        'sp.noCertificate',
      );
    }
    const rows = which === 'next' ? [this.row('next') ?? active] : this.published();
    const org = this.org.get();
    let sign: { privateKeyPem: string; certificatePem: string } | undefined;
    if (signed) {
      const privateKeyPem = await this.refs.read(active.key_ref);
      if (!privateKeyPem) {
        throw new AppError(
          ErrorCode.Internal,
          'The SP private key is missing from the keychain; create a new SP certificate.',
          'sp.keyMissing',
        );
      }
      sign = { privateKeyPem, certificatePem: active.certificate_pem };
    }
    const xml = generateSpMetadata({
      entityId: org.sp.entityId,
      acsUrl: org.sp.acsUrl,
      sloUrl: org.sp.sloUrl,
      certificatesPem: rows.map((row) => row.certificate_pem),
      sign,
    });
    const suffix = which === 'next' ? '-next' : '';
    return { fileName: `tessera-sp-${org.id}${suffix}.xml`, xml };
  }

  /** One certificate as a PEM file (for IdPs that take a certificate rather than metadata). */
  certificateFile(which: 'current' | 'next'): { fileName: string; content: string } {
    const active = this.row('active');
    if (!active) throw invalid('There is no SP certificate yet.', 'sp.noCertificate');
    const row = which === 'next' ? (this.row('next') ?? active) : active;
    const suffix = which === 'next' ? '-next' : '';
    return { fileName: `tessera-sp-${this.org.id}${suffix}.pem`, content: row.certificate_pem };
  }

  // ── C2: the renewal ────────────────────────────────────────────────────────────────────────

  rollover(): SpRollover | null {
    const rollover = this.rolloverRow();
    const active = this.row('active');
    if (!rollover || !active) return null;
    const next = this.row('next');
    const previous = this.row('previous');
    return {
      mode: rollover.mode,
      phase:
        rollover.mode === 'single' ? 'scheduled' : rollover.switched_at === null ? 'overlap' : 'switched',
      startedAt: rollover.started_at,
      switchAt: rollover.switch_at,
      switchedAt: rollover.switched_at,
      active: certificateInfo(active.certificate_pem),
      next: next && certificateInfo(next.certificate_pem),
      previous: previous && certificateInfo(previous.certificate_pem),
    };
  }

  startRollover(input: RolloverStart): Promise<SpRollover> {
    return this.changes.runExclusive(async () => {
      if (!this.row('active')) {
        throw invalid(
          'There is no SP certificate to renew yet; create one in the SAML setup.',
          'sp.noCertificate',
        );
      }
      if (this.rolloverRow()) {
        throw invalid(
          'A certificate renewal is already in progress; finish or cancel it first.',
          'rollover.inProgress',
        );
      }
      const switchAt = input.mode === 'single' ? input.switchAt : null;
      if (input.mode === 'single' && (switchAt === null || switchAt <= this.now())) {
        throw invalid('Choose a time in the future for the switch.', 'rollover.switchAtPast');
      }
      const { certificate } = input;
      const kind = certificate.kind === 'self-signed' ? 'self-signed' : 'ca-signed';
      const material =
        certificate.kind === 'self-signed'
          ? await this.selfSigned(certificate.keyType)
          : this.caSigned(certificate);
      const before = this.current()!;
      await this.insertWithKey(kind, material, 'next', () => {
        this.db
          .prepare(
            'INSERT INTO sp_rollover (singleton, mode, switch_at, started_at, switched_at) VALUES (1, ?, ?, ?, NULL)',
          )
          .run(input.mode, switchAt, this.now());
        this.audit.record(
          'sp.rollover.start',
          'SP certificate',
          { info: before.info },
          {
            mode: input.mode,
            kind,
            info: certificateInfo(material.certificatePem),
            ...(switchAt ? { switchAt: new Date(switchAt).toISOString() } : {}),
          },
        );
      });
      this.arm();
      return this.rollover()!;
    });
  }

  /**
   * "All IdPs updated" (multiple) or "switch now" (single): requests are signed with the new key.
   * With several certificates the old one stays published until `finish`; with one it goes now.
   */
  switchSigning(): Promise<SpRollover | null> {
    return this.changes.runExclusive(async () => {
      const rollover = this.rolloverRow();
      if (!rollover || !this.row('next')) {
        throw invalid('There is no new certificate to switch to.', 'rollover.none');
      }
      this.switchNow(rollover, 'confirmed');
      await this.finishRemovals();
      this.arm();
      return this.rollover();
    });
  }

  /** Multiple: after the switch, the old certificate leaves the metadata and its key the keychain. */
  finishRollover(): Promise<void> {
    return this.changes.runExclusive(async () => {
      const rollover = this.rolloverRow();
      const previous = this.row('previous');
      if (!rollover || rollover.switched_at === null || !previous) {
        throw invalid('Switch to the new certificate before finishing the renewal.', 'rollover.notSwitched');
      }
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM sp_certificates WHERE id = ?').run(previous.id);
        this.refs.markRemoved(previous.key_ref);
        this.db.prepare('DELETE FROM sp_rollover WHERE singleton = 1').run();
        this.audit.record(
          'sp.rollover.finish',
          'SP certificate',
          { removed: certificateInfo(previous.certificate_pem) },
          {
            active: certificateInfo(this.row('active')!.certificate_pem),
          },
        );
      })();
      await this.finishRemovals();
    });
  }

  /** Before the switch: the new certificate is dropped (row, then key) and nothing else changes. */
  cancelRollover(): Promise<void> {
    return this.changes.runExclusive(async () => {
      const rollover = this.rolloverRow();
      const next = this.row('next');
      if (!rollover || !next) {
        throw invalid(
          'The switch already happened; finish the renewal instead of cancelling it.',
          'rollover.cannotCancel',
        );
      }
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM sp_certificates WHERE id = ?').run(next.id);
        this.refs.markRemoved(next.key_ref);
        this.db.prepare('DELETE FROM sp_rollover WHERE singleton = 1').run();
        this.audit.record(
          'sp.rollover.cancel',
          'SP certificate',
          { next: certificateInfo(next.certificate_pem) },
          null,
        );
      })();
      this.arm();
      await this.finishRemovals();
    });
  }

  /** One transaction: next → active; the old one → previous (multiple) or removed (single). */
  private switchNow(rollover: RolloverRow, why: 'confirmed' | 'scheduled'): void {
    this.db.transaction(() => {
      const active = this.row('active')!;
      const next = this.row('next')!;
      if (rollover.mode === 'multiple') {
        this.db.prepare("UPDATE sp_certificates SET status = 'previous' WHERE id = ?").run(active.id);
        this.db.prepare("UPDATE sp_certificates SET status = 'active' WHERE id = ?").run(next.id);
        this.db.prepare('UPDATE sp_rollover SET switched_at = ? WHERE singleton = 1').run(this.now());
      } else {
        this.db.prepare('DELETE FROM sp_certificates WHERE id = ?').run(active.id);
        this.refs.markRemoved(active.key_ref);
        this.db.prepare("UPDATE sp_certificates SET status = 'active' WHERE id = ?").run(next.id);
        this.db.prepare('DELETE FROM sp_rollover WHERE singleton = 1').run();
      }
      this.audit.record(
        'sp.rollover.switch',
        'SP certificate',
        { signingWith: certificateInfo(active.certificate_pem) },
        { signingWith: certificateInfo(next.certificate_pem), why },
      );
    })();
    log.info(`SP requests are now signed with the new certificate (${why}).`);
    this.onSwitch?.();
  }

  private async switchIfDue(): Promise<void> {
    const rollover = this.rolloverRow();
    if (rollover?.mode !== 'single' || rollover.switch_at === null || rollover.switch_at > this.now()) return;
    if (!this.row('next')) return;
    await this.changes.runExclusive(async () => {
      // Re-read under the lock: another caller may have switched meanwhile.
      const again = this.rolloverRow();
      if (
        again?.mode !== 'single' ||
        again.switch_at === null ||
        again.switch_at > this.now() ||
        !this.row('next')
      )
        return;
      this.switchNow(again, 'scheduled');
      await this.finishRemovals();
    });
  }

  /** A timer for the scheduled switch, so it happens on time even with no sign-in to trigger it. */
  private arm(afterAttempt = false): void {
    this.clearTimer();
    if (this.closed) return;
    const rollover = this.rolloverRow();
    if (rollover?.mode !== 'single' || rollover.switch_at === null) return;
    // Due after an attempt means that attempt failed (the keychain, say): try again in a while.
    const left = rollover.switch_at - this.now();
    const delay = Math.min(left > 0 ? left : afterAttempt ? 30_000 : 0, MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      this.switchIfDue()
        .catch((error: unknown) =>
          log.warn(`The scheduled certificate switch failed; it is retried (${String(error)}).`),
        )
        .finally(() => this.arm(true));
    }, delay);
    this.timer.unref();
  }
}
