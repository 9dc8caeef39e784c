/**
 * SAML Single Logout for the test IdP (saml-idp.ts), written from the specification rather than
 * with the SP's library, so the two check each other: LogoutRequest / LogoutResponse XML (SAML
 * core §3.7), the HTTP-Redirect binding's signed query (SAML bindings §3.4.4.1) and the HTTP-POST
 * binding's enveloped signature, with xml-crypto and node:crypto, and the SP's metadata read for
 * its signing certificates and SingleLogoutService.
 */
import { createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { SAML_NS, XMLDSIG } from '../../electron/core/sso/metadata';
import { childElements, parseXmlStrict } from '../../electron/core/sso/xml';
import type { TestCert } from './saml-fixtures';

const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const PROTOCOL = SAML_NS.protocol;
const BINDING = {
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect': 'HTTP-Redirect',
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST': 'HTTP-POST',
} as const;
export type SloBinding = 'HTTP-Redirect' | 'HTTP-POST';
const RSA_SHA256 = XMLDSIG.rsaSha256;

const esc = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function logoutResponseXml(o: {
  id: string;
  inResponseTo: string | null;
  destination: string | null;
  issuer: string;
  statusCode: string;
  subStatusCode?: string;
  statusMessage?: string;
}): string {
  const attrs = [
    `xmlns:samlp="${PROTOCOL}"`,
    `xmlns:saml="${ASSERTION}"`,
    `ID="${esc(o.id)}"`,
    'Version="2.0"',
    `IssueInstant="${new Date().toISOString()}"`,
    o.destination === null ? '' : `Destination="${esc(o.destination)}"`,
    o.inResponseTo === null ? '' : `InResponseTo="${esc(o.inResponseTo)}"`,
  ].filter(Boolean);
  const sub = o.subStatusCode ? `<samlp:StatusCode Value="${esc(o.subStatusCode)}"/>` : '';
  const message = o.statusMessage ? `<samlp:StatusMessage>${esc(o.statusMessage)}</samlp:StatusMessage>` : '';
  return `<samlp:LogoutResponse ${attrs.join(' ')}><saml:Issuer>${esc(o.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${esc(o.statusCode)}">${sub}</samlp:StatusCode>${message}</samlp:Status></samlp:LogoutResponse>`;
}

export function logoutRequestXml(o: {
  id: string;
  destination: string;
  issuer: string;
  nameId: string;
  nameIdFormat: string | null;
  sessionIndex: string | null;
}): string {
  const format = o.nameIdFormat ? ` Format="${esc(o.nameIdFormat)}"` : '';
  const index = o.sessionIndex ? `<samlp:SessionIndex>${esc(o.sessionIndex)}</samlp:SessionIndex>` : '';
  return `<samlp:LogoutRequest xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${esc(o.id)}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${esc(o.destination)}"><saml:Issuer>${esc(o.issuer)}</saml:Issuer><saml:NameID${format}>${esc(o.nameId)}</saml:NameID>${index}</samlp:LogoutRequest>`;
}

/** An enveloped signature over the root element, right after its Issuer (the POST binding). */
export function signRoot(xml: string, signer: TestCert): string {
  const root = parseXmlStrict(xml).documentElement!;
  const xpath = `/*[local-name()='${root.localName}' and namespace-uri()='${PROTOCOL}']`;
  const sig = new SignedXml({
    privateKey: signer.privateKeyPem,
    publicCert: signer.pem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: XMLDSIG.excC14n,
    idAttribute: 'ID',
  });
  sig.addReference({
    xpath,
    transforms: [XMLDSIG.enveloped, XMLDSIG.excC14n],
    digestAlgorithm: XMLDSIG.sha256,
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${xpath}/*[local-name()='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

/**
 * The HTTP-Redirect binding URL: the message deflated and base64-encoded, RelayState, and —
 * when `signer` is given — SigAlg and a Signature over exactly
 * `SAMLxxx=…&RelayState=…&SigAlg=…` as it appears in the query.
 */
export function redirectUrl(
  location: string,
  param: 'SAMLRequest' | 'SAMLResponse',
  xml: string,
  relayState: string | null,
  signer: TestCert | null,
): string {
  const parts = [`${param}=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`];
  if (relayState !== null) parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  if (signer) {
    parts.push(`SigAlg=${encodeURIComponent(RSA_SHA256)}`);
    const signature = sign('sha256', Buffer.from(parts.join('&')), signer.privateKeyPem);
    parts.push(`Signature=${encodeURIComponent(signature.toString('base64'))}`);
  }
  return `${location}${location.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

export interface ReceivedLogout {
  xml: string;
  root: Element;
  relayState: string | null;
  /** Whether a signature was present and verified with one of the SP's certificates. */
  signed: boolean;
}

/** Reads and verifies a redirect-binding message (the signature over the raw query tokens). */
export function readRedirect(rawQuery: string, certificatesPem: string[]): ReceivedLogout {
  const tokens = new Map<string, string>();
  for (const token of rawQuery.split('&')) {
    const name = decodeURIComponent(token.split('=')[0] ?? '');
    if (tokens.has(name)) throw new Error(`${name} twice in the query`);
    tokens.set(name, token);
  }
  const value = (name: string) => {
    const token = tokens.get(name);
    return token === undefined ? null : decodeURIComponent(token.slice(name.length + 1).replace(/\+/g, ' '));
  };
  const param = tokens.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse';
  const encoded = value(param);
  if (!encoded) throw new Error('No SAMLRequest or SAMLResponse');
  const xml = inflateRawSync(Buffer.from(encoded, 'base64'), { maxOutputLength: 256 * 1024 }).toString(
    'utf8',
  );
  let signed = false;
  const signature = value('Signature');
  const sigAlg = value('SigAlg');
  if (signature !== null && sigAlg !== null) {
    if (sigAlg !== RSA_SHA256) throw new Error(`SigAlg ${sigAlg} is not accepted`);
    const signedPart = [tokens.get(param), tokens.get('RelayState'), tokens.get('SigAlg')]
      .filter(Boolean)
      .join('&');
    signed = certificatesPem.some((pem) =>
      verify('sha256', Buffer.from(signedPart), createPublicKey(pem), Buffer.from(signature, 'base64')),
    );
    if (!signed) throw new Error('The query signature does not verify with the SP certificate');
  }
  return { xml, root: parseXmlStrict(xml).documentElement!, relayState: value('RelayState'), signed };
}

/** Reads and verifies a POST-binding message: an enveloped signature over the root, by the SP. */
export function readPost(
  encoded: string,
  relayState: string | null,
  certificatesPem: string[],
): ReceivedLogout {
  const xml = Buffer.from(encoded, 'base64').toString('utf8');
  const root = parseXmlStrict(xml).documentElement!;
  const signatureNode = childElements(root, SAML_NS.ds, 'Signature')[0];
  let signed = false;
  if (signatureNode) {
    signed = certificatesPem.some((pem) => {
      // Pinned: never the certificate a message carries in its KeyInfo.
      const verifier = new SignedXml({ publicCert: pem, idAttribute: 'ID', getCertFromKeyInfo: () => null });
      verifier.loadSignature(signatureNode.toString());
      try {
        const ok = verifier.checkSignature(xml);
        const uri = verifier.getReferences()[0]?.uri ?? '';
        return ok && uri === `#${root.getAttribute('ID')}`;
      } catch {
        return false;
      }
    });
    if (!signed) throw new Error('The XML signature does not verify with the SP certificate');
  }
  return { xml, root, relayState, signed };
}

