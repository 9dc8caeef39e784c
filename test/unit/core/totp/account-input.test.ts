import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/ipc/errors';
import { parseManualInput, parseOtpauthUri } from '../../../../electron/core/totp/account-input';

const SECRET = 'JBSWY3DPEHPK3PXP'; // "Hello!\xde\xad\xbe\xef", 80 bits
const uri = (rest: string) => `otpauth://totp/ACME:alice@example.com?secret=${SECRET}&issuer=ACME${rest}`;

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseOtpauthUri: what it accepts', () => {
  it('reads a Key URI with defaults', () => {
    const account = parseOtpauthUri(uri(''));
    expect(account).toMatchObject({
      issuer: 'ACME',
      accountName: 'alice@example.com',
      type: 'totp',
      algorithm: 'sha1',
      digits: 6,
      period: 30,
    });
    expect(Buffer.from(account.secret).toString('hex')).toBe('48656c6c6f21deadbeef');
  });

  it('reads every parameter, case-insensitive algorithm, percent-encoded label and colon', () => {
    const account = parseOtpauthUri(
      `otpauth://totp/Big%20Corp%3Ajohn.doe%40example.com?secret=${SECRET}&issuer=Big%20Corp&algorithm=SHA512&digits=8&period=60`,
    );
    expect(account).toMatchObject({
      issuer: 'Big Corp',
      accountName: 'john.doe@example.com',
      algorithm: 'sha512',
      digits: 8,
      period: 60,
    });
  });

  it('accepts 7 digits (otplib does too; some services use it)', () => {
    expect(parseOtpauthUri(uri('&digits=7')).digits).toBe(7);
  });

  it('normalises the secret: spaces, lowercase and padding', () => {
    const a = parseOtpauthUri(`otpauth://totp/x?secret=jbsw%20y3dp%20ehpk%203pxp`);
    const b = parseOtpauthUri(
      `otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====`.replace('====', ''),
    );
    const c = parseOtpauthUri(`otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGE%3D%3D%3D%3D%3D%3D`);
    expect(Buffer.from(a.secret).toString('hex')).toBe('48656c6c6f21deadbeef');
    expect(b.secret.length).toBe(20);
    expect(c.secret.length).toBe(21);
  });

  it('takes the issuer from the label when there is no issuer parameter, and vice versa', () => {
    expect(parseOtpauthUri(`otpauth://totp/GitHub:octo?secret=${SECRET}`).issuer).toBe('GitHub');
    expect(parseOtpauthUri(`otpauth://totp/octo?secret=${SECRET}&issuer=GitHub`)).toMatchObject({
      issuer: 'GitHub',
      accountName: 'octo',
    });
  });

  it('reads HOTP with its counter, and defaults a missing counter to 0', () => {
    expect(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=42`)).toMatchObject({
      type: 'hotp',
      counter: 42,
    });
    expect(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}`).counter).toBe(0);
  });

  it('accepts an uppercase type and scheme', () => {
    expect(parseOtpauthUri(`OTPAUTH://TOTP/x?secret=${SECRET}`).type).toBe('totp');
  });
});

