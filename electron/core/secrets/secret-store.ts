/**
 * The port every service uses for secret values. The database stores references (account ids);
 * the OS keychain stores the values (GNOME Authenticator's token_id design).
 */
import { AppError, ErrorCode, type KeychainProblem } from '../../../shared/ipc/errors';

export interface SecretStore {
  /** Throws KeychainUnavailable when the keychain cannot be used right now. */
  assertAvailable(): Promise<void>;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Every entry whose account name starts with `prefix`, in one keychain round trip. */
  entries(prefix: string): Promise<Map<string, string>>;
}

export function keychainUnavailable(problem: KeychainProblem, detail: string): AppError {
  return new AppError(
    ErrorCode.KeychainUnavailable,
    `The system keychain is not available: ${detail} Tessera keeps secrets only in the keychain, so it will not store any until it can reach it.`,
    `keychain.${problem}`,
    { detail },
  );
}

/** The problem code carried by a KeychainUnavailable error (see keychainUnavailable). */
export function keychainProblemOf(error: AppError): KeychainProblem {
  return (
    error.reason?.startsWith('keychain.') ? error.reason.slice('keychain.'.length) : 'failed'
  ) as KeychainProblem;
}
