import forge from 'node-forge';
import { createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificateInfo,
  chainsToTrustedRoot,
  generateSelfSignedSpCertificate,
  importCaSignedCertificate,
  loadX509,
  parseCertificatePem,
  type CaSignedCertificateInput,
} from '../../../../electron/core/sso/certificates';
import { ADMIN_LIMITS } from '../../../../shared/admin/schemas';
import { AppError } from '../../../../shared/ipc/errors';
import {
  createTestPki,
  DAY,
  makeCertificate,
  makePkcs12,
  newKeys,
  NOW,
  YEAR,
  type TestCert,
  type TestPki,
} from '../../../support/saml-fixtures';
import { thrownAppError } from '../../../support/errors';

let pki: TestPki;
let roots: string[];

beforeAll(async () => {
  pki = await createTestPki();
  roots = [pki.root.pem];
});

const refusal = thrownAppError;

async function asyncRefusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

type PemInput = Extract<CaSignedCertificateInput, { kind: 'pem' }>;

const pem = (leaf: TestCert, chain: TestCert[] = [], key: TestCert = leaf): PemInput => ({
  kind: 'pem',
  certificatesPem: [leaf, ...chain].map((c) => c.pem).join('\n'),
  privateKeyPem: key.privateKeyPem,
});

describe('certificateInfo / parseCertificatePem', () => {
  it('describes a certificate as Node sees it', () => {
    const info = certificateInfo(pki.signer.pem);
    const node = new X509Certificate(pki.signer.pem);
    expect(info).toEqual({
      subject: 'CN=idp.example.com, O=Tessera Tests',
      issuer: 'CN=Tessera Test Issuing CA, O=Tessera Tests',
      notBefore: new Date(NOW.getTime() - 30 * DAY).toISOString(),
      notAfter: new Date(NOW.getTime() + 2 * YEAR).toISOString(),
      fingerprintSha256: node.fingerprint256,
      keyAlgorithm: 'RSA 2048',
      selfSigned: false,
    });
    expect(info.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(certificateInfo(pki.idp.pem).selfSigned).toBe(true);
  });

  it('reads PEM and the bare base64 body metadata carries (with line breaks)', () => {
    const fromPem = parseCertificatePem(pki.idp.pem, NOW);
    const fromBody = parseCertificatePem(`\n  ${pki.idp.base64.replace(/(.{64})/g, '$1\n  ')}\n`, NOW);
    expect(fromBody).toEqual(fromPem);
    expect(fromPem.pem).toBe(pki.idp.pem);
  });

  it('refuses what is not exactly one certificate → malformed / several', () => {
    for (const text of [
      'hello',
      '',
      pki.idp.base64.slice(0, 100),
      pki.idp.privateKeyPem,
      `${pki.idp.pem}${pki.idp.privateKeyPem}`,
      '-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----',
    ])
      expect(refusal(() => parseCertificatePem(text, NOW)).reason).toBe('certificate.malformed');
    expect(refusal(() => parseCertificatePem(pki.idp.pem + pki.idp2.pem, NOW)).reason).toBe(
      'certificate.several',
    );
    expect(
      refusal(() => parseCertificatePem('A'.repeat(ADMIN_LIMITS.certificateMaxBytes + 1), NOW)).reason,
    ).toBe('certificate.tooLarge');
  });

  it('expired → expired with the date (unless allowed); not yet valid → notYetValid', () => {
    const error = refusal(() => parseCertificatePem(pki.expired.pem, NOW));
    expect(error.reason).toBe('certificate.expired');
    expect(error.params).toEqual({ notAfter: new Date(NOW.getTime() - 30 * DAY).toISOString() });
    expect(parseCertificatePem(pki.expired.pem, NOW, { allowExpired: true }).subject).toContain(
      'IdP signing 2024',
    );
    const early = refusal(() => parseCertificatePem(pki.idp.pem, new Date(NOW.getTime() - 31 * DAY)));
    expect(early.reason).toBe('certificate.notYetValid');
  });

  it('RSA under 2048 bits → weakKey', async () => {
    const weak = await makeCertificate({
      commonName: 'weak',
      keys: await newKeys('rsa-1024'),
      keyType: 'rsa-1024',
    });
    const error = refusal(() => parseCertificatePem(weak.pem, NOW));
    expect(error.reason).toBe('certificate.weakKey');
    expect(error.params).toEqual({ keyAlgorithm: 'RSA 1024' });
  });

  it('EC P-256 and P-384 IdP certificates are fine', async () => {
    for (const keyType of ['p-256', 'p-384'] as const) {
      const ec = await makeCertificate({ commonName: keyType, keys: await newKeys(keyType), keyType });
      expect(parseCertificatePem(ec.pem, NOW).keyAlgorithm).toBe(
        keyType === 'p-256' ? 'EC P-256' : 'EC P-384',
      );
    }
  });
});

describe('chainsToTrustedRoot', () => {
  it('follows intermediates in any order to an injected root; not to the public roots', () => {
    expect(chainsToTrustedRoot(pki.signer.pem, [pki.intermediate.pem], NOW, roots)).toBe(true);
    expect(chainsToTrustedRoot(pki.signer.pem, [pki.idp.pem, pki.intermediate.pem], NOW, roots)).toBe(true);
    expect(chainsToTrustedRoot(pki.signer.pem, [], NOW, roots)).toBe(false);
    expect(chainsToTrustedRoot(pki.signer.pem, [pki.intermediate.pem], NOW)).toBe(false);
    expect(chainsToTrustedRoot(pki.idp.pem, [], NOW, roots)).toBe(false);
    // Out of the chain's validity.
    expect(
      chainsToTrustedRoot(pki.signer.pem, [pki.intermediate.pem], new Date(NOW.getTime() + 3 * YEAR), roots),
    ).toBe(false);
  });
});

describe('generateSelfSignedSpCertificate (S1)', () => {
  for (const [keyType, algorithm, signature] of [
    ['rsa-2048', 'RSA 2048', 'RSASSA-PKCS1-v1_5'],
    ['rsa-3072', 'RSA 3072', 'RSASSA-PKCS1-v1_5'],
    ['p-256', 'EC P-256', 'ECDSA'],
  ] as const) {
    it(`${keyType}: valid 5 years from now, SHA-256, PKCS#8 key that matches`, async () => {
      const material = await generateSelfSignedSpCertificate({
        commonName: 'Tessera SP acme',
        keyType,
        now: NOW,
      });
      expect(material.info).toMatchObject({
        subject: 'CN=Tessera SP acme',
        issuer: 'CN=Tessera SP acme',
        notBefore: '2026-03-01T12:00:00.000Z',
        notAfter: '2031-03-01T12:00:00.000Z',
        keyAlgorithm: algorithm,
        selfSigned: true,
      });
      expect(material.chainPems).toEqual([]);
      const x509 = await loadX509();
      const parsed = new x509.X509Certificate(material.certificatePem);
      expect(parsed.signatureAlgorithm).toMatchObject({ name: signature, hash: { name: 'SHA-256' } });
      expect(new X509Certificate(material.certificatePem).ca).toBe(false);
      expect(material.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      const key = createPrivateKey(material.privateKeyPem);
      const data = Buffer.from('AuthnRequest');
      expect(verify('sha256', data, material.certificatePem, sign('sha256', data, key))).toBe(true);
      // What Tessera makes, Tessera accepts as an IdP-side certificate too.
      expect(parseCertificatePem(material.certificatePem, NOW).fingerprintSha256).toBe(
        material.info.fingerprintSha256,
      );
    });
  }

  it('refuses a name that cannot go into the certificate as typed → commonName', async () => {
    for (const commonName of ['', ' ', 'a "quoted" name', 'back\\slash', 'x'.repeat(65), 'line\nbreak'])
      expect(
        (await asyncRefusal(generateSelfSignedSpCertificate({ commonName, keyType: 'p-256', now: NOW })))
          .reason,
      ).toBe('certificate.commonName');
  });
});

describe('importCaSignedCertificate (S1 "signed by a public CA")', () => {
  it('PEM: leaf + intermediate chaining to a trusted root; key normalized to PKCS#8', () => {
    const pkcs1 = createPrivateKey(pki.signer.privateKeyPem)
      .export({ type: 'pkcs1', format: 'pem' })
      .toString();
    expect(pkcs1).toMatch(/BEGIN RSA PRIVATE KEY/);
    const material = importCaSignedCertificate(
      { ...pem(pki.signer, [pki.intermediate]), privateKeyPem: pkcs1 },
      NOW,
      roots,
    );
    expect(material.certificatePem).toBe(pki.signer.pem);
    expect(material.chainPems).toEqual([pki.intermediate.pem]);
    expect(material.privateKeyPem).toBe(pki.signer.privateKeyPem);
    expect(material.info).toMatchObject({
      subject: 'CN=idp.example.com, O=Tessera Tests',
      selfSigned: false,
    });
    // The root itself may be listed too.
    expect(
      importCaSignedCertificate(pem(pki.signer, [pki.intermediate, pki.root]), NOW, roots).chainPems,
    ).toHaveLength(2);
  });

  it('PEM: an encrypted key needs its passphrase', () => {
    const encrypted = createPrivateKey(pki.signer.privateKeyPem)
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' })
      .toString();
    const input = { ...pem(pki.signer, [pki.intermediate]), privateKeyPem: encrypted };
    expect(importCaSignedCertificate({ ...input, passphrase: 'open sesame' }, NOW, roots).privateKeyPem).toBe(
      pki.signer.privateKeyPem,
    );
    expect(refusal(() => importCaSignedCertificate(input, NOW, roots)).reason).toBe(
      'certificate.passphraseRequired',
    );
    expect(
      refusal(() => importCaSignedCertificate({ ...input, passphrase: 'wrong' }, NOW, roots)).reason,
    ).toBe('certificate.wrongPassword');
  });

  it('PEM: the key of another certificate → keyMismatch', () => {
    const error = refusal(() =>
      importCaSignedCertificate(pem(pki.signer, [pki.intermediate], pki.idp), NOW, roots),
    );
    expect(error.reason).toBe('certificate.keyMismatch');
    // Never a word of key material in what is shown or logged.
    expect(error.message).not.toMatch(/PRIVATE KEY|MII/);
    expect(JSON.stringify(error.params ?? {})).not.toMatch(/MII/);
  });

  it('missing parts → noCertificate / noKey / malformed / keyMalformed / tooLarge', () => {
    const base = pem(pki.signer, [pki.intermediate]);
    const reasonOf = (input: PemInput) => refusal(() => importCaSignedCertificate(input, NOW, roots)).reason;
    expect(reasonOf({ ...base, certificatesPem: 'no certificate here' })).toBe('certificate.noCertificate');
    expect(reasonOf({ ...base, privateKeyPem: pki.signer.pem })).toBe('certificate.noKey');
    expect(
      reasonOf({ ...base, certificatesPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }),
    ).toBe('certificate.malformed');
    expect(
      reasonOf({ ...base, privateKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }),
    ).toBe('certificate.keyMalformed');
    expect(reasonOf({ ...base, certificatesPem: 'x'.repeat(ADMIN_LIMITS.certificateMaxBytes + 1) })).toBe(
      'certificate.tooLarge',
    );
  });

  it('a leaf out of its validity → expired / notYetValid', () => {
    expect(
      refusal(() =>
        importCaSignedCertificate(
          pem(pki.signer, [pki.intermediate]),
          new Date(NOW.getTime() + 3 * YEAR),
          roots,
        ),
      ).reason,
    ).toBe('certificate.expired');
    expect(
      refusal(() =>
        importCaSignedCertificate(
          pem(pki.signer, [pki.intermediate]),
          new Date(NOW.getTime() - 60 * DAY),
          roots,
        ),
      ).reason,
    ).toBe('certificate.notYetValid');
  });

  it('a weak key (RSA 1024, EC P-384) → weakKey', async () => {
    for (const keyType of ['rsa-1024', 'p-384'] as const) {
      const leaf = await makeCertificate({
        commonName: keyType,
        keys: await newKeys(keyType),
        keyType,
        issuer: pki.intermediate,
      });
      const error = refusal(() => importCaSignedCertificate(pem(leaf, [pki.intermediate]), NOW, roots));
      expect(error.reason).toBe('certificate.weakKey');
    }
  });

  it('an EC P-256 leaf is accepted', async () => {
    const leaf = await makeCertificate({
      commonName: 'ec sp',
      keys: await newKeys('p-256'),
      keyType: 'p-256',
      issuer: pki.intermediate,
    });
    expect(importCaSignedCertificate(pem(leaf, [pki.intermediate]), NOW, roots).info.keyAlgorithm).toBe(
      'EC P-256',
    );
  });

  it('a leaf signed with SHA-1 → weakSignature', async () => {
    const leaf = await makeCertificate({
      commonName: 'sha1 sp',
      keys: pki.signer.keys,
      keyType: 'rsa-2048',
      issuer: pki.intermediate,
      hash: 'SHA-1',
    });
    const error = refusal(() => importCaSignedCertificate(pem(leaf, [pki.intermediate]), NOW, roots));
    expect(error.reason).toBe('certificate.weakSignature');
    expect(error.params).toMatchObject({ position: 1 });
  });

  it('certificates out of order or unrelated → chainBroken', () => {
    const error = refusal(() => importCaSignedCertificate(pem(pki.signer, [pki.idp]), NOW, roots));
    expect(error.reason).toBe('certificate.chainBroken');
    expect(error.params).toEqual({ position: 2 });
    expect(
      refusal(() => importCaSignedCertificate(pem(pki.signer, [pki.root, pki.intermediate]), NOW, roots))
        .reason,
    ).toBe('certificate.chainBroken');
  });

  it('a chain that does not reach a trusted root → untrustedChain', () => {
    // Missing intermediate.
    expect(refusal(() => importCaSignedCertificate(pem(pki.signer), NOW, roots)).reason).toBe(
      'certificate.untrustedChain',
    );
    // Complete, but the test root is not one of the public roots (the default).
    const error = refusal(() => importCaSignedCertificate(pem(pki.signer, [pki.intermediate]), NOW));
    expect(error.reason).toBe('certificate.untrustedChain');
    expect(error.params).toEqual({ issuer: 'CN=Tessera Test Root CA, O=Tessera Tests' });
    // A self-signed certificate is not "signed by a public CA".
    expect(refusal(() => importCaSignedCertificate(pem(pki.idp), NOW, roots)).reason).toBe(
      'certificate.untrustedChain',
    );
  });

  describe('PKCS#12', () => {
    it('right password: key and chain, ordered leaf first whatever the file’s order', () => {
      for (const algorithm of ['3des', 'aes256'] as const) {
        const data = makePkcs12({
          key: pki.signer,
          certificates: [pki.intermediate, pki.signer],
          password: 'p12 password',
          algorithm,
        });
        const material = importCaSignedCertificate(
          { kind: 'pkcs12', data, password: 'p12 password' },
          NOW,
          roots,
        );
        expect(material.certificatePem).toBe(pki.signer.pem);
        expect(material.chainPems).toEqual([pki.intermediate.pem]);
        expect(material.privateKeyPem).toBe(pki.signer.privateKeyPem);
      }
    });

    it('refuses a file that asks for absurd key-derivation rounds, before deriving', () => {
      const data = makePkcs12({ key: pki.signer, certificates: [pki.signer], password: 'right' });
      const asn1 = forge.asn1.fromDer(forge.util.createBuffer(data.toString('binary')));
      // PFX = SEQUENCE { version, authSafe, macData = SEQUENCE { mac, salt, iterations } }
      const macData = (asn1.value as forge.asn1.Asn1[])[2]!;
      (macData.value as forge.asn1.Asn1[])[2]!.value = forge.util.hexToBytes('7fffffff');
      const patched = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
      const started = Date.now();
      const error = refusal(() =>
        importCaSignedCertificate({ kind: 'pkcs12', data: patched, password: 'right' }, NOW, roots),
      );
      expect(error.reason).toBe('certificate.malformed');
      expect(error.message).toMatch(/key-derivation rounds/);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('wrong password → wrongPassword', () => {
      const data = makePkcs12({
        key: pki.signer,
        certificates: [pki.signer, pki.intermediate],
        password: 'right',
      });
      const error = refusal(() =>
        importCaSignedCertificate({ kind: 'pkcs12', data, password: 'wrong' }, NOW, roots),
      );
      expect(error.reason).toBe('certificate.wrongPassword');
    });

    it('no key, not PKCS#12, too large, another certificate’s key', () => {
      const reasonOf = (data: Buffer, password = 'pw') =>
        refusal(() => importCaSignedCertificate({ kind: 'pkcs12', data, password }, NOW, roots)).reason;
      expect(reasonOf(makePkcs12({ key: null, certificates: [pki.signer], password: 'pw' }))).toBe(
        'certificate.noKey',
      );
      expect(reasonOf(Buffer.from('definitely not a PKCS#12 file'))).toBe('certificate.malformed');
      expect(reasonOf(Buffer.alloc(ADMIN_LIMITS.pkcs12MaxBytes + 1))).toBe('certificate.tooLarge');
      expect(
        reasonOf(makePkcs12({ key: pki.idp, certificates: [pki.signer, pki.intermediate], password: 'pw' })),
      ).toBe('certificate.keyMismatch');
    });
  });
});
