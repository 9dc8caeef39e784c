/**
 * Self-tests of the SAML IdP fixture: its responses really are signed (xml-crypto verifies them
 * with the pinned certificate, and node-saml accepts them), its hostile builders really have the
 * shape they claim, and the IdP server completes a real HTTP-Redirect → HTTP-POST round trip.
 */
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { Element } from '@xmldom/xmldom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { addEcdsaAlgorithms, parseIdpMetadata, SAML_NS, XMLDSIG } from '../../../electron/core/sso/metadata';
import {
  createTestPki,
  makeCertificate,
  newKeys,
  NOW,
  type TestCert,
  type TestPki,
} from '../../support/saml-fixtures';
import {
  authnRequestXml,
  commentInjectionNameId,
  digestValueCommentInjection,
  duplicateSignedInfo,
  hugeResponse,
  parseXml,
  protoAttributes,
  readPostForm,
  redirectBindingUrl,
  resignWith,
  SAML2,
  samlResponseXml,
  startSamlIdp,
  stripSignatures,
  TEST_IDP_ENTITY_ID,
  TEST_SP,
  toPostBody,
  twoAssertions,
  unsignedAssertionInSignedResponse,
  withDoctype,
  xswVariants,
  type RunningSamlIdp,
} from '../../support/saml-idp';

let pki: TestPki;
let ec: TestCert;

beforeAll(async () => {
  pki = await createTestPki();
  ec = await makeCertificate({
    commonName: 'IdP signing EC',
    keys: await newKeys('p-256'),
    keyType: 'p-256',
  });
});

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

const all = (root: Element, ns: string, localName: string) =>
  Array.from(root.getElementsByTagNameNS(ns, localName));

const children = (parent: Element, ns: string, localName: string) =>
  Array.from(parent.childNodes).filter(
    (node): node is Element =>
      node.nodeType === 1 &&
      (node as Element).namespaceURI === ns &&
      (node as Element).localName === localName,
  );

const root = (xml: string) => parseXml(xml).documentElement!;
const assertionOf = (xml: string) => children(root(xml), SAML2.assertion, 'Assertion')[0]!;
const signatureValue = (signature: Element) => all(signature, SAML_NS.ds, 'SignatureValue')[0]!.textContent;

/** The ds:Signature child of the Response or of its Assertion. */
function signatureOf(xml: string, part: 'response' | 'assertion'): Element | undefined {
  const element = part === 'response' ? root(xml) : assertionOf(xml);
  return children(element, SAML_NS.ds, 'Signature')[0];
}

/** xml-crypto's verdict on one signature, with `cert` pinned (KeyInfo ignored). */
function verifies(xml: string, signature: Element, cert: TestCert): boolean {
  const verifier = new SignedXml({ publicCert: cert.pem, getCertFromKeyInfo: () => null });
  addEcdsaAlgorithms(verifier);
  try {
    verifier.loadSignature(signature as unknown as Node);
    return verifier.checkSignature(xml);
  } catch {
    return false;
  }
}

function sp(options: { entryPoint?: string; validateInResponseTo?: ValidateInResponseTo } = {}) {
  return new SAML({
    idpCert: pki.idp.pem,
    issuer: TEST_SP.entityId,
    audience: TEST_SP.entityId,
    callbackUrl: TEST_SP.acsUrl,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: options.validateInResponseTo ?? ValidateInResponseTo.never,
    acceptedClockSkewMs: 60_000,
    ...(options.entryPoint ? { entryPoint: options.entryPoint } : {}),
  });
}

const evil = { nameId: 'admin@example.com', attributes: { role: 'admin' } };

// ── Responses ────────────────────────────────────────────────────────────────────────────────

