/**
 * Code generation: otplib's TOTP and HOTP with Node's crypto. Pure functions over decoded secret
 * bytes, so the known-answer tests (RFC 4226 App. D, RFC 6238 App. B) exercise exactly this path.
 */
import { createGuardrails } from '@otplib/core';
import { generateSync as hotpGenerate } from '@otplib/hotp';
import { generateSync as totpGenerate } from '@otplib/totp';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { ScureBase32Plugin } from '@otplib/plugin-base32-scure';
import { OTP_LIMITS, type OtpAlgorithm } from '../../../shared/otp/limits';

const crypto = new NodeCryptoPlugin();
const base32 = new ScureBase32Plugin();
/** otplib refuses secrets under 128 bits by default; 80-bit ones are common in the wild (see limits). */
const guardrails = createGuardrails({
  MIN_SECRET_BYTES: OTP_LIMITS.secretMinBytes,
  MAX_SECRET_BYTES: OTP_LIMITS.secretMaxBytes,
  MIN_PERIOD: OTP_LIMITS.periodMin,
  MAX_PERIOD: OTP_LIMITS.periodMax,
});

export interface OtpParams {
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
}

export function totpCode(secret: Uint8Array, params: OtpParams, epochSeconds: number): string {
  return totpGenerate({ secret, ...params, epoch: epochSeconds, crypto, guardrails });
}

export function hotpCode(secret: Uint8Array, params: Omit<OtpParams, 'period'>, counter: number): string {
  return hotpGenerate({
    secret,
    algorithm: params.algorithm,
    digits: params.digits,
    counter,
    crypto,
    guardrails,
  });
}

/** The RFC 6238 time step T for a moment (T0 = 0). */
export function timeStep(epochMs: number, period: number): number {
  return Math.floor(epochMs / 1000 / period);
}

/** Decodes an already normalised and checked base32 secret (see shared/otp/limits). */
export function decodeBase32(normalized: string): Uint8Array {
  return base32.decode(normalized);
}

export function encodeBase32(bytes: Uint8Array): string {
  return base32.encode(bytes, { padding: false });
}
