/**
 * C1: renewing an IdP's certificate through the real core (encrypted SQLite, the real keychain) and
 * the test SAML IdP: backup, refresh from the metadata URL, the diff, Test SSO against the candidate
 * before it is saved, then the save with its audit entry — and bad input that changes nothing.
 */
import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { createTestPki, type TestPki } from '../../../support/saml-fixtures';
import { readPostForm, startSamlIdp, type RunningSamlIdp } from '../../../support/saml-idp';
import { freeTcpPort } from '../../../support/peers';
import { Browser } from '../../../support/browser';

const tempDir = useTempDirs();
const fp = (cert: { pem: string }) => new X509Certificate(cert.pem).fingerprint256;

describe('IdP certificate renewal', () => {
  let pki: TestPki;
  let idp: RunningSamlIdp;
  let core: Core | null = null;

  beforeAll(async () => {
    requireSecretService();
    pki = await createTestPki();
  }, 60_000);

  afterEach(async () => {
    core?.close();
    core = null;
    await idp?.stop();
  });

  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core!.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as ResponseOf<C>;
  }

  async function failure<C extends Channel>(channel: C, request: RequestOf<C>) {
    const result = await core!.dispatch(channel, request);
    if (result.ok) throw new Error(`${channel} succeeded`);
    return result.error;
  }

  async function setUp() {
    idp = await startSamlIdp({ signer: pki.idp, users: { alice: { uid: 'alice@example.test' } } });
    const port = await freeTcpPort();
    core = await createCore({ dataDir: tempDir(), version: 'test', defaultSigninPort: port });
    const saml = await call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Test IdP',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: { kind: 'metadata', xml: idp.metadataXml() },
      },
    });
    return saml;
  }

  /** Runs a Test SSO link through the IdP to the ACS; returns the recorded result. */
  async function runTest(link: { id: string; url: string }) {
    const browser = new Browser();
    const atIdp = await browser.follow(link.url);
    const key = /name="key" value="([^"]+)"/.exec(atIdp.html)![1]!;
    const form = readPostForm((await browser.request(`${idp.base}/login`, { key, username: 'alice' })).html);
    await browser.follow(form.action, form.fields, idp.base);
    return call('sso:test:get', { id: link.id });
  }

  it('refreshes from the URL, shows the diff, tests the candidate before saving, then saves', async () => {
    const saml = await setUp();
    const backup = await call('sso:idp:metadata', { id: saml.id });
    expect(backup.xml).toBe(idp.metadataXml());

    // The IdP rolls its key: new certificate published beside the old one and an expired one,
    // and it signs with the new key from now on.
    idp.publishedCerts = [pki.idp, pki.idp2, pki.expired];
    idp.signer = pki.idp2;

    const preview = await call('sso:idp-renewal:preview', {
      idpId: saml.id,
      source: { kind: 'url', url: idp.metadataUrl },
    });
    expect(preview.metadataUrl).toBe(idp.metadataUrl);
    expect(preview.entityIdChanged).toBe(false);
    expect(preview.certificatesAdded.map((c) => c.fingerprintSha256)).toEqual([fp(pki.idp2)]);
    expect(preview.certificatesRemoved).toEqual([]);
    expect(preview.expiredCertificates).toHaveLength(1);
    expect(preview.endpointsChanged).toEqual([]);
    expect(preview).toMatchObject({ trustChange: 'same', needsAcknowledgement: true });

    // The saved settings do not know the new key: a test of them fails on the signature …
    const stored = await runTest(await call('sso:test:start', { idpId: saml.id }));
    expect(stored.state).toBe('failed');
    // … and the candidate, tested before it is saved, passes.
    const candidate = await runTest(await call('sso:idp-renewal:test', { idpId: saml.id, xml: preview.xml }));
    expect(candidate.state, JSON.stringify(candidate.checks)).toBe('succeeded');
    // Testing saved nothing.
    expect((await call('sso:idp:list', {}))[0]!.saml!.signingCertificates).toHaveLength(1);

    // Saving needs the "less secure" acknowledgement (the metadata is unsigned).
    expect(
      (
        await failure('sso:idp-renewal:save', {
          idpId: saml.id,
          xml: preview.xml,
          acknowledgeLessSecure: false,
        })
      ).reason,
    ).toBe('saml.acknowledgeLessSecure');
    const saved = await call('sso:idp-renewal:save', {
      idpId: saml.id,
      xml: preview.xml,
      acknowledgeLessSecure: true,
    });
    expect(saved.saml!.signingCertificates.map((c) => c.fingerprintSha256)).toEqual([
      fp(pki.idp),
      fp(pki.idp2),
    ]);
    expect(saved).toMatchObject({ name: 'Test IdP', saml: { userIdAttribute: 'uid' } });
    const listed = await call('sso:certificate:list', {});
    expect(listed.certificates.filter((c) => c.use === 'idp').map((c) => c.id)).toEqual([
      `idp:${saml.id}:${fp(pki.idp).replace(/:/g, '').toLowerCase()}`,
      `idp:${saml.id}:${fp(pki.idp2).replace(/:/g, '').toLowerCase()}`,
    ]);
    const [audit] = await call('admin:audit:list', { text: 'idp.update', limit: 1 });
    expect(audit).toMatchObject({ action: 'idp.update', target: 'Test IdP' });

    // The IdP drops the old certificate: the diff says it is removed.
    idp.publishedCerts = [pki.idp2];
    const dropped = await call('sso:idp-renewal:preview', {
      idpId: saml.id,
      source: { kind: 'xml', xml: idp.metadataXml() },
    });
    expect(dropped.certificatesRemoved.map((c) => c.fingerprintSha256)).toEqual([fp(pki.idp)]);
    expect(dropped.certificatesAdded).toEqual([]);

    // It moves its sign-in endpoint and changes its entity ID: both are shown.
    const oldSso = idp.ssoUrl;
    idp.ssoUrl = `${idp.base}/sso-v2`;
    const moved = await call('sso:idp-renewal:preview', {
      idpId: saml.id,
      source: { kind: 'xml', xml: idp.metadataXml().replace(idp.entityId, 'https://new.example.com/idp') },
    });
    idp.ssoUrl = oldSso;
    expect(moved.entityIdChanged).toBe(true);
    expect(moved.candidate.entityId).toBe('https://new.example.com/idp');
    expect(moved.endpointsChanged).toEqual([
      {
        endpoint: 'sso',
        before: { binding: 'HTTP-Redirect', location: oldSso },
        after: { binding: 'HTTP-Redirect', location: `${idp.base}/sso-v2` },
      },
    ]);
  }, 60_000);

  it('refuses bad metadata and unreachable URLs with what to fix, and changes nothing', async () => {
    const saml = await setUp();
    const before = await call('sso:idp:list', {});

    idp.publishedCerts = [pki.expired];
    const allExpired = await failure('sso:idp-renewal:preview', {
      idpId: saml.id,
      source: { kind: 'url', url: idp.metadataUrl },
    });
    expect(allExpired.reason).toBe('metadata.certificateExpired');
    expect(
      (
        await failure('sso:idp-renewal:save', {
          idpId: saml.id,
          xml: idp.metadataXml(),
          acknowledgeLessSecure: true,
        })
      ).reason,
    ).toBe('metadata.certificateExpired');

    const notFound = await failure('sso:idp-renewal:preview', {
      idpId: saml.id,
      source: { kind: 'url', url: `${idp.base}/no-such-file` },
    });
    expect(notFound.reason).toBe('renewal.httpStatus');
    expect(notFound.message).toContain('HTTP 404');

    const closed = await freeTcpPort();
    const unreachable = await failure('sso:idp-renewal:preview', {
      idpId: saml.id,
      source: { kind: 'url', url: `http://127.0.0.1:${closed}/metadata` },
    });
    expect(unreachable.reason).toBe('renewal.unreachable');
    expect(unreachable.message).toContain('ECONNREFUSED');

    // A server that redirects is not followed.
    const redirecting = createServer((_, res) =>
      res.writeHead(302, { location: 'https://evil.example/' }).end(),
    );
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const redirect = await failure('sso:idp-renewal:preview', {
      idpId: saml.id,
      source: { kind: 'url', url: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/` },
    });
    redirecting.close();
    expect(redirect.reason).toBe('renewal.redirect');

    expect(
      (await failure('sso:idp-renewal:preview', { idpId: saml.id, source: { kind: 'xml', xml: '<nope' } }))
        .code,
    ).toBe('INVALID_INPUT');
    // Plain http to another machine is refused at the contract.
    expect(
      (
        await failure('sso:idp-renewal:preview', {
          idpId: saml.id,
          source: { kind: 'url', url: 'http://idp.example.com/metadata' },
        })
      ).code,
    ).toBe('BAD_REQUEST');
    expect(await call('sso:idp:list', {})).toEqual(before);
  }, 60_000);
});
