/**
 * Federation metadata (an EntitiesDescriptor with several IdPs): the admin chooses one, and the
 * whole document's signature is still what is checked. Templated multi-tenant entity IDs
 * (Entra ID's common metadata) are refused with the ID to use instead.
 */
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  listIdpEntities,
  manualIdpSettings,
  parseIdpMetadata,
  SAML_NS,
} from '../../../../electron/core/sso/metadata';
import { createTestPki, idpMetadataXml, NOW, signXml, type TestPki } from '../../../support/saml-fixtures';
import { thrownAppError } from '../../../support/errors';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { createCore } from '../../../../electron/core/app-core';

let pki: TestPki;
let trustedRootsPem: string[];
// A PKI of real keys: slow on a busy machine.
beforeAll(async () => {
  pki = await createTestPki();
  trustedRootsPem = [pki.root.pem];
}, 60_000);

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

const parse = (xml: string, entityId?: string) =>
  parseIdpMetadata(xml, { now: NOW, trustedRootsPem, ...(entityId ? { entityId } : {}) });

function aggregate(): string {
  const entity = (entityId: string, certificate: string, id: string) =>
    idpMetadataXml({ signing: [certificate], entityId, id }).replace(/^<\?xml[^>]*>\s*<!--[^>]*-->\s*/, '');
  return `<md:EntitiesDescriptor xmlns:md="${SAML_NS.md}" ID="_federation" Name="urn:example:federation">
  <md:EntityDescriptor entityID="https://sp.example.com/shibboleth">
    <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
  </md:EntityDescriptor>
  ${entity('https://a.example/idp', pki.idp.base64, '_a')}
  <md:EntitiesDescriptor Name="urn:example:nested">
    ${entity('https://b.example/idp', pki.idp2.base64, '_b')}
  </md:EntitiesDescriptor>
</md:EntitiesDescriptor>`;
}

describe('an aggregate with several IdPs', () => {
  it('lists its IdPs (not its SPs), with their display names', () => {
    expect(listIdpEntities(aggregate())).toEqual([
      { entityId: 'https://a.example/idp', displayName: 'Example IdP' },
      { entityId: 'https://b.example/idp', displayName: 'Example IdP' },
    ]);
  });

  it('asks which one without a choice, and reads the chosen one with its own certificates', () => {
    expect(thrownAppError(() => parse(aggregate())).reason).toBe('metadata.severalEntities');
    const b = parse(aggregate(), 'https://b.example/idp');
    expect(b.entityId).toBe('https://b.example/idp');
    expect(b.signingCertificates.map((c) => c.fingerprintSha256)).toEqual([fingerprint(pki.idp2.pem)]);
    const error = thrownAppError(() => parse(aggregate(), 'https://c.example/idp'));
    expect(error.reason).toBe('metadata.entityNotFound');
    expect(error.params).toEqual({ entityId: 'https://c.example/idp' });
  });

  it('keeps the signature of the whole document: trust from it, and no reading past a tampered one', () => {
    const signed = signXml(aggregate(), pki.signer, { chain: [pki.intermediate] });
    const chosen = parse(signed, 'https://a.example/idp');
    expect(chosen.trust).not.toBe('unsigned');
    expect(chosen.signer?.fingerprintSha256).toBe(fingerprint(pki.signer.pem));
    expect(listIdpEntities(signed)).toHaveLength(2);
    // Another IdP slipped in after signing: the signature no longer matches, for every entity.
    const tampered = signed.replace('https://b.example/idp', 'https://evil.example/idp');
    expect(thrownAppError(() => parse(tampered, 'https://a.example/idp')).reason).toBe(
      'metadata.signatureInvalid',
    );
    expect(thrownAppError(() => listIdpEntities(tampered)).reason).toBe('metadata.signatureInvalid');
  });

  it('refuses a choice for a single EntityDescriptor that names another entity', () => {
    const single = idpMetadataXml({ signing: [pki.idp.base64] });
    expect(parse(single, 'https://idp.example.com/idp/shibboleth').entityId).toBe(
      'https://idp.example.com/idp/shibboleth',
    );
    expect(thrownAppError(() => parse(single, 'https://other.example/idp')).reason).toBe(
      'metadata.entityNotFound',
    );
  });
});

describe('templated entity IDs', () => {
  it('refuses Entra ID’s multi-tenant entity ID with the one to use', () => {
    const error = thrownAppError(() =>
      parse(idpMetadataXml({ signing: [pki.idp.base64], entityId: 'https://sts.windows.net/{tenantid}/' })),
    );
    expect(error.reason).toBe('metadata.templatedEntityId');
    expect(error.params).toEqual({
      entityId: 'https://sts.windows.net/{tenantid}/',
      suggestion: 'https://sts.windows.net/<your tenant ID>/',
    });
    expect(error.message).toContain(
      'Put your tenant ID in the URL instead: https://sts.windows.net/<your tenant ID>/',
    );
  });

  it('refuses it in the form too', () => {
    const error = thrownAppError(() =>
      manualIdpSettings(
        {
          entityId: 'https://sts.windows.net/{tenant}/',
          ssoUrl: 'https://login.microsoftonline.com/common/saml2',
          ssoBinding: 'HTTP-Redirect',
          certificatePem: pki.idp.pem,
        },
        NOW,
      ),
    );
    expect(error.reason).toBe('metadata.templatedEntityId');
  });
});

describe('saving an IdP from an aggregate, through the gate', () => {
  const tempDir = useTempDirs();

  it('stores the chosen entity and the whole file, and refuses a choice the file lacks', async () => {
    requireSecretService();
    const core = await createCore({ dataDir: tempDir(), version: 'test' });
    try {
      const save = (entityId?: string) =>
        core.dispatch('sso:idp:save-saml', {
          id: null,
          idp: {
            name: 'University B',
            userIdAttribute: 'uid',
            acknowledgeLessSecure: true,
            source: { kind: 'metadata', xml: aggregate(), ...(entityId ? { entityId } : {}) },
          },
        });
      expect(await core.dispatch('sso:saml-metadata:entities', { xml: aggregate() })).toMatchObject({
        ok: true,
        data: [{ entityId: 'https://a.example/idp' }, { entityId: 'https://b.example/idp' }],
      });
      expect(await save()).toMatchObject({ ok: false, error: { reason: 'metadata.severalEntities' } });
      expect(await save('https://c.example/idp')).toMatchObject({
        ok: false,
        error: { reason: 'metadata.entityNotFound' },
      });
      const saved = await save('https://b.example/idp');
      expect(saved).toMatchObject({ ok: true, data: { saml: { entityId: 'https://b.example/idp' } } });
      const id = saved.ok ? (saved.data as { id: string }).id : '';
      expect(await core.dispatch('sso:idp:metadata', { id })).toMatchObject({
        ok: true,
        data: { xml: aggregate() },
      });
    } finally {
      core.close();
    }
  });
});
