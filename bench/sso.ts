/**
 * IdP metadata: parseIdpMetadata (strict parse, DTD refusal, signature check, reading only the
 * signed bytes, certificate checks, trust classification against Node's root store) beside the
 * bare xml-crypto signature check on the same signed file, measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { generateSelfSignedSpCertificate } from '../electron/core/sso/certificates';
import { parseIdpMetadata, SAML_NS, XMLDSIG } from '../electron/core/sso/metadata';
import { median, row } from './format';

const RUNS = 200;

function measure(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 10; i++) fn(); // warm-up: JIT and the lazily parsed root store
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:';

/**
 * What a typical IdP publishes (Shibboleth, Entra ID, Okta …): a current and a next signing
 * certificate, an encryption certificate, SSO and SLO over several bindings, UI info, contacts.
 */
function typicalMetadata(signing: string[], encryption: string): string {
  const doc: Document = new DOMImplementation().createDocument(SAML_NS.md, 'md:EntityDescriptor', null);
  const root = doc.documentElement!;
  root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:ds', SAML_NS.ds);
  root.setAttribute('entityID', 'https://idp.example.com/idp/shibboleth');
  root.setAttribute('ID', '_bench0123456789abcdef');
  root.setAttribute('validUntil', '2099-01-01T00:00:00Z');
  const add = (parent: Element, name: string, attributes: Record<string, string> = {}, text?: string) => {
    const element = doc.createElementNS(name.startsWith('ds:') ? SAML_NS.ds : SAML_NS.md, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text !== undefined) element.appendChild(doc.createTextNode(text));
    parent.appendChild(element);
    return element;
  };
  const idp = add(root, 'md:IDPSSODescriptor', { protocolSupportEnumeration: SAML_NS.protocol });
  const extensions = add(idp, 'md:Extensions');
  for (let i = 0; i < 3; i++) add(extensions, 'md:Scope', { regexp: 'false' }, `example${i}.com`);
  const keyDescriptor = (base64: string, use: string) => {
    const x509Data = add(add(add(idp, 'md:KeyDescriptor', { use }), 'ds:KeyInfo'), 'ds:X509Data');
    add(x509Data, 'ds:X509Certificate', {}, base64.replace(/(.{64})/g, '$1\n'));
  };
  for (const base64 of signing) keyDescriptor(base64, 'signing');
  keyDescriptor(encryption, 'encryption');
  for (const binding of ['HTTP-Redirect', 'HTTP-POST', 'SOAP'])
    add(idp, 'md:SingleLogoutService', {
      Binding: BINDING + binding,
      Location: `https://idp.example.com/idp/profile/SAML2/${binding}/SLO`,
    });
  for (const format of ['SAML:2.0:nameid-format:persistent', 'SAML:1.1:nameid-format:emailAddress'])
    add(idp, 'md:NameIDFormat', {}, `urn:oasis:names:tc:${format}`);
  for (const binding of ['HTTP-Redirect', 'HTTP-POST', 'HTTP-POST-SimpleSign', 'SOAP'])
    add(idp, 'md:SingleSignOnService', {
      Binding: BINDING + binding,
      Location: `https://idp.example.com/idp/profile/SAML2/${binding}/SSO`,
    });
  const organization = add(root, 'md:Organization');
  add(organization, 'md:OrganizationName', { 'xml:lang': 'en' }, 'Example');
  add(organization, 'md:OrganizationDisplayName', { 'xml:lang': 'en' }, 'Example Inc.');
  add(organization, 'md:OrganizationURL', { 'xml:lang': 'en' }, 'https://www.example.com/');
  for (const type of ['technical', 'support'])
    add(
      add(root, 'md:ContactPerson', { contactType: type }),
      'md:EmailAddress',
      {},
      `mailto:${type}@example.com`,
    );
  return new XMLSerializer().serializeToString(doc);
}

export async function benchMetadata(): Promise<void> {
  const now = new Date();
  const [signer, next, encryption] = await Promise.all(
    ['IdP signing', 'IdP signing (next)', 'IdP encryption'].map((commonName) =>
      generateSelfSignedSpCertificate({ commonName, keyType: 'rsa-2048', now }),
    ),
  );
  const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
  const unsigned = typicalMetadata(
    [body(signer!.certificatePem), body(next!.certificatePem)],
    body(encryption!.certificatePem),
  );
  const sig = new SignedXml({
    privateKey: signer!.privateKeyPem,
    publicCert: signer!.certificatePem,
    signatureAlgorithm: XMLDSIG.rsaSha256,
    canonicalizationAlgorithm: XMLDSIG.excC14n,
  });
  sig.addReference({
    xpath: '/*',
    transforms: [XMLDSIG.enveloped, XMLDSIG.excC14n],
    digestAlgorithm: XMLDSIG.sha256,
  });
  sig.computeSignature(unsigned, { prefix: 'ds', location: { reference: '/*', action: 'prepend' } });
  const xml = sig.getSignedXml();

  const parsed = parseIdpMetadata(xml, { now });
  if (parsed.trust !== 'self-signed' || parsed.signingCertificates.length !== 2)
    throw new Error('benchMetadata: the bench file did not parse as expected');

  const ours = measure(RUNS, () => parseIdpMetadata(xml, { now }));
  // The least any verifier does: parse, find the signature, check it with the known certificate.
  const raw = measure(RUNS, () => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const signature = doc.getElementsByTagNameNS(SAML_NS.ds, 'Signature')[0]!;
    const verifier = new SignedXml({ publicCert: signer!.certificatePem });
    // xml-crypto types its argument as the DOM's Node (bench/ compiles with the DOM library).
    verifier.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
    if (!verifier.checkSignature(xml)) throw new Error('benchMetadata: raw check failed');
  });
  console.log(`\nSAML metadata (${(xml.length / 1024).toFixed(1)} KiB, RSA-SHA256, median of ${RUNS} runs)`);
  row('metadata parse + signature check (typical IdP file)', ours, 'raw xml-crypto checkSignature', raw);
}
