/**
 * Error codes every channel may return. The renderer maps each code (and, where given, the finer
 * `reason`) to a translated message; `message` is the English fallback and what logs show.
 */
export const ErrorCode = {
  /** The arguments do not match the channel's contract. Nothing was changed. */
  BadRequest: 'BAD_REQUEST',
  /** No such channel. */
  UnknownChannel: 'UNKNOWN_CHANNEL',
  /** The caller is not our own renderer (wrong frame, origin or token). */
  Forbidden: 'FORBIDDEN',
  /** The thing asked for does not exist (any more). */
  NotFound: 'NOT_FOUND',
  /** Input was well-formed for the contract but not acceptable (e.g. an otpauth URI we refuse). */
  InvalidInput: 'INVALID_INPUT',
  /** The OS keychain cannot be reached or is locked; Tessera refuses to store secrets elsewhere. */
  KeychainUnavailable: 'KEYCHAIN_UNAVAILABLE',
  /** Tessera is locked (app lock): unlock it first. Nothing was read or changed. */
  Locked: 'LOCKED',
  /** Something failed that the user cannot fix; details are in the main-process log. */
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Why the keychain cannot be used, as stable codes the renderer translates (errors.keychain.<code>).
 * The English `detail` that travels with them is for logs and the fallback.
 */
export const KEYCHAIN_PROBLEMS = [
  'noBus',
  'noService',
  'noCollection',
  'locked',
  'noDbusSend',
  'noAnswer',
  'failed',
  'databaseKeyMissing',
  'noPassword',
  'noPrivateBus',
  'keyringDidNotStart',
  'wrongPassword',
  'storeFailed',
  'dataFolderInUse',
] as const;
export type KeychainProblem = (typeof KEYCHAIN_PROBLEMS)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** A finer, stable key for the renderer's translations (e.g. `otpauth.digits`). */
  reason?: string | undefined;
  /** Values the translated message interpolates (never secrets). */
  params?: Record<string, string | number> | undefined;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/** Thrown by services; the gate turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, reason: this.reason, params: this.params };
  }
}