describe('samlResponseXml', () => {
  it('signs the assertion by default: after its Issuer, Reference #ID, enveloped + exc-c14n, SHA-256', () => {
    const xml = samlResponseXml({ signer: pki.idp, attributes: { role: 'user' } });
    const assertion = assertionOf(xml);
    const signature = signatureOf(xml, 'assertion')!;
    expect(signatureOf(xml, 'response')).toBeUndefined();
    const elementChildren = Array.from(assertion.childNodes).filter((n) => n.nodeType === 1) as Element[];
    expect(elementChildren.map((e) => e.localName)).toEqual([
      'Issuer',
      'Signature',
      'Subject',
      'Conditions',
      'AuthnStatement',
      'AttributeStatement',
    ]);
    expect(all(signature, SAML_NS.ds, 'Reference')[0]!.getAttribute('URI')).toBe(
      `#${assertion.getAttribute('ID')}`,
    );
    expect(all(signature, SAML_NS.ds, 'Transform').map((t) => t.getAttribute('Algorithm'))).toEqual([
      XMLDSIG.enveloped,
      XMLDSIG.excC14n,
    ]);
    expect(all(signature, SAML_NS.ds, 'SignatureMethod')[0]!.getAttribute('Algorithm')).toBe(
      XMLDSIG.rsaSha256,
    );
    expect(all(signature, SAML_NS.ds, 'DigestMethod')[0]!.getAttribute('Algorithm')).toBe(XMLDSIG.sha256);
    expect(all(signature, SAML_NS.ds, 'X509Certificate')[0]!.textContent).toBe(pki.idp.base64);
    expect(verifies(xml, signature, pki.idp)).toBe(true);
    expect(verifies(xml, signature, pki.attacker)).toBe(false);
  });

  it('fills in a complete bearer assertion from its options', () => {
    const now = new Date('2030-01-02T03:04:05.000Z');
    const xml = samlResponseXml({
      signer: pki.idp,
      now,
      inResponseTo: '_request1',
      nameId: 'bob@example.com',
      sessionIndex: '_session1',
      attributes: [
        ['groups', ['a', 'b']],
        ['urn:oid:0.9.2342.19200300.100.1.3', 'bob@example.com'],
      ],
    });
    const response = root(xml);
    expect(response.getAttribute('Destination')).toBe(TEST_SP.acsUrl);
    expect(response.getAttribute('InResponseTo')).toBe('_request1');
    expect(all(response, SAML2.assertion, 'Issuer').map((e) => e.textContent)).toEqual([
      TEST_IDP_ENTITY_ID,
      TEST_IDP_ENTITY_ID,
    ]);
    const confirmation = all(response, SAML2.assertion, 'SubjectConfirmation')[0]!;
    expect(confirmation.getAttribute('Method')).toBe(SAML2.cm.bearer);
    const data = all(response, SAML2.assertion, 'SubjectConfirmationData')[0]!;
    expect(data.getAttribute('InResponseTo')).toBe('_request1');
    expect(data.getAttribute('Recipient')).toBe(TEST_SP.acsUrl);
    expect(data.getAttribute('NotOnOrAfter')).toBe('2030-01-02T03:09:05.000Z');
    expect(data.hasAttribute('NotBefore')).toBe(false);
    const conditions = all(response, SAML2.assertion, 'Conditions')[0]!;
    expect(conditions.getAttribute('NotBefore')).toBe('2030-01-02T03:03:35.000Z');
    expect(conditions.getAttribute('NotOnOrAfter')).toBe('2030-01-02T03:09:05.000Z');
    expect(all(conditions, SAML2.assertion, 'Audience').map((e) => e.textContent)).toEqual([
      TEST_SP.entityId,
    ]);
    expect(all(response, SAML2.assertion, 'NameID')[0]!.textContent).toBe('bob@example.com');
    expect(all(response, SAML2.assertion, 'AuthnStatement')[0]!.getAttribute('SessionIndex')).toBe(
      '_session1',
    );
    const attributes = all(response, SAML2.assertion, 'Attribute').map((a) => [
      a.getAttribute('Name'),
      all(a, SAML2.assertion, 'AttributeValue').map((v) => v.textContent),
    ]);
    expect(attributes).toEqual([
      ['groups', ['a', 'b']],
      ['urn:oid:0.9.2342.19200300.100.1.3', ['bob@example.com']],
    ]);
  });

  it('omits what null says to omit, and has no AttributeStatement without attributes', () => {
    const xml = samlResponseXml({
      signer: pki.idp,
      destination: null,
      audience: null,
      notBefore: null,
      notOnOrAfter: null,
      subjectConfirmationMethod: null,
    });
    const response = root(xml);
    expect(response.hasAttribute('Destination')).toBe(false);
    expect(response.hasAttribute('InResponseTo')).toBe(false);
    expect(all(response, SAML2.assertion, 'AudienceRestriction')).toHaveLength(0);
    expect(all(response, SAML2.assertion, 'SubjectConfirmation')).toHaveLength(0);
    expect(all(response, SAML2.assertion, 'AttributeStatement')).toHaveLength(0);
    const conditions = all(response, SAML2.assertion, 'Conditions')[0]!;
    expect(conditions.hasAttribute('NotBefore') || conditions.hasAttribute('NotOnOrAfter')).toBe(false);
    expect(verifies(xml, signatureOf(xml, 'assertion')!, pki.idp)).toBe(true);
  });

  it("signs the response (after its Issuer), both, or nothing; 'both' signs the assertion first", () => {
    const both = samlResponseXml({ signer: pki.idp, sign: 'both' });
    const responseChildren = Array.from(root(both).childNodes).filter((n) => n.nodeType === 1) as Element[];
    expect(responseChildren.map((e) => e.localName)).toEqual(['Issuer', 'Signature', 'Status', 'Assertion']);
    expect(verifies(both, signatureOf(both, 'response')!, pki.idp)).toBe(true);
    expect(verifies(both, signatureOf(both, 'assertion')!, pki.idp)).toBe(true);
    const responseOnly = samlResponseXml({ signer: pki.idp, sign: 'response' });
    expect(signatureOf(responseOnly, 'assertion')).toBeUndefined();
    expect(verifies(responseOnly, signatureOf(responseOnly, 'response')!, pki.idp)).toBe(true);
    expect(all(root(samlResponseXml({ sign: 'none' })), SAML_NS.ds, 'Signature')).toHaveLength(0);
    expect(() => samlResponseXml({})).toThrow(/signer/);
  });

  it('builds error responses without an assertion', () => {
    const xml = samlResponseXml({
      signer: pki.idp,
      assertion: false,
      statusCode: SAML2.status.responder,
      subStatusCode: SAML2.status.authnFailed,
      statusMessage: 'No',
    });
    expect(all(root(xml), SAML2.assertion, 'Assertion')).toHaveLength(0);
    expect(all(root(xml), SAML2.protocol, 'StatusCode').map((s) => s.getAttribute('Value'))).toEqual([
      SAML2.status.responder,
      SAML2.status.authnFailed,
    ]);
    expect(verifies(xml, signatureOf(xml, 'response')!, pki.idp)).toBe(true);
  });

  it('signs with RSA-SHA1/SHA-1 on request, ECDSA for an EC key, and without KeyInfo on request', () => {
    const sha1 = samlResponseXml({
      signer: pki.idp,
      signatureAlgorithm: 'rsa-sha1',
      digestAlgorithm: 'sha1',
    });
    const sha1Signature = signatureOf(sha1, 'assertion')!;
    expect(all(sha1Signature, SAML_NS.ds, 'SignatureMethod')[0]!.getAttribute('Algorithm')).toBe(
      'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
    );
    expect(all(sha1Signature, SAML_NS.ds, 'DigestMethod')[0]!.getAttribute('Algorithm')).toBe(
      'http://www.w3.org/2000/09/xmldsig#sha1',
    );
    expect(verifies(sha1, sha1Signature, pki.idp)).toBe(true);

    const ecdsa = samlResponseXml({ signer: ec });
    const ecSignature = signatureOf(ecdsa, 'assertion')!;
    expect(all(ecSignature, SAML_NS.ds, 'SignatureMethod')[0]!.getAttribute('Algorithm')).toBe(
      XMLDSIG.ecdsaSha256,
    );
    expect(verifies(ecdsa, ecSignature, ec)).toBe(true);

    const bare = samlResponseXml({ signer: pki.idp, includeKeyInfo: false });
    expect(all(signatureOf(bare, 'assertion')!, SAML_NS.ds, 'KeyInfo')).toHaveLength(0);
    expect(verifies(bare, signatureOf(bare, 'assertion')!, pki.idp)).toBe(true);
  });

  it('toPostBody is the base64 of the XML', () => {
    const xml = samlResponseXml({ signer: pki.idp });
    expect(Buffer.from(toPostBody(xml), 'base64').toString('utf8')).toBe(xml);
  });
});

