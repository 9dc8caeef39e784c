/**
 * C1: renewing a SAML IdP's certificate by replacing its metadata. The admin downloads the current
 * metadata (a backup), then uploads the IdP's new metadata or has Tessera fetch it from its URL;
 * the preview shows what changes (certificates added and removed, endpoints, entity ID) and how far
 * the new file can be trusted; Test SSO runs against the candidate before anything is saved; saving
 * is one transaction with its audit entry (SsoConfigService.saveSamlIdp).
 */
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import {
  ADMIN_LIMITS,
  isAllowedEndpoint,
  type CertificateInfo,
  type Idp,
  type MetadataTrust,
} from '../../../shared/admin/schemas';
import type { IdpRenewalPreview, IdpRenewalSource } from '../../../shared/admin/certificates';
import type { SamlPeer } from '../broker/saml-sp';
import { parseIdpMetadata, type ParsedIdpMetadata } from '../sso/metadata';
import type { SsoConfigService } from '../sso/sso-config-service';

export const METADATA_FETCH_TIMEOUT_MS = 10_000;

const TRUST_RANK: Record<MetadataTrust, number> = {
  'public-root': 2,
  'self-signed': 1,
  unsigned: 0,
  manual: 0,
};

const invalid = (message: string, reason: string, params?: Record<string, string | number>) =>
  new AppError(ErrorCode.InvalidInput, message, reason, params);

function info(certificate: CertificateInfo): CertificateInfo {
  const { subject, issuer, notBefore, notAfter, fingerprintSha256, keyAlgorithm, selfSigned } = certificate;
  return { subject, issuer, notBefore, notAfter, fingerprintSha256, keyAlgorithm, selfSigned };
}

/**
 * GET the metadata URL with a time and size limit. Redirects are not followed: the address the
 * admin saw is the one the file comes from.
 */
export async function fetchMetadata(url: string, timeoutMs = METADATA_FETCH_TIMEOUT_MS): Promise<string> {
  if (!isAllowedEndpoint(url)) {
    throw invalid(
      `"${url.slice(0, 200)}" is not an https:// address (http:// is allowed only for 127.0.0.1 and localhost).`,
      'renewal.insecureUrl',
    );
  }
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if ((error as Error).name === 'TimeoutError') {
      throw invalid(
        `${url} did not answer within ${timeoutMs / 1000} seconds. Check the address, or try again when the identity provider is reachable.`,
        'renewal.timeout',
        { url, seconds: timeoutMs / 1000 },
      );
    }
    throw invalid(
      `Tessera could not reach ${url} (${cause?.code ?? cause?.message ?? (error as Error).message}). Check the address and that this computer can reach it.`,
      'renewal.unreachable',
      { url, detail: cause?.code ?? (error as Error).message },
    );
  }
  if (response.status >= 300 && response.status < 400) {
    throw invalid(
      `${url} redirects to ${response.headers.get('location') ?? 'another address'}; enter the address it redirects to.`,
      'renewal.redirect',
      { url, status: response.status },
    );
  }
  if (!response.ok) {
    throw invalid(
      `${url} answered HTTP ${response.status}. Check the metadata address.`,
      'renewal.httpStatus',
      {
        url,
        status: response.status,
      },
    );
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ADMIN_LIMITS.metadataMaxBytes) {
      await reader.cancel();
      throw invalid(
        `${url} sent more than ${ADMIN_LIMITS.metadataMaxBytes / 1024 / 1024} MB, far more than one identity provider's metadata.`,
        'renewal.tooLarge',
        { url },
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class IdpRenewalService {
  constructor(
    private readonly sso: SsoConfigService,
    private readonly now: () => number,
  ) {}

  private samlIdp(idpId: string): Idp & { saml: NonNullable<Idp['saml']> } {
    const idp = this.sso.idp(idpId);
    if (!idp.saml) throw invalid('That identity provider does not use SAML.', 'idp.notSaml');
    return idp as Idp & { saml: NonNullable<Idp['saml']> };
  }

  private parse(xml: string): ParsedIdpMetadata {
    return parseIdpMetadata(xml, { now: new Date(this.now()) });
  }

  async preview(idpId: string, source: IdpRenewalSource): Promise<IdpRenewalPreview> {
    const idp = this.samlIdp(idpId);
    const xml = source.kind === 'url' ? await fetchMetadata(source.url) : source.xml;
    const candidate = this.parse(xml);
    const current = idp.saml;
    const before = new Set(current.signingCertificates.map((c) => c.fingerprintSha256));
    const after = new Set(candidate.signingCertificates.map((c) => c.fingerprintSha256));
    const same = (
      a: { binding: string; location: string } | null,
      b: { binding: string; location: string } | null,
    ) => a?.binding === b?.binding && a?.location === b?.location;
    const endpointsChanged: IdpRenewalPreview['endpointsChanged'] = [];
    if (!same(current.sso, candidate.sso))
      endpointsChanged.push({ endpoint: 'sso', before: current.sso, after: candidate.sso });
    if (!same(current.slo, candidate.slo))
      endpointsChanged.push({ endpoint: 'slo', before: current.slo, after: candidate.slo });
    const rank = TRUST_RANK[candidate.trust] - TRUST_RANK[current.trust];
    return {
      idpId,
      idpName: idp.name,
      current: {
        entityId: current.entityId,
        sso: current.sso,
        slo: current.slo,
        certificates: current.signingCertificates.map(info),
        trust: current.trust,
      },
      candidate: {
        entityId: candidate.entityId,
        sso: candidate.sso,
        slo: candidate.slo,
        certificates: candidate.signingCertificates.map(info),
        trust: candidate.trust,
        signer: candidate.signer,
      },
      xml,
      metadataUrl: source.kind === 'url' ? source.url : null,
      entityIdChanged: candidate.entityId !== current.entityId,
      certificatesAdded: candidate.signingCertificates
        .filter((c) => !before.has(c.fingerprintSha256))
        .map(info),
      certificatesRemoved: current.signingCertificates
        .filter((c) => !after.has(c.fingerprintSha256))
        .map(info),
      endpointsChanged,
      expiredCertificates: candidate.expiredCertificates,
      trustChange: rank > 0 ? 'more' : rank < 0 ? 'less' : 'same',
      needsAcknowledgement: candidate.trust !== 'public-root',
    };
  }

  /** The settings a test of the candidate runs with: the IdP's own, with the new metadata's. */
  async candidatePeer(idpId: string, xml: string): Promise<SamlPeer & { userIdAttribute: string }> {
    this.samlIdp(idpId);
    const candidate = this.parse(xml);
    const peer = await this.sso.samlPeer(idpId);
    return {
      ...peer,
      idpEntityId: candidate.entityId,
      ssoUrl: candidate.sso.location,
      ssoBinding: candidate.sso.binding,
      certificates: candidate.signingCertificates.map((certificate) => certificate.pem),
    };
  }

  /** Saves the new metadata (one transaction with its audit entry); the IdP keeps its name and S4. */
  save(idpId: string, xml: string, acknowledgeLessSecure: boolean): Idp {
    const idp = this.samlIdp(idpId);
    return this.sso.saveSamlIdp(idpId, {
      name: idp.name,
      userIdAttribute: idp.saml.userIdAttribute,
      acknowledgeLessSecure,
      source: { kind: 'metadata', xml },
    });
  }
}
