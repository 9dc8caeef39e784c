/**
 * MFA enrollment and verification for directory users (SPEC M5–M8): a TOTP secret per user, kept in
 * the keychain (the row holds only its name). Enrollment (M7) shows a fresh secret as a QR code and
 * as text, and stores it only once a code from it is entered, so an abandoned enrollment leaves
 * nothing another sign-in could show again. Verification accepts the previous, current and next
 * 30-second step (RFC 6238 §5.2) and never the same step twice (§5.2: "MUST NOT accept the second
 * attempt of the same OTP"), and guesses are throttled (see Throttle).
 */
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { verifySync } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { Db } from '../store/database';
import type { SecretRefs } from '../secrets/secret-refs';
import type { Throttle } from '../broker/throttle';
import { decodeBase32, encodeBase32 } from '../totp/otp';

const crypto = new NodeCryptoPlugin();
const PERIOD = 30;
/** 160 bits, RFC 4226 §4's recommendation. */
const SECRET_BYTES = 20;

interface EnrollmentRow {
  user_id: string;
  secret_ref: string;
  confirmed_at: number | null;
  last_step: number | null;
}

export interface Enrollment {
  otpauthUri: string;
  qrDataUrl: string;
  /** For typing it in by hand; shown on the enrollment page only, kept in the flow until confirmed. */
  secret: string;
}

const throttleKey = (userId: string) => `mfa:${userId}`;

export class MfaService {
  constructor(
    private readonly db: Db,
    private readonly refs: SecretRefs,
    private readonly throttle: Throttle,
    private readonly now: () => number,
  ) {}

  private row(userId: string): EnrollmentRow | undefined {
    return this.db.prepare('SELECT * FROM mfa_enrollments WHERE user_id = ?').get(userId) as
      EnrollmentRow | undefined;
  }

  enrolled(userId: string): boolean {
    return (this.row(userId)?.confirmed_at ?? null) !== null;
  }

  /** A fresh secret to show; nothing is stored until `confirmEnrollment`. */
  async newEnrollment(email: string, issuer: string): Promise<Enrollment> {
    const secret = encodeBase32(randomBytes(SECRET_BYTES));
    const otpauthUri = generateTOTP({
      issuer,
      label: email,
      secret,
      algorithm: 'sha1',
      digits: 6,
      period: PERIOD,
    });
    return {
      otpauthUri,
      qrDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 4, width: 256 }),
      secret,
    };
  }

  /** The step `code` belongs to (±1 step), or null. */
  private match(secret: string, code: string, after?: number): number | null {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const result = verifySync({
      secret: decodeBase32(secret),
      token,
      crypto,
      period: PERIOD,
      digits: 6,
      epoch: this.now() / 1000,
      epochTolerance: PERIOD,
      ...(after === undefined ? {} : { afterTimeStep: after }),
    });
    return result.valid ? result.timeStep : null;
  }

  private wrongCode(failures: number): AppError {
    return new AppError(
      ErrorCode.InvalidInput,
      `That code is not right (${failures} failed in a row). Check that the device's clock is correct.`,
      'mfa.wrongCode',
      { failures },
    );
  }

  /** M7: the first code from the shown secret; then the secret is stored (keychain, then row). */
  async confirmEnrollment(userId: string, secret: string, code: string): Promise<void> {
    const key = throttleKey(userId);
    const failures = this.throttle.attempt(key);
    if (this.enrolled(userId)) {
      throw new AppError(
        ErrorCode.InvalidInput,
        'MFA is already set up for this user.',
        'mfa.alreadyEnrolled',
      );
    }
    const step = this.match(secret, code);
    if (step === null) throw this.wrongCode(failures);
    const old = this.row(userId);
    const ref = this.refs.newRef('mfa-secret');
    await this.refs.write(ref, secret);
    try {
      this.db.transaction(() => {
        if (old) this.refs.markRemoved(old.secret_ref);
        this.db
          .prepare(
            `INSERT OR REPLACE INTO mfa_enrollments (user_id, secret_ref, confirmed_at, last_step, created_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(userId, ref, this.now(), step, this.now());
        this.refs.commitAdded(ref);
      })();
    } catch (error) {
      await this.refs.discard(ref);
      throw error;
    }
    await this.refs.finishRemovals();
    this.throttle.reset(key);
  }

  /**
   * Checks a code of a confirmed enrollment. Throws an AppError that says what was wrong (wrong
   * code, code already used, throttled, locked); every attempt counts until one succeeds.
   */
  async verify(userId: string, code: string): Promise<void> {
    const key = throttleKey(userId);
    const failures = this.throttle.attempt(key);
    const row = this.row(userId);
    if (!row?.confirmed_at) {
      throw new AppError(ErrorCode.NotFound, 'MFA is not set up for this user.', 'mfa.notEnrolled');
    }
    const secret = await this.refs.read(row.secret_ref);
    if (!secret) {
      throw new AppError(
        ErrorCode.Internal,
        "This user's MFA secret is missing from the keychain; an administrator must reset their MFA.",
        'mfa.secretMissing',
      );
    }
    const step = this.match(secret, code);
    // The step is taken atomically: of two requests with the same code, one wins.
    const taken =
      step !== null &&
      this.db
        .prepare(
          'UPDATE mfa_enrollments SET last_step = ?1 WHERE user_id = ?2 AND (last_step IS NULL OR last_step < ?1)',
        )
        .run(step, userId).changes === 1;
    if (!taken) {
      if (step !== null) {
        throw new AppError(
          ErrorCode.InvalidInput,
          'That code was already used. Wait for the next code and enter it.',
          'mfa.codeReused',
          { failures },
        );
      }
      throw this.wrongCode(failures);
    }
    this.throttle.reset(key);
  }

  /** M8: the user re-enrolls at the next sign-in; the old secret leaves the keychain. */
  async reset(userId: string): Promise<void> {
    const row = this.row(userId);
    this.db.transaction(() => {
      if (row) {
        this.refs.markRemoved(row.secret_ref);
        this.db.prepare('DELETE FROM mfa_enrollments WHERE user_id = ?').run(userId);
      }
      this.throttle.reset(throttleKey(userId));
      // Signed-in sessions that passed MFA with the old device end too.
      this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    })();
    await this.refs.finishRemovals();
  }
}