// ── Hostile builders ─────────────────────────────────────────────────────────────────────────

describe('hostile builders', () => {
  it('xswVariants: XSW1–8, each well-formed, with the original signatures still valid and the evil NameID', () => {
    const signed = samlResponseXml({ signer: pki.idp, sign: 'both', attributes: { role: 'user' } });
    const originals = [signatureOf(signed, 'response')!, signatureOf(signed, 'assertion')!].map(
      signatureValue,
    );
    const variants = xswVariants(signed, evil);
    expect(variants.map((v) => v.name)).toEqual([
      'XSW1',
      'XSW2',
      'XSW3',
      'XSW4',
      'XSW5',
      'XSW6',
      'XSW7',
      'XSW8',
    ]);
    for (const variant of variants) {
      const doc = root(variant.xml); // throws unless well-formed
      const signatures = all(doc, SAML_NS.ds, 'Signature');
      const assertionSignature = signatures.find((s) => signatureValue(s) === originals[1]);
      expect(assertionSignature, variant.name).toBeDefined();
      expect(verifies(variant.xml, assertionSignature!, pki.idp), variant.name).toBe(true);
      if (variant.name === 'XSW1' || variant.name === 'XSW2') {
        const responseSignature = signatures.find((s) => signatureValue(s) === originals[0])!;
        expect(verifies(variant.xml, responseSignature, pki.idp), variant.name).toBe(true);
      }
      const nameIds = all(doc, SAML2.assertion, 'NameID').map((n) => n.textContent);
      expect(nameIds, variant.name).toContain('admin@example.com');
      expect(nameIds, variant.name).toContain('alice@example.com');
      expect(variant.attack.length).toBeGreaterThan(20);
    }
  });

  it('xswVariants: XSW3–8 only when just the assertion is signed', () => {
    const signed = samlResponseXml({ signer: pki.idp });
    expect(xswVariants(signed, evil).map((v) => v.name)).toEqual([
      'XSW3',
      'XSW4',
      'XSW5',
      'XSW6',
      'XSW7',
      'XSW8',
    ]);
    expect(() => xswVariants(samlResponseXml({ signer: pki.idp, sign: 'response' }), evil)).toThrow();
  });

  it('stripSignatures leaves no Signature', () => {
    const stripped = stripSignatures(samlResponseXml({ signer: pki.idp, sign: 'both' }));
    expect(stripped).not.toMatch(/Signature/);
    expect(all(root(stripped), SAML2.assertion, 'NameID')[0]!.textContent).toBe('alice@example.com');
  });

  it("resignWith: valid under the attacker's key only; KeyInfo shows whichever certificate it is told", () => {
    const signed = samlResponseXml({ signer: pki.idp, sign: 'both' });
    const forged = resignWith(signed, pki.attacker);
    for (const part of ['response', 'assertion'] as const) {
      expect(verifies(forged, signatureOf(forged, part)!, pki.attacker)).toBe(true);
      expect(verifies(forged, signatureOf(forged, part)!, pki.idp)).toBe(false);
    }
    expect(all(signatureOf(forged, 'assertion')!, SAML_NS.ds, 'X509Certificate')[0]!.textContent).toBe(
      pki.attacker.base64,
    );
    const disguised = resignWith(samlResponseXml({ signer: pki.idp }), pki.attacker, {
      keyInfoCert: pki.idp,
    });
    expect(signatureOf(disguised, 'response')).toBeUndefined();
    expect(all(signatureOf(disguised, 'assertion')!, SAML_NS.ds, 'X509Certificate')[0]!.textContent).toBe(
      pki.idp.base64,
    );
    expect(verifies(disguised, signatureOf(disguised, 'assertion')!, pki.idp)).toBe(false);
  });

  it('twoAssertions and unsignedAssertionInSignedResponse', () => {
    const signed = samlResponseXml({ signer: pki.idp });
    const two = twoAssertions(
      signed,
      samlResponseXml({ signer: pki.idp, nameId: 'admin@example.com' }),
      'before',
    );
    expect(
      children(root(two), SAML2.assertion, 'Assertion').map(
        (a) => all(a, SAML2.assertion, 'NameID')[0]!.textContent,
      ),
    ).toEqual(['admin@example.com', 'alice@example.com']);
    const half = unsignedAssertionInSignedResponse({ signer: pki.idp });
    expect(signatureOf(half, 'assertion')).toBeUndefined();
    expect(verifies(half, signatureOf(half, 'response')!, pki.idp)).toBe(true);
  });

  it('commentInjectionNameId: still validly signed, the first text node is only the visible part', () => {
    const xml = commentInjectionNameId('admin@good.example', '.evil.example', { signer: pki.idp });
    expect(xml).toContain('>admin@good.example<!---->.evil.example</saml:NameID>');
    const nameId = all(root(xml), SAML2.assertion, 'NameID')[0]!;
    expect(nameId.firstChild!.nodeValue).toBe('admin@good.example');
    expect(verifies(xml, signatureOf(xml, 'assertion')!, pki.idp)).toBe(true);
  });

  it('withDoctype: xxe, billion laughs and a bare DTD (which leaves the signature valid)', () => {
    const signed = samlResponseXml({ signer: pki.idp });
    const xxe = withDoctype(signed, 'xxe', { systemUrl: 'http://127.0.0.1:9/xxe' });
    expect(xxe).toMatch(
      /^<\?xml[^>]*\?>\n<!DOCTYPE samlp:Response \[\n<!ENTITY xxe SYSTEM "http:\/\/127.0.0.1:9\/xxe">/,
    );
    expect(xxe).toMatch(/<saml:NameID[^>]*>&xxe;alice@example.com</);
    const lol = withDoctype(signed, 'billion-laughs');
    expect(lol).toContain('<!ENTITY lol9 "&lol8;&lol8;');
    expect(lol).toMatch(/<saml:NameID[^>]*>&lol9;/);
    const dtd = withDoctype(signed, 'dtd');
    expect(dtd).toContain('<!DOCTYPE samlp:Response>');
    expect(verifies(dtd, signatureOf(signed, 'assertion')!, pki.idp)).toBe(true);
  });

  it('hugeResponse is at least that big and still validly signed', () => {
    const xml = hugeResponse(1_000_000, { signer: pki.idp });
    expect(Buffer.byteLength(xml)).toBeGreaterThanOrEqual(1_000_000);
    expect(Buffer.byteLength(xml)).toBeLessThan(1_001_000);
    expect(verifies(xml, signatureOf(xml, 'assertion')!, pki.idp)).toBe(true);
  });

  it('protoAttributes: __proto__, constructor, nameID … in a validly signed assertion', () => {
    const xml = protoAttributes({ signer: pki.idp });
    const names = all(root(xml), SAML2.assertion, 'Attribute').map((a) => a.getAttribute('Name'));
    expect(names).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'nameID']));
    expect(verifies(xml, signatureOf(xml, 'assertion')!, pki.idp)).toBe(true);
  });

  it('the xml-crypto advisories (CVE-2025-29775, CVE-2025-29774) are refused by xml-crypto 6', () => {
    const signed = samlResponseXml({ signer: pki.idp });
    const comment = digestValueCommentInjection(signed, evil);
    expect(comment).toMatch(/<ds:DigestValue><!--[A-Za-z0-9+/=]+-->/);
    expect(verifies(comment, signatureOf(comment, 'assertion')!, pki.idp)).toBe(false);
    const twice = duplicateSignedInfo(signed, evil);
    expect(all(signatureOf(twice, 'assertion')!, SAML_NS.ds, 'SignedInfo')).toHaveLength(2);
    expect(verifies(twice, signatureOf(twice, 'assertion')!, pki.idp)).toBe(false);
  });
});

