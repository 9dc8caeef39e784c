/**
 * The certificate inventory the Certificates page and the expiry alerts read (C1, C2, C4): every SP
 * certificate with its role, every IdP signing certificate with its IdP, under stable ids.
 */
import Database from 'libsql';
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { listCertificates } from '../../../../electron/core/certificates/inventory';
import {
  generateSelfSignedSpCertificate,
  parseCertificatePem,
} from '../../../../electron/core/sso/certificates';
import { migrate } from '../../../../electron/core/store/database';
import { expiry } from '../../../../shared/admin/certificates';
import { createTestPki, type TestPki } from '../../../support/saml-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe('listCertificates', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki();
  }, 60_000);

  it('lists SP certificates by role and IdP certificates per IdP, with stable ids', async () => {
    const db = new Database(':memory:');
    migrate(db);
    const now = new Date();
    const [active, next] = await Promise.all([
      generateSelfSignedSpCertificate({ commonName: 'Tessera SP a', keyType: 'p-256', now }),
      generateSelfSignedSpCertificate({ commonName: 'Tessera SP b', keyType: 'p-256', now }),
    ]);
    const insertSp = db.prepare(
      `INSERT INTO sp_certificates (id, kind, certificate_pem, chain_json, key_ref, created_at, status)
       VALUES (?, 'self-signed', ?, '[]', ?, 0, ?)`,
    );
    // Inserted "next" first: the inventory orders by role, not by row order.
    insertSp.run('sp-next', next.certificatePem, 'ref-b', 'next');
    insertSp.run('sp-active', active.certificatePem, 'ref-a', 'active');
    const settings = (certificates: string[]) =>
      JSON.stringify({
        entityId: 'https://idp.example.com',
        sso: { binding: 'HTTP-Redirect', location: 'https://idp.example.com/sso' },
        slo: null,
        signingCertificates: certificates.map((pem) => parseCertificatePem(pem, now)),
        trust: 'unsigned',
        metadataSigner: null,
        userIdAttribute: 'uid',
      });
    const insertIdp = db.prepare(
      `INSERT INTO idps (id, name, kind, activated, settings_json, created_at, updated_at)
       VALUES (?, ?, ?, 0, ?, ?, 0)`,
    );
    insertIdp.run('idp-1', 'Corp', 'saml', settings([pki.idp.pem, pki.idp2.pem]), 1);
    insertIdp.run('idp-2', 'Broken', 'saml', '{"entityId": 1}', 2);
    insertIdp.run('idp-3', 'OIDC', 'oidc', '{}', 3);

    const list = listCertificates(db);
    expect(list.map((c) => [c.id, c.use, c.status])).toEqual([
      ['sp:sp-active', 'sp', 'active'],
      ['sp:sp-next', 'sp', 'next'],
      [`idp:idp-1:${hex(pki.idp.pem)}`, 'idp', 'active'],
      [`idp:idp-1:${hex(pki.idp2.pem)}`, 'idp', 'active'],
    ]);
    // The SP certificate serves every SAML IdP whose settings are readable.
    expect(list[0]).toMatchObject({
      idpIds: ['idp-1'],
      idpNames: ['Corp'],
      subject: 'CN=Tessera SP a',
      issuer: 'CN=Tessera SP a',
      keyAlgorithm: 'EC P-256',
      fingerprintSha256: new X509Certificate(active.certificatePem).fingerprint256,
    });
    expect(list[2]).toMatchObject({ idpIds: ['idp-1'], idpNames: ['Corp'], keyAlgorithm: 'RSA 2048' });
    expect(Date.parse(list[2]!.notAfter)).toBe(Date.parse(new X509Certificate(pki.idp.pem).validTo));
  });
});

function hex(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

describe('expiry', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it('is "expiring" from 60 days before notAfter and "expired" after it', () => {
    expect(expiry(new Date(now + 61 * DAY).toISOString(), now)).toEqual({ daysLeft: 61, state: 'ok' });
    expect(expiry(new Date(now + 60 * DAY).toISOString(), now)).toEqual({ daysLeft: 60, state: 'expiring' });
    expect(expiry(new Date(now + DAY / 2).toISOString(), now)).toEqual({ daysLeft: 0, state: 'expiring' });
    expect(expiry(new Date(now - 1000).toISOString(), now).state).toBe('expired');
  });
});