describe('parseOtpauthUri: what it refuses, and why', () => {
  const cases: [string, string, string][] = [
    ['not otpauth', 'https://example.com/?secret=' + SECRET, 'otpauth.scheme'],
    ['javascript:', 'javascript:alert(1)', 'otpauth.scheme'],
    ['unknown type', `otpauth://motp/x?secret=${SECRET}`, 'otpauth.type'],
    [
      'issuer in label differs from issuer parameter',
      `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=Evil`,
      'otpauth.issuerMismatch',
    ],
    [
      'duplicated secret',
      `otpauth://totp/x?secret=${SECRET}&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ`,
      'otpauth.duplicate',
    ],
    [
      'duplicated issuer, different case',
      `otpauth://totp/x?secret=${SECRET}&issuer=A&ISSUER=B`,
      'otpauth.duplicate',
    ],
    ['no secret', 'otpauth://totp/x?issuer=ACME', 'otpauth.secret.missing'],
    ['empty secret', 'otpauth://totp/x?secret=', 'otpauth.secret.missing'],
    ['secret with 0/1/8', `otpauth://totp/x?secret=JBSWY3DPEHPK3PX0`, 'otpauth.secret.characters'],
    ['secret of impossible length', `otpauth://totp/x?secret=JBSWY3DPEHPK3PXPA`, 'otpauth.secret.length'],
    // 18 characters = 90 bits: 11 bytes and 2 bits that must be zero; "7" sets them.
    [
      'secret with non-zero trailing bits',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXPA7',
      'otpauth.secret.length',
    ],
    ['secret under 80 bits', 'otpauth://totp/x?secret=JBSWY3DP', 'otpauth.secret.tooShort'],
    ['secret over 64 bytes', `otpauth://totp/x?secret=${'A'.repeat(120)}`, 'otpauth.secret.tooLong'],
    ['digits 5', uri('&digits=5'), 'otpauth.digits'],
    ['digits 9', uri('&digits=9'), 'otpauth.digits'],
    ['digits not a number', uri('&digits=six'), 'otpauth.digits'],
    ['digits in exponent form', uri('&digits=6e0'), 'otpauth.digits'],
    ['period 0', uri('&period=0'), 'otpauth.period'],
    ['period absurdly long', uri('&period=99999999'), 'otpauth.period'],
    ['period negative', uri('&period=-30'), 'otpauth.period'],
    ['algorithm MD5', uri('&algorithm=MD5'), 'otpauth.algorithm'],
    ['negative counter', `otpauth://hotp/x?secret=${SECRET}&counter=-1`, 'otpauth.counter'],
    [
      'right-to-left override in label',
      `otpauth://totp/%E2%80%AEevil?secret=${SECRET}`,
      'otpauth.accountNameUnsafe',
    ],
    [
      'zero-width space in issuer',
      `otpauth://totp/x?secret=${SECRET}&issuer=Goo%E2%80%8Bgle`,
      'otpauth.issuerUnsafe',
    ],
    ['NUL in label', `otpauth://totp/a%00b?secret=${SECRET}`, 'otpauth.accountNameUnsafe'],
    ['raw newline', `otpauth://totp/a\nb?secret=${SECRET}`, 'otpauth.control'],
    [
      'issuer too long',
      `otpauth://totp/x?secret=${SECRET}&issuer=${'a'.repeat(129)}`,
      'otpauth.issuerTooLong',
    ],
    ['label too long', `otpauth://totp/${'a'.repeat(257)}?secret=${SECRET}`, 'otpauth.accountNameTooLong'],
    ['no label at all', `otpauth://totp/?secret=${SECRET}`, 'otpauth.label'],
    ['huge URI', `otpauth://totp/x?secret=${SECRET}&pad=${'a'.repeat(5000)}`, 'otpauth.tooLong'],
  ];
  for (const [name, input, reason] of cases) {
    it(name, () => {
      const error = rejection(() => parseOtpauthUri(input));
      expect(error.reason).toBe(reason);
      expect(error.code).toBe('INVALID_INPUT');
      // Every message is a sentence a person can act on, and none repeats the secret.
      expect(error.message.length).toBeGreaterThan(20);
      expect(error.message).not.toContain(SECRET);
    });
  }
});

describe('parseManualInput', () => {
  const base = {
    kind: 'manual' as const,
    issuer: 'ACME',
    accountName: 'alice',
    secret: 'jbsw y3dp ehpk 3pxp',
    type: 'totp' as const,
    algorithm: 'sha256' as const,
    digits: 8,
    period: 30,
    counter: 0,
  };
  it('normalises the secret like the URI path', () => {
    expect(Buffer.from(parseManualInput(base).secret).toString('hex')).toBe('48656c6c6f21deadbeef');
  });
  it('refuses bidi characters in the name', () => {
    expect(rejection(() => parseManualInput({ ...base, accountName: 'ali\u202ece' })).reason).toBe(
      'otpauth.accountNameUnsafe',
    );
  });
  it('refuses a bad secret', () => {
    expect(rejection(() => parseManualInput({ ...base, secret: 'not base32!' })).reason).toBe(
      'otpauth.secret.characters',
    );
  });
});