// ── node-saml ────────────────────────────────────────────────────────────────────────────────

describe('node-saml (the SP library) and the fixture', () => {
  it('accepts a default response, and refuses an attacker-signed or unsigned one', async () => {
    const xml = samlResponseXml({ signer: pki.idp, attributes: { role: 'user' } });
    const { profile } = await sp().validatePostResponseAsync({ SAMLResponse: toPostBody(xml) });
    expect(profile).toMatchObject({ nameID: 'alice@example.com', issuer: TEST_IDP_ENTITY_ID, role: 'user' });
    await expect(
      sp().validatePostResponseAsync({ SAMLResponse: toPostBody(resignWith(xml, pki.attacker)) }),
    ).rejects.toThrow(/Invalid signature/);
    await expect(
      sp().validatePostResponseAsync({ SAMLResponse: toPostBody(stripSignatures(xml)) }),
    ).rejects.toThrow(/Invalid signature/);
  });

  it('never yields the evil NameID of an XSW variant', async () => {
    const signed = samlResponseXml({ signer: pki.idp, sign: 'both' });
    for (const variant of xswVariants(signed, evil)) {
      const nameId = await sp()
        .validatePostResponseAsync({ SAMLResponse: toPostBody(variant.xml) })
        .then(({ profile }) => profile?.nameID)
        .catch(() => 'refused');
      expect(['refused', 'alice@example.com'], variant.name).toContain(nameId);
    }
  });
});

