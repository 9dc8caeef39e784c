/**
 * Every certificate Tessera relies on: the SP certificate(s) in `sp_certificates` and the signing
 * certificates pinned for each SAML IdP (from its stored settings, which came from its metadata or
 * the manual form). Read only. A certificate several IdPs pin is listed once, with all of them.
 *
 * Minimal version for the expiry alerts; the Certificates page's own (same path, same signature)
 * replaces it.
 */
import type { Db as Database } from '../store/database';
import { SamlSettingsSchema } from '../../../shared/admin/schemas';
import { certificateInfo } from '../sso/certificates';

export interface CertificateEntry {
  /** `sp:<sp_certificates.id>` or `idp:<idpId>:<sha256 hex>` (the first IdP that pins it). */
  id: string;
  use: 'sp' | 'idp';
  idpIds: string[];
  idpNames: string[];
  subject: string;
  issuer: string;
  keyAlgorithm: string;
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
  status: 'active' | 'next' | 'previous';
}

/** The same certificate whatever way its fingerprint is written (colons, case). */
export function fingerprintKey(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}

export function listCertificates(db: Database): CertificateEntry[] {
  const entries: CertificateEntry[] = [];
  const spRows = db
    .prepare('SELECT id, certificate_pem FROM sp_certificates ORDER BY created_at DESC')
    .all() as { id: string; certificate_pem: string }[];
  spRows.forEach((row, index) => {
    const info = certificateInfo(row.certificate_pem);
    entries.push({
      id: `sp:${row.id}`,
      use: 'sp',
      idpIds: [],
      idpNames: [],
      subject: info.subject,
      issuer: info.issuer,
      keyAlgorithm: info.keyAlgorithm,
      fingerprintSha256: info.fingerprintSha256,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      // The newest signs; any older row is on its way out.
      status: index === 0 ? 'active' : 'previous',
    });
  });

  const idpRows = db
    .prepare("SELECT id, name, settings_json FROM idps WHERE kind = 'saml' ORDER BY created_at, name")
    .all() as { id: string; name: string; settings_json: string }[];
  const byFingerprint = new Map<string, CertificateEntry>();
  for (const row of idpRows) {
    const settings = SamlSettingsSchema.safeParse(JSON.parse(row.settings_json));
    if (!settings.success) continue;
    for (const cert of settings.data.signingCertificates) {
      const key = fingerprintKey(cert.fingerprintSha256);
      const known = byFingerprint.get(key);
      if (known) {
        if (!known.idpIds.includes(row.id)) {
          known.idpIds.push(row.id);
          known.idpNames.push(row.name);
        }
        continue;
      }
      const entry: CertificateEntry = {
        id: `idp:${row.id}:${key}`,
        use: 'idp',
        idpIds: [row.id],
        idpNames: [row.name],
        subject: cert.subject,
        issuer: cert.issuer,
        keyAlgorithm: cert.keyAlgorithm,
        fingerprintSha256: cert.fingerprintSha256,
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
        status: 'active',
      };
      byFingerprint.set(key, entry);
      entries.push(entry);
    }
  }
  return entries;
}