describe('parseOtpauthUri: review findings', () => {
  it('treats an empty issuer parameter or label prefix as absent', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=`).issuer).toBe('ACME');
    expect(parseOtpauthUri(`otpauth://totp/:alice?secret=${SECRET}&issuer=Ex`)).toMatchObject({
      issuer: 'Ex',
      accountName: 'alice',
    });
  });

  it('accepts "+" for spaces in the label issuer', () => {
    expect(parseOtpauthUri(`otpauth://totp/Big+Corp:alice?secret=${SECRET}&issuer=Big+Corp`).issuer).toBe(
      'Big Corp',
    );
  });

  it('ignores a counter on a TOTP link', () => {
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&counter=-1`).type).toBe('totp');
  });

  it('names the unsafe character rather than a confusing mismatch', () => {
    const error = rejection(() =>
      parseOtpauthUri(`otpauth://totp/Ex:alice?secret=${SECRET}&issuer=Ex%E2%80%AE`),
    );
    expect(error.reason).toBe('otpauth.issuerUnsafe');
  });

  for (const [name, ch] of [
    ['line separator', '%E2%80%A8'],
    ['paragraph separator', '%E2%80%A9'],
    ['soft hyphen', '%C2%AD'],
    ['Mongolian vowel separator', '%E1%A0%8E'],
    ['tag character', '%F3%A0%80%81'],
  ] as const) {
    it(`refuses a ${name} in the label`, () => {
      expect(rejection(() => parseOtpauthUri(`otpauth://totp/ali${ch}ce?secret=${SECRET}`)).reason).toBe(
        'otpauth.accountNameUnsafe',
      );
    });
  }
});

describe('parseOtpauthUri: links as other apps export them (issue #13)', () => {
  it('reads raw spaces, "#" and "%" in the label and issuer', () => {
    expect(
      parseOtpauthUri(`otpauth://totp/ACME Bank:Account #2?secret=${SECRET}&issuer=ACME Bank`),
    ).toMatchObject({ issuer: 'ACME Bank', accountName: 'Account #2' });
    // Without the escape, "#" would start a fragment and take the secret with it.
    expect(parseOtpauthUri(`otpauth://totp/Shop #1:bob?secret=${SECRET}`)).toMatchObject({
      issuer: 'Shop #1',
      accountName: 'bob',
    });
    expect(parseOtpauthUri(`otpauth://totp/100% Cloud:eve?secret=${SECRET}&issuer=100% Cloud`)).toMatchObject(
      {
        issuer: '100% Cloud',
        accountName: 'eve',
      },
    );
    // Escapes that are already there keep their meaning.
    expect(parseOtpauthUri(`otpauth://totp/A%20B:c%23d?secret=${SECRET}`)).toMatchObject({
      issuer: 'A B',
      accountName: 'c#d',
    });
    // Spaces in the secret, as printed setup keys have them.
    expect(
      Buffer.from(parseOtpauthUri(`otpauth://totp/x?secret=JBSW Y3DP EHPK 3PXP`).secret).toString('hex'),
    ).toBe('48656c6c6f21deadbeef');
  });

  it('says why when a link has tabs or unusual spaces', () => {
    const tab = rejection(() => parseOtpauthUri(`otpauth://totp/a\tb?secret=${SECRET}`));
    expect([tab.reason, tab.message]).toEqual(['otpauth.control', expect.stringMatching(/tabs/)]);
    const nbsp = rejection(() => parseOtpauthUri(`otpauth://totp/a\u00a0b?secret=${SECRET}`));
    expect([nbsp.reason, nbsp.message]).toEqual([
      'otpauth.whitespace',
      expect.stringMatching(/non-breaking/),
    ]);
  });

  it('says "too short" with the minimum and what the secret has', () => {
    const error = rejection(() => parseOtpauthUri('otpauth://totp/x?secret=JBSWY3DP'));
    expect(error.reason).toBe('otpauth.secret.tooShort');
    expect(error.params).toEqual({ bits: 80, chars: 16, have: 40 });
    expect(error.message).toMatch(/too short.*40 bits.*at least 80 \(16 base32 characters\)/);
  });

  it('recognises Steam Guard links and refuses them by name', () => {
    for (const link of [
      `otpauth://totp/Steam:gamer?secret=${SECRET}&issuer=Steam&encoder=steam`,
      `otpauth://totp/Steam:gamer?secret=${SECRET}&issuer=Steam&digits=5&Encoder=Steam`,
      `otpauth://steam/Steam:gamer?secret=${SECRET}&issuer=Steam`,
      `steam://${SECRET}`,
    ]) {
      const error = rejection(() => parseOtpauthUri(link));
      expect(error.reason).toBe('otpauth.steam');
      expect(error.message).toMatch(/Steam Guard.*5-character/);
      expect(error.message).not.toContain(SECRET);
    }
  });
});
