/**
 * Every certificate Tessera relies on (SPEC C1, C2, C4): its own SP certificates (the one signing
 * requests, and during a renewal the next or previous one) and every IdP signing certificate
 * pinned from SAML metadata. The Certificates page lists these, and the expiry alerts read them.
 *
 * A plain function over the store, so the alerts scheduler can call it without the SSO services.
 */
import { X509Certificate } from 'node:crypto';
import { SamlSettingsSchema } from '../../../shared/admin/schemas';
import type { CertificateEntry } from '../../../shared/admin/certificates';
import type { Db } from '../store/database';
import { certificateInfo } from '../sso/certificates';
import { createLogger } from '../logger';

export type { CertificateEntry } from '../../../shared/admin/certificates';

const log = createLogger('certificates');

const STATUS_ORDER: Record<CertificateEntry['status'], number> = { active: 0, next: 1, previous: 2 };

/** The id part of a fingerprint: lowercase hex without colons. */
export function fingerprintHex(fingerprintSha256: string): string {
  return fingerprintSha256.replace(/:/g, '').toLowerCase();
}

export function listCertificates(db: Db): CertificateEntry[] {
  const samlIdps = (
    db
      .prepare("SELECT id, name, settings_json FROM idps WHERE kind = 'saml' ORDER BY created_at, name")
      .all() as {
      id: string;
      name: string;
      settings_json: string;
    }[]
  ).flatMap((row) => {
    const parsed = SamlSettingsSchema.safeParse(JSON.parse(row.settings_json));
    if (!parsed.success) {
      log.warn(
        `The stored settings of the SAML IdP "${row.name}" do not parse; its certificates are left out.`,
      );
      return [];
    }
    return [{ id: row.id, name: row.name, settings: parsed.data }];
  });

  const sp = (
    db.prepare('SELECT id, certificate_pem, status FROM sp_certificates').all() as {
      id: string;
      certificate_pem: string;
      status: CertificateEntry['status'];
    }[]
  )
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
    .map((row): CertificateEntry => {
      const info = certificateInfo(row.certificate_pem);
      return {
        id: `sp:${row.id}`,
        use: 'sp',
        // C2: one SP certificate serves every SAML IdP.
        idpIds: samlIdps.map((idp) => idp.id),
        idpNames: samlIdps.map((idp) => idp.name),
        subject: info.subject,
        issuer: info.issuer,
        keyAlgorithm: info.keyAlgorithm,
        fingerprintSha256: info.fingerprintSha256,
        notBefore: info.notBefore,
        notAfter: info.notAfter,
        status: row.status,
      };
    });

  const idp = samlIdps.flatMap(({ id, name, settings }) =>
    settings.signingCertificates.map((certificate): CertificateEntry => {
      // Stored infos come from the same parser; the PEM is the authority if they ever disagree.
      let fingerprint = certificate.fingerprintSha256;
      try {
        fingerprint = new X509Certificate(certificate.pem).fingerprint256;
      } catch {
        // Keep the stored fingerprint: the PEM parsed when it was saved.
      }
      return {
        id: `idp:${id}:${fingerprintHex(fingerprint)}`,
        use: 'idp',
        idpIds: [id],
        idpNames: [name],
        subject: certificate.subject,
        issuer: certificate.issuer,
        keyAlgorithm: certificate.keyAlgorithm,
        fingerprintSha256: fingerprint,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        status: 'active',
      };
    }),
  );
  return [...sp, ...idp];
}
