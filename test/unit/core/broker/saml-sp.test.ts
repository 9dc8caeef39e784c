/**
 * Our SAML service provider against hostile responses (test/support/saml-idp.ts builds them with
 * real keys): each attack is refused, by the check that names it, with what to fix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SamlServiceProvider, type SamlPeer } from '../../../../electron/core/broker/saml-sp';
import { createTestPki, type TestPki } from '../../../support/saml-fixtures';
import {
  SAML2,
  TEST_IDP_ENTITY_ID,
  TEST_SP,
  commentInjectionNameId,
  encryptAssertion,
  hugeResponse,
  protoAttributes,
  resignWith,
  samlResponseXml,
  stripSignatures,
  toPostBody,
  twoAssertions,
  unsignedAssertionInSignedResponse,
  withDoctype,
  xswVariants,
  type SamlResponseOptions,
} from '../../../support/saml-idp';

describe('SAML service provider', () => {
  let pki: TestPki;
  let peer: SamlPeer;

  beforeAll(async () => {
    pki = await createTestPki();
    peer = {
      spEntityId: TEST_SP.entityId,
      acsUrl: TEST_SP.acsUrl,
      idpEntityId: TEST_IDP_ENTITY_ID,
      ssoUrl: 'http://127.0.0.1:9/sso',
      ssoBinding: 'HTTP-Redirect',
      // Both of the IdP's certificates are pinned (rollover); the attacker's never is.
      certificates: [pki.idp2.pem, pki.idp.pem],
      spPrivateKeyPem: null,
    };
  });

  /** A fresh SP and request; `build` makes the response for that request's ID. */
  async function exchange(build: (base: SamlResponseOptions) => string, sp = new SamlServiceProvider()) {
    const { requestId } = await sp.start(peer, 'relay');
    const base: SamlResponseOptions = {
      issuer: TEST_IDP_ENTITY_ID,
      destination: TEST_SP.acsUrl,
      recipient: TEST_SP.acsUrl,
      audience: TEST_SP.entityId,
      inResponseTo: requestId,
      nameId: 'alice@example.com',
      attributes: { uid: 'alice@example.com', givenName: 'Alice' },
      signer: pki.idp,
    };
    const xml = build(base);
    return { outcome: await sp.validate(peer, toPostBody(xml), requestId), sp, requestId, xml };
  }

  function failedCheck(outcome: Awaited<ReturnType<typeof exchange>>['outcome']) {
    expect(outcome.ok).toBe(false);
    const failed = outcome.checks.filter((check) => check.status === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.fix).toBeTruthy();
    // Checks after the failed one are not reported as passed.
    const at = outcome.checks.findIndex((check) => check.status === 'fail');
    expect(outcome.checks.slice(at + 1).every((check) => check.status === 'skipped')).toBe(true);
    return failed[0]!;
  }

  it('accepts a genuine response: attributes in a null-prototype map, every check passed', async () => {
    const { outcome } = await exchange((base) => samlResponseXml(base));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.nameId).toBe('alice@example.com');
    expect(outcome.attributes.uid).toEqual(['alice@example.com']);
    expect(Object.getPrototypeOf(outcome.attributes)).toBeNull();
    expect(outcome.checks.every((check) => check.status === 'pass')).toBe(true);
  });

  it('accepts a response signed with the second pinned certificate (rollover)', async () => {
    const { outcome } = await exchange((base) => samlResponseXml({ ...base, signer: pki.idp2 }));
    expect(outcome.ok).toBe(true);
  });

  it('refuses the same response twice (replay)', async () => {
    const sp = new SamlServiceProvider();
    const first = await exchange((base) => samlResponseXml(base), sp);
    expect(first.outcome.ok).toBe(true);
    const again = await sp.validate(peer, toPostBody(first.xml), first.requestId);
    expect(failedCheck(again).id).toBe('in-response-to');
  });

  it('refuses an assertion ID seen before, even for a new request (replay cache)', async () => {
    const sp = new SamlServiceProvider();
    const assertionId = '_replayed0001';
    const first = await exchange((base) => samlResponseXml({ ...base, assertionId }), sp);
    expect(first.outcome.ok).toBe(true);
    const second = await exchange((base) => samlResponseXml({ ...base, assertionId }), sp);
    expect(failedCheck(second.outcome).id).toBe('replay');
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7])('refuses signature wrapping XSW%#+1', async (index) => {
    const { outcome, xml } = await exchange((base) => {
      const signed = samlResponseXml({ ...base, sign: 'both' });
      return xswVariants(signed, { nameId: 'admin@example.com', attributes: { uid: 'admin@example.com' } })[
        index
      ]!.xml;
    });
    expect(xml).toContain('admin@example.com');
    if (outcome.ok) {
      // Only the genuine, signed assertion may ever be read.
      expect(outcome.nameId).toBe('alice@example.com');
      expect(outcome.attributes.uid).toEqual(['alice@example.com']);
    } else {
      expect(['signature', 'one-assertion', 'xml', 'issuer', 'destination', 'in-response-to']).toContain(
        failedCheck(outcome).id,
      );
    }
  });

  it('refuses a response without signatures', async () => {
    const { outcome } = await exchange((base) => stripSignatures(samlResponseXml(base)));
    expect(failedCheck(outcome).id).toBe('signature');
  });

  it('refuses a response re-signed by an attacker, and says the certificate is not in the metadata', async () => {
    const { outcome } = await exchange((base) => resignWith(samlResponseXml(base), pki.attacker));
    const failed = failedCheck(outcome);
    expect(failed.id).toBe('signature');
    expect(failed.detail).toMatch(/not in the uploaded metadata/);
    expect(failed.fix).toMatch(/upload/i);
    // The code the admin console words in the admin's language (the English stays the fallback).
    expect(failed.code).toBe('foreign-certificate');
  });

  it('refuses an unsigned assertion inside a signed response', async () => {
    const { outcome } = await exchange((base) => unsignedAssertionInSignedResponse(base));
    expect(failedCheck(outcome).id).toBe('signature');
  });

  it('refuses two assertions', async () => {
    const { outcome } = await exchange((base) => {
      const evil = samlResponseXml({ ...base, nameId: 'admin@example.com' });
      return twoAssertions(samlResponseXml(base), evil);
    });
    expect(failedCheck(outcome).id).toBe('one-assertion');
  });

  it('refuses an encrypted assertion with its own check and what to turn off', async () => {
    const sp = new SamlServiceProvider();
    const { requestId } = await sp.start(peer, 'relay');
    const xml = await encryptAssertion(
      samlResponseXml({
        issuer: TEST_IDP_ENTITY_ID,
        destination: TEST_SP.acsUrl,
        recipient: TEST_SP.acsUrl,
        audience: TEST_SP.entityId,
        inResponseTo: requestId,
        signer: pki.idp,
      }),
      pki.encryption,
    );
    const failed = failedCheck(await sp.validate(peer, toPostBody(xml), requestId));
    expect(failed.id).toBe('encryption');
    expect(failed.detail).toMatch(/encrypted the assertion \(EncryptedAssertion\)/);
    expect(failed.fix).toMatch(/Turn off assertion encryption for Tessera/);
  });

  it('refuses a signed assertion without Conditions with its own check, not a raw error', async () => {
    const { outcome } = await exchange((base) => samlResponseXml({ ...base, conditions: false }));
    const failed = failedCheck(outcome);
    expect(failed.id).toBe('conditions');
    expect(failed.detail).toBe(
      'The assertion has no Conditions element, so it names no audience and no validity period.',
    );
    expect(failed.fix).toContain(TEST_SP.entityId);
    expect(`${failed.detail} ${failed.fix}`).not.toMatch(/TypeError|undefined|Cannot read/);
  });

  it('reads a NameID with an injected comment as the whole signed text', async () => {
    const { outcome } = await exchange((base) =>
      commentInjectionNameId('admin@example.com', '.evil.test', base),
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.nameId).toBe('admin@example.com.evil.test');
  });

  const wrong: [string, (base: SamlResponseOptions) => SamlResponseOptions, string][] = [
    ['InResponseTo', (b) => ({ ...b, inResponseTo: '_someotherrequest' }), 'in-response-to'],
    ['missing InResponseTo', (b) => ({ ...b, inResponseTo: null }), 'in-response-to'],
    [
      'unsigned InResponseTo only (none in the signed assertion)',
      (b) => ({ ...b, subjectInResponseTo: null }),
      'in-response-to',
    ],
    ['Audience', (b) => ({ ...b, audience: 'urn:someone-else' }), 'audience'],
    ['Recipient', (b) => ({ ...b, recipient: 'http://127.0.0.1:7480/elsewhere' }), 'recipient'],
    ['Destination', (b) => ({ ...b, destination: 'https://evil.example/acs' }), 'destination'],
    ['response Issuer', (b) => ({ ...b, issuer: 'https://evil.example/idp' }), 'issuer'],
    [
      'assertion Issuer',
      (b) => ({ ...b, assertionIssuer: 'https://evil.example/idp', responseIssuer: null }),
      'issuer',
    ],
    [
      'expired conditions',
      (b) => ({
        ...b,
        now: new Date(Date.now() - 3_600_000),
        notOnOrAfter: new Date(Date.now() - 3_000_000),
        subjectNotOnOrAfter: new Date(Date.now() - 3_000_000),
      }),
      'time',
    ],
    [
      'not-yet-valid conditions',
      (b) => ({
        ...b,
        notBefore: new Date(Date.now() + 3_600_000),
        notOnOrAfter: new Date(Date.now() + 7_200_000),
      }),
      'time',
    ],
    [
      'missing SubjectConfirmation',
      (b) => ({ ...b, subjectConfirmationMethod: null }),
      'subject-confirmation',
    ],
    [
      'holder-of-key SubjectConfirmation',
      (b) => ({ ...b, subjectConfirmationMethod: SAML2.cm.holderOfKey }),
      'subject-confirmation',
    ],
    ['RSA-SHA1', (b) => ({ ...b, signatureAlgorithm: 'rsa-sha1', digestAlgorithm: 'sha1' }), 'algorithms'],
    ['no expiry', (b) => ({ ...b, notOnOrAfter: null, subjectNotOnOrAfter: null }), 'expiry'],
    [
      'error status',
      (b) => ({ ...b, statusCode: SAML2.status.responder, assertion: false, sign: 'none' }),
      'status',
    ],
  ];
  it.each(wrong)('refuses a wrong %s', async (_name, change, check) => {
    const { outcome } = await exchange((base) => samlResponseXml(change(base)));
    const failed = failedCheck(outcome);
    expect(failed.id).toBe(check);
    // Every one of these has a stable code for the console's translations.
    expect(failed.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('gives the values a translated fix needs: the ACS URL to set', async () => {
    const { outcome } = await exchange((base) =>
      samlResponseXml({ ...base, recipient: 'http://127.0.0.1:7480/elsewhere' }),
    );
    const failed = failedCheck(outcome);
    expect(failed.code).toBe('wrong-recipient');
    expect(failed.params).toEqual({ recipient: 'http://127.0.0.1:7480/elsewhere', acsUrl: peer.acsUrl });
  });

  it.each(['xxe', 'billion-laughs', 'dtd'] as const)('refuses a DOCTYPE (%s)', async (kind) => {
    const { outcome } = await exchange((base) => withDoctype(samlResponseXml(base), kind));
    expect(failedCheck(outcome).id).toBe('xml');
  });

  it('refuses a body larger than 512 KB before parsing it', async () => {
    const { outcome } = await exchange((base) => hugeResponse(600 * 1024, base));
    expect(failedCheck(outcome).id).toBe('size');
  });

  it('keeps __proto__, constructor and nameID attributes as plain names that shape nothing', async () => {
    const { outcome } = await exchange((base) => protoAttributes(base));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.getPrototypeOf(outcome.attributes)).toBeNull();
    expect(Object.hasOwn(outcome.attributes, '__proto__')).toBe(true);
    expect(outcome.nameId).not.toBe('admin@example.com');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('sends the AuthnRequest by HTTP-Redirect, or as form fields for an HTTP-POST-only IdP', async () => {
    const sp = new SamlServiceProvider();
    const redirect = await sp.start(peer, 'flow-1');
    expect(redirect.kind).toBe('redirect');
    if (redirect.kind === 'redirect') {
      const url = new URL(redirect.url);
      expect(url.origin + url.pathname).toBe(peer.ssoUrl);
      expect(url.searchParams.get('RelayState')).toBe('flow-1');
    }
    const post = await sp.start({ ...peer, ssoBinding: 'HTTP-POST' }, 'flow-2');
    expect(post.kind).toBe('post');
    if (post.kind === 'post') {
      expect(post.fields.RelayState).toBe('flow-2');
      const request = Buffer.from(post.fields.SAMLRequest!, 'base64').toString('utf8');
      expect(request).toContain(`ID="${post.requestId}"`);
      expect(request).toContain(`AssertionConsumerServiceURL="${TEST_SP.acsUrl}"`);
    }
  });

  it('refuses a body that is not base64 or not XML', async () => {
    const sp = new SamlServiceProvider();
    const { requestId } = await sp.start(peer, 'relay');
    expect(failedCheck(await sp.validate(peer, '<xml>', requestId)).id).toBe('xml');
    expect(
      failedCheck(await sp.validate(peer, Buffer.from('not xml at all').toString('base64'), requestId)).id,
    ).toBe('xml');
  });
});
