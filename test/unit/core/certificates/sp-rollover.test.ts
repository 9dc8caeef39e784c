/**
 * C2 and SPEC §4: the SP certificate renewal, through the real core (encrypted SQLite on disk, the
 * real keychain) and the sign-in service, against the test SAML IdP — which, like a real one,
 * requires signed AuthnRequests and accepts exactly the certificates of the SP metadata it was
 * last given. A person signs in at every step of a multi-certificate rollover: no downtime.
 */
import { randomUUID, X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { createTestPki, type TestPki } from '../../../support/saml-fixtures';
import { readPostForm, startSamlIdp, type RunningSamlIdp } from '../../../support/saml-idp';
import { freeTcpPort, startDnsmasq, type RunningDns } from '../../../support/peers';
import { Browser } from '../../../support/browser';

const tempDir = useTempDirs();

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

describe('SP certificate renewal', () => {
  let pki: TestPki;
  let idp: RunningSamlIdp;
  let dns: RunningDns | null = null;
  let core: Core | null = null;

  beforeAll(async () => {
    requireSecretService();
    pki = await createTestPki();
  }, 60_000);

  afterEach(async () => {
    core?.close();
    core = null;
    await idp?.stop();
    await dns?.stop();
    dns = null;
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

  /** A SAML IdP that requires signed requests, JIT on a claimed domain, MFA off. */
  async function setUp(secrets: KeytarSecretStore, clock?: { now(): number }, dataDir = tempDir()) {
    idp = await startSamlIdp({
      signer: pki.idp,
      users: { alice: { uid: 'alice@example.test' } },
    });
    const port = await freeTcpPort();
    core = await createCore({
      dataDir,
      version: 'test',
      defaultSigninPort: port,
      secretStore: secrets,
      clock,
    });
    const domain = await call('admin:domain:add', { name: 'example.test' });
    dns = await startDnsmasq([`--txt-record=${domain.recordName},${domain.token}`], domain.recordName);
    const org = await call('admin:org:get', {});
    await call('admin:org:update', { name: org.name, dnsResolver: dns.resolver, signinPort: port });
    await call('admin:domain:verify', { name: 'example.test' });
    await call('admin:domain:claim', { name: 'example.test', claimed: true });
    await call('sso:sp-certificate:generate', { keyType: 'rsa-2048' });
    const saml = await call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Test IdP',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: { kind: 'metadata', xml: idp.metadataXml() },
      },
    });
    await call('sso:jit:set', {
      idpId: saml.id,
      jit: {
        createUsers: true,
        updateUsers: true,
        allowNewEmail: false,
        linkBy: null,
        mapping: {},
        groupAttribute: null,
      },
    });
    await call('sso:idp:set-activated', { id: saml.id, activated: true });
    // The IdP is given the SP metadata, as an admin uploads it.
    idp.trustSpMetadata((await call('sso:sp-metadata:get', { signed: false })).xml);
    return { base: `http://127.0.0.1:${port}`, dataDir };
  }

  /** A whole sign-in; returns the fingerprint of the SP certificate the IdP verified it with. */
  async function signIn(base: string): Promise<string> {
    const browser = new Browser();
    const atIdp = await browser.follow(`${base}/`, { email: 'alice@example.test' });
    expect(atIdp.status, atIdp.html).toBe(200);
    expect(atIdp.url).toContain(idp.base);
    const key = /name="key" value="([^"]+)"/.exec(atIdp.html)![1]!;
    const posted = await browser.request(`${idp.base}/login`, { key, username: 'alice' });
    const form = readPostForm(posted.html);
    const done = await browser.follow(form.action, form.fields, idp.base);
    expect(done.html).toContain('You are signed in as <strong>alice@example.test</strong>');
    return idp.lastRequest!.verifiedBy!;
  }

  async function metadataCertificates(which: 'current' | 'next' = 'current'): Promise<string[]> {
    const { content } = await call('sso:sp-rollover:download', { what: 'metadata', which, signed: false });
    return [...content.matchAll(/<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/g)].map((m) =>
      fingerprint(`-----BEGIN CERTIFICATE-----\n${m[1]!}\n-----END CERTIFICATE-----\n`),
    );
  }

  it('keeps sign-ins working at every step with IdPs that accept several certificates', async () => {
    const secrets = new KeytarSecretStore(`tessera-test-${randomUUID()}`);
    const { base } = await setUp(secrets);
    const old = fingerprint((await call('sso:sp-certificate:get', {}))!.certificatePem);
    const spKeys = async () => (await secrets.entries('sp-key:')).size;

    // 0. Before the renewal: signed with the one certificate.
    expect(await signIn(base)).toBe(old);
    expect(await spKeys()).toBe(1);

    // 1. Renew: the new certificate is published beside the old one; requests stay signed by the
    //    old one — before and after the IdP re-reads the metadata.
    const started = await call('sso:sp-rollover:start', {
      mode: 'multiple',
      switchAt: null,
      certificate: { kind: 'self-signed', keyType: 'rsa-2048' },
    });
    expect(started.phase).toBe('overlap');
    const next = started.next!.fingerprintSha256;
    expect(next).not.toBe(old);
    expect(await metadataCertificates()).toEqual([old, next]);
    expect(await spKeys()).toBe(2);
    expect(await signIn(base)).toBe(old);
    idp.trustSpMetadata((await call('sso:sp-metadata:get', { signed: false })).xml);
    expect(idp.spCertificates.map(fingerprint)).toEqual([old, next]);
    expect(await signIn(base)).toBe(old);

    // The page's inventory lists both, with their roles.
    const listed = await call('sso:certificate:list', {});
    expect(
      listed.certificates.filter((c) => c.use === 'sp').map((c) => [c.fingerprintSha256, c.status]),
    ).toEqual([
      [old, 'active'],
      [next, 'next'],
    ]);
    // The wizard cannot replace the certificate from under the renewal.
    expect((await failure('sso:sp-certificate:generate', { keyType: 'rsa-2048' })).reason).toBe(
      'rollover.inProgress',
    );

    // 2. "All IdPs updated": requests are signed with the new key; both still published.
    const switched = await call('sso:sp-rollover:switch', { confirm: true });
    expect(switched).toMatchObject({ phase: 'switched', active: { fingerprintSha256: next } });
    expect(await metadataCertificates()).toEqual([next, old]);
    expect(await signIn(base)).toBe(next);
    expect((await failure('sso:sp-rollover:cancel', { confirm: true })).reason).toBe('rollover.cannotCancel');

    // 3. Finish: the old certificate leaves the metadata, then its key the keychain.
    await call('sso:sp-rollover:finish', { confirm: true });
    expect(await metadataCertificates()).toEqual([next]);
    expect(await spKeys()).toBe(1);
    expect(await signIn(base)).toBe(next);
    idp.trustSpMetadata((await call('sso:sp-metadata:get', { signed: false })).xml);
    expect(await signIn(base)).toBe(next);
    expect((await call('sso:certificate:list', {})).rollover).toBeNull();

    // Every step is in the audit log.
    const actions = (await call('admin:audit:list', { text: 'sp.rollover', limit: 10 })).map((e) => e.action);
    expect(actions).toEqual(['sp.rollover.finish', 'sp.rollover.switch', 'sp.rollover.start']);
  }, 60_000);

  it('cancels a renewal before the switch (the new key leaves the keychain); a scheduled switch fires on time', async () => {
    const secrets = new KeytarSecretStore(`tessera-test-${randomUUID()}`);
    const { base } = await setUp(secrets);
    const old = fingerprint((await call('sso:sp-certificate:get', {}))!.certificatePem);
    await call('sso:sp-rollover:start', {
      mode: 'multiple',
      switchAt: null,
      certificate: { kind: 'self-signed', keyType: 'p-256' },
    });
    expect((await secrets.entries('sp-key:')).size).toBe(2);
    await call('sso:sp-rollover:cancel', { confirm: true });
    expect((await secrets.entries('sp-key:')).size).toBe(1);
    expect(await metadataCertificates()).toEqual([old]);
    expect(await signIn(base)).toBe(old);
    expect((await failure('sso:sp-rollover:switch', { confirm: true })).reason).toBe('rollover.none');

    // A scheduled switch happens on time while Tessera runs, with no sign-in to trigger it.
    const started = await call('sso:sp-rollover:start', {
      mode: 'single',
      switchAt: Date.now() + 500,
      certificate: { kind: 'self-signed', keyType: 'rsa-2048' },
    });
    await expect
      .poll(async () => (await call('sso:certificate:list', {})).rollover, { timeout: 10_000 })
      .toBeNull();
    expect(fingerprint((await call('sso:sp-certificate:get', {}))!.certificatePem)).toBe(
      started.next!.fingerprintSha256,
    );
    expect((await secrets.entries('sp-key:')).size).toBe(1);
  }, 60_000);

  it('switches a single-certificate IdP at the chosen time, even across a restart', async () => {
    const secrets = new KeytarSecretStore(`tessera-test-${randomUUID()}`);
    let now = Date.now();
    const clock = { now: () => now };
    const { base, dataDir } = await setUp(secrets, clock);
    const old = fingerprint((await call('sso:sp-certificate:get', {}))!.certificatePem);

    expect(
      (
        await failure('sso:sp-rollover:start', {
          mode: 'single',
          switchAt: now - 1000,
          certificate: { kind: 'self-signed', keyType: 'rsa-2048' },
        })
      ).reason,
    ).toBe('rollover.switchAtPast');
    const hour = 60 * 60 * 1000;
    const started = await call('sso:sp-rollover:start', {
      mode: 'single',
      switchAt: now + hour,
      certificate: { kind: 'self-signed', keyType: 'rsa-2048' },
    });
    expect(started).toMatchObject({ phase: 'scheduled', switchAt: now + hour });
    const next = started.next!.fingerprintSha256;
    // The IdP holds one certificate: the published metadata keeps the old one; the new metadata
    // (to upload at the switch) has the new one only.
    expect(await metadataCertificates()).toEqual([old]);
    expect(await metadataCertificates('next')).toEqual([next]);
    const pem = await call('sso:sp-rollover:download', { what: 'certificate', which: 'next', signed: false });
    expect(fingerprint(pem.content)).toBe(next);
    expect(await signIn(base)).toBe(old);

    // Tessera is closed; the time passes; at the next start the switch has happened.
    core!.close();
    core = null;
    await dns?.stop();
    dns = null;
    now += hour + 1;
    core = await createCore({ dataDir, version: 'test', secretStore: secrets, clock });
    const overview = await call('sso:certificate:list', {});
    expect(overview.rollover).toBeNull();
    expect(overview.certificates.filter((c) => c.use === 'sp').map((c) => c.fingerprintSha256)).toEqual([
      next,
    ]);
    expect((await secrets.entries('sp-key:')).size).toBe(1);
    // Until the IdP has the new certificate it refuses the requests (the downtime "single" means).
    const refused = await new Browser().follow(`${base}/`, { email: 'alice@example.test' });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('does not verify with any SP certificate');
    // The admin uploads the new metadata to the IdP at that time: sign-ins use the new key.
    idp.trustSpMetadata((await call('sso:sp-metadata:get', { signed: false })).xml);
    expect(await signIn(base)).toBe(next);
  }, 60_000);
});