export interface SpMetadataInfo {
  entityId: string;
  certificatesPem: string[];
  slo: Partial<Record<SloBinding, string>>;
}

/** What an IdP admin reads from the SP's metadata: its entity ID, signing certificates, SLO URLs. */
export function readSpMetadata(xml: string): SpMetadataInfo {
  const root = parseXmlStrict(xml).documentElement!;
  const sp = childElements(root, SAML_NS.md, 'SPSSODescriptor')[0];
  if (!sp) throw new Error('No SPSSODescriptor');
  const certificatesPem = childElements(sp, SAML_NS.md, 'KeyDescriptor')
    .filter((key) => (key.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((key) => Array.from(key.getElementsByTagNameNS(SAML_NS.ds, 'X509Certificate')))
    .map((element) =>
      new X509Certificate(Buffer.from((element.textContent ?? '').replace(/\s+/g, ''), 'base64')).toString(),
    );
  const slo: SpMetadataInfo['slo'] = {};
  for (const service of childElements(sp, SAML_NS.md, 'SingleLogoutService')) {
    const binding = BINDING[service.getAttribute('Binding') as keyof typeof BINDING];
    if (binding) slo[binding] = service.getAttribute('Location') ?? '';
  }
  return { entityId: root.getAttribute('entityID') ?? '', certificatesPem, slo };
}

export const text = (element: Element | undefined) => (element?.textContent ?? '').trim();
export const child = (element: Element, ns: 'assertion' | 'protocol', name: string) =>
  childElements(element, ns === 'assertion' ? ASSERTION : PROTOCOL, name)[0];
