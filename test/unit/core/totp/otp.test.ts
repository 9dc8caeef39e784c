import { describe, expect, it } from 'vitest';
import { createGuardrails } from '@otplib/core';
import { generateSync as otplibHotp } from '@otplib/hotp';
import { generateSync as otplibTotp } from '@otplib/totp';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { hotpCode, totpCode, decodeBase32, timeStep } from '../../../../electron/core/totp/otp';

// Known answers from RFC 6238 Appendix B (with errata 2866: each algorithm has its own seed) and
// RFC 4226 Appendix D; the same tables are in ../shared/vectors/otp-rfc.md.
const seeds = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'ascii'));

const TOTP_VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  // Needs a 64-bit counter: T = 0x27BC86AA exceeds 2^31.
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238 Appendix B)', () => {
  for (const [time, sha1, sha256, sha512] of TOTP_VECTORS) {
    it(`t=${time}`, () => {
      expect(totpCode(bytes(seeds.sha1), { algorithm: 'sha1', digits: 8, period: 30 }, time)).toBe(sha1);
      expect(totpCode(bytes(seeds.sha256), { algorithm: 'sha256', digits: 8, period: 30 }, time)).toBe(
        sha256,
      );
      expect(totpCode(bytes(seeds.sha512), { algorithm: 'sha512', digits: 8, period: 30 }, time)).toBe(
        sha512,
      );
    });
  }

  it('truncates to 6 and 7 digits from the same value', () => {
    expect(totpCode(bytes(seeds.sha1), { algorithm: 'sha1', digits: 6, period: 30 }, 59)).toBe('287082');
    expect(totpCode(bytes(seeds.sha1), { algorithm: 'sha1', digits: 7, period: 30 }, 59)).toBe('4287082');
  });

  it('uses the period: a 60 s step at t=59 is step 0', () => {
    expect(timeStep(59_000, 60)).toBe(0);
    expect(totpCode(bytes(seeds.sha1), { algorithm: 'sha1', digits: 6, period: 60 }, 59)).toBe(
      hotpCode(bytes(seeds.sha1), { algorithm: 'sha1', digits: 6 }, 0),
    );
  });

  it('accepts the base32 form of the seeds', () => {
    expect(decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toEqual(bytes(seeds.sha1));
  });
});

describe('HOTP (RFC 4226 Appendix D)', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  expected.forEach((code, counter) => {
    it(`counter ${counter}`, () => {
      expect(hotpCode(bytes(seeds.sha1), { algorithm: 'sha1', digits: 6 }, counter)).toBe(code);
    });
  });
});

// otp.ts assembles otplib's parts itself (for speed, see there): it must agree with otplib's own
// generateSync everywhere, not only on the RFC tables, and refuse what otplib refuses.
describe('agrees with otplib', () => {
  const crypto = new NodeCryptoPlugin();
  const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
  const algorithms = ['sha1', 'sha256', 'sha512'] as const;

  it('on 300 pseudo-random secrets, times and counters, in every algorithm and length', () => {
    let state = 42;
    const next = () => (state = (state * 1664525 + 1013904223) >>> 0);
    for (let i = 0; i < 300; i++) {
      const secret = new Uint8Array(10 + (next() % 55)).map(() => next() & 0xff);
      const algorithm = algorithms[i % 3]!;
      const digits = 6 + (i % 3);
      const period = [30, 60, 15][i % 3]!;
      const epoch = next() * 4 + (i % 7);
      const counter = next() * 2 ** (i % 20);
      expect(totpCode(secret, { algorithm, digits, period }, epoch)).toBe(
        otplibTotp({ secret, algorithm, digits, period, epoch, crypto, guardrails }),
      );
      expect(hotpCode(secret, { algorithm, digits }, counter)).toBe(
        otplibHotp({ secret, algorithm, digits, counter, crypto, guardrails }),
      );
    }
  });

  it('refuses short or long secrets, unknown algorithms, bad digits, counters and periods', () => {
    const ok = bytes(seeds.sha1);
    expect(() => hotpCode(new Uint8Array(9), { algorithm: 'sha1', digits: 6 }, 0)).toThrow();
    expect(() => hotpCode(new Uint8Array(65), { algorithm: 'sha1', digits: 6 }, 0)).toThrow();
    expect(() => hotpCode(ok, { algorithm: 'md5' as 'sha1', digits: 6 }, 0)).toThrow(/algorithm/);
    expect(() => hotpCode(ok, { algorithm: 'sha1', digits: 9 }, 0)).toThrow(/digits/);
    expect(() => hotpCode(ok, { algorithm: 'sha1', digits: 6 }, -1)).toThrow();
    expect(() => hotpCode(ok, { algorithm: 'sha1', digits: 6 }, 1.5)).toThrow();
    expect(() => totpCode(ok, { algorithm: 'sha1', digits: 6, period: 0 }, 59)).toThrow();
    expect(() => totpCode(ok, { algorithm: 'sha1', digits: 6, period: 30 }, -1)).toThrow();
    // The shared counter encoding is not left stale by a refused call.
    expect(hotpCode(ok, { algorithm: 'sha1', digits: 6 }, 0)).toBe('755224');
  });
});