// ── The IdP server ───────────────────────────────────────────────────────────────────────────

describe('startSamlIdp', () => {
  let idp: RunningSamlIdp | undefined;
  afterEach(async () => {
    await idp?.stop();
    idp = undefined;
  });

  const users = { alice: { email: 'alice@example.com', groups: ['staff', 'admins'] } };

  async function signIn(running: RunningSamlIdp, requestXml: string, username: string, relayState?: string) {
    const login = await fetch(redirectBindingUrl(running.ssoUrl, requestXml, relayState));
    expect(login.status).toBe(200);
    const loginHtml = await login.text();
    const { action, fields } = readPostForm(loginHtml);
    expect(action).toBe('/login');
    const response = await fetch(new URL(action, running.base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: fields.key!, username }).toString(),
    });
    return { loginHtml, response, html: await response.text() };
  }

  it('serves metadata that Tessera reads: entity ID, Redirect SSO, the signing certificate', async () => {
    idp = await startSamlIdp({
      signer: pki.idp,
      signMetadataWith: pki.signer,
      metadataChain: [pki.intermediate],
      users,
    });
    const response = await fetch(idp.metadataUrl);
    expect(response.headers.get('content-type')).toMatch(/^application\/samlmetadata\+xml/);
    const xml = await response.text();
    expect(xml).toBe(idp.metadataXml());
    const parsed = parseIdpMetadata(xml, { now: NOW, trustedRootsPem: [pki.root.pem] });
    expect(parsed.entityId).toBe(`${idp.base}/metadata`);
    expect(parsed.sso).toEqual({ binding: 'HTTP-Redirect', location: `${idp.base}/sso` });
    expect(parsed.signingCertificates.map((c) => c.pem)).toEqual([pki.idp.pem]);
    // Signed and chaining to the root, but the signer's certificate names idp.example.com, not 127.0.0.1.
    expect(parsed.trust).toBe('self-signed');
    expect(parsed.signer).toMatchObject({ subject: 'CN=idp.example.com, O=Tessera Tests' });
  });

  it('round trip: AuthnRequest → login form → auto-posted, signed response for that request', async () => {
    idp = await startSamlIdp({ signer: pki.idp, users });
    const request = authnRequestXml({ id: '_req_round_trip', issuer: 'urn:sp:<one>' });
    const { loginHtml, response, html } = await signIn(idp, request, 'alice', 'state&<x>"');
    expect(loginHtml).toContain('<label for=u>Username</label><input id=u name=username');
    expect(loginHtml).toContain('<button type=submit>Sign in</button>');
    expect(loginHtml).toContain('urn:sp:&#60;one&#62;');
    expect(loginHtml).not.toContain('<one>');
    expect(idp.lastRequest).toMatchObject({
      id: '_req_round_trip',
      issuer: 'urn:sp:<one>',
      acsUrl: TEST_SP.acsUrl,
      relayState: 'state&<x>"',
      binding: 'HTTP-Redirect',
    });

    expect(response.status).toBe(200);
    expect(html).toContain('<script>document.forms[0].submit()</script>');
    expect(html).toContain('<button type="submit">Continue</button>');
    const { action, fields } = readPostForm(html);
    expect(action).toBe(TEST_SP.acsUrl);
    expect(fields.RelayState).toBe('state&<x>"');
    const xml = Buffer.from(fields.SAMLResponse!, 'base64').toString('utf8');
    expect(xml).toBe(idp.lastResponse!.xml);
    const doc = root(xml);
    expect(doc.getAttribute('InResponseTo')).toBe('_req_round_trip');
    expect(doc.getAttribute('Destination')).toBe(TEST_SP.acsUrl);
    expect(all(doc, SAML2.assertion, 'SubjectConfirmationData')[0]!.getAttribute('InResponseTo')).toBe(
      '_req_round_trip',
    );
    expect(all(doc, SAML2.assertion, 'SubjectConfirmationData')[0]!.getAttribute('Recipient')).toBe(
      TEST_SP.acsUrl,
    );
    expect(all(doc, SAML2.assertion, 'Audience')[0]!.textContent).toBe('urn:sp:<one>');
    expect(all(doc, SAML2.assertion, 'Issuer')[0]!.textContent).toBe(idp.entityId);
    expect(all(doc, SAML2.assertion, 'NameID')[0]!.textContent).toBe('alice');
    expect(all(doc, SAML2.assertion, 'Attribute').map((a) => a.getAttribute('Name'))).toEqual([
      'email',
      'groups',
    ]);
    expect(verifies(xml, signatureOf(xml, 'assertion')!, pki.idp)).toBe(true);

    // The sign-in request is used up.
    const again = await fetch(`${idp.base}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: readPostForm(loginHtml).fields.key!, username: 'alice' }).toString(),
    });
    expect(again.status).toBe(400);
  });

  it('answers 401 "Unknown user" for a username it does not know (__proto__ included)', async () => {
    idp = await startSamlIdp({ signer: pki.idp, users });
    for (const username of ['mallory', '__proto__']) {
      const { response, html } = await signIn(idp, authnRequestXml({}), username);
      expect(response.status).toBe(401);
      expect(html).toContain('Unknown user');
    }
    expect(idp.lastResponse).toBeNull();
  });

  it('refuses oversized, DOCTYPE-carrying or missing AuthnRequests', async () => {
    idp = await startSamlIdp({ signer: pki.idp, users });
    const bomb = `<samlp:AuthnRequest xmlns:samlp="${SAML2.protocol}" ID="_x">${' '.repeat(1_000_000)}</samlp:AuthnRequest>`;
    expect((await fetch(redirectBindingUrl(idp.ssoUrl, bomb))).status).toBe(413);
    const doctype = `<!DOCTYPE x [<!ENTITY e "e">]>${authnRequestXml({})}`;
    expect((await fetch(redirectBindingUrl(idp.ssoUrl, doctype))).status).toBe(400);
    expect((await fetch(idp.ssoUrl)).status).toBe(400);
    expect((await fetch(`${idp.base}/nowhere`)).status).toBe(404);
  });

  it('misbehaves on demand: mode, setResponseOptions, tamper', async () => {
    idp = await startSamlIdp({ signer: pki.idp, users, mode: 'wrong-audience' });
    const audienceOf = async () => {
      const { html } = await signIn(idp!, authnRequestXml({}), 'alice');
      const xml = Buffer.from(readPostForm(html).fields.SAMLResponse!, 'base64').toString('utf8');
      return { xml, audience: all(root(xml), SAML2.assertion, 'Audience')[0]?.textContent ?? null };
    };
    expect((await audienceOf()).audience).toBe('urn:evil:sp');
    idp.mode = 'normal';
    idp.setResponseOptions({ signer: pki.attacker, audience: 'urn:other' });
    const forged = await audienceOf();
    expect(forged.audience).toBe('urn:other');
    expect(verifies(forged.xml, signatureOf(forged.xml, 'assertion')!, pki.attacker)).toBe(true);
    idp.resetResponseOptions();
    idp.tamper = (xml, ctx) => {
      expect(ctx.username).toBe('alice');
      return stripSignatures(xml);
    };
    const tampered = await audienceOf();
    expect(tampered.audience).toBe(TEST_SP.entityId);
    expect(tampered.xml).not.toMatch(/Signature/);
  });

  it('signs in through node-saml end to end (InResponseTo validated "always"), and a replay is refused', async () => {
    idp = await startSamlIdp({ signer: pki.idp, users });
    const saml = sp({ entryPoint: idp.ssoUrl, validateInResponseTo: ValidateInResponseTo.always });
    const login = await fetch(await saml.getAuthorizeUrlAsync('relay-1', undefined, {}));
    const { fields } = readPostForm(await login.text());
    expect(idp.lastRequest).toMatchObject({
      issuer: TEST_SP.entityId,
      acsUrl: TEST_SP.acsUrl,
      relayState: 'relay-1',
    });
    const posted = await fetch(`${idp.base}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: fields.key!, username: 'alice' }).toString(),
    });
    const form = readPostForm(await posted.text()).fields;
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: form.SAMLResponse! });
    expect(profile).toMatchObject({
      nameID: 'alice',
      nameIDFormat: SAML2.nameIdFormat.email,
      issuer: idp.entityId,
      inResponseTo: idp.lastRequest!.id,
      email: 'alice@example.com',
      groups: ['staff', 'admins'],
    });
    await expect(saml.validatePostResponseAsync({ SAMLResponse: form.SAMLResponse! })).rejects.toThrow(
      /InResponseTo is not valid/,
    );
  });
});
