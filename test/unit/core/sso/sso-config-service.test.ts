/**
 * The admin configuration through the real gate and contract, on a real encrypted store and the
 * real OS keychain: what an admin can do, what is refused (and that a refusal changes nothing),
 * the audit trail, and a restart that finds everything as it was.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { readOrCreateVaultId } from '../../../../electron/core/store/database';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import {
  createTestPki,
  idpMetadataXml,
  makePkcs12,
  signXml,
  type TestPki,
} from '../../../support/saml-fixtures';

const tempDir = useTempDirs();
const secrets = new KeytarSecretStore();
const open: Core[] = [];

beforeAll(() => requireSecretService());
afterEach(() => {
  for (const core of open.splice(0)) core.close();
});

async function start(dataDir = tempDir()) {
  const core = await createCore({ dataDir, version: 'test' });
  open.push(core);
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { shape: result.error });
    return result.data as ResponseOf<C>;
  }
  async function refuse<C extends Channel>(channel: C, request: unknown): Promise<AppErrorShape> {
    const result = await core.dispatch(channel, request);
    if (result.ok) throw new Error(`${channel} was expected to fail`);
    return result.error;
  }
  return { core, dataDir, call, refuse };
}

const OIDC_MANUAL = {
  kind: 'manual' as const,
  issuer: 'https://login.example.com',
  authorizationEndpoint: 'https://login.example.com/authorize',
  tokenEndpoint: 'https://login.example.com/token',
  jwksUri: 'https://login.example.com/jwks',
  userinfoEndpoint: 'https://login.example.com/userinfo',
  endSessionEndpoint: '',
};

function oidcInput(name: string, clientSecret: string) {
  return {
    name,
    clientId: 'tessera',
    clientSecret,
    scopes: ['openid', 'email'],
    automaticLogout: false,
    endpoints: OIDC_MANUAL,
  };
}

const rule = (name: string, idpId: string, values: string[], type: 'domain' | 'group' = 'domain') => ({
  name,
  type,
  values,
  idpId,
  mfa: 'keep' as const,
  mfaRequired: false,
});

describe('identity providers and the default rule', () => {
  it('gives the first IdP the default rule; nothing is live until activated', async () => {
    const { call } = await start();
    const idp = await call('sso:idp:save-oidc', { id: null, idp: oidcInput('Login', 's3cret-value') });
    expect(idp.status).toBe('not-activated');
    expect(idp.oidc?.hasClientSecret).toBe(true);
    const rules = await call('routing:rule:list', {});
    expect(rules).toEqual([expect.objectContaining({ type: 'default', idpId: idp.id, active: true })]);

    const sim = await call('routing:simulate', {
      email: 'a@example.com',
      groups: [],
      applicationKey: '',
      userOptedIn: false,
    });
    expect(sim.matched).toBeNull();

    expect((await call('sso:idp:set-activated', { id: idp.id, activated: true })).status).toBe('live');
    const routed = await call('routing:simulate', {
      email: 'a@example.com',
      groups: [],
      applicationKey: '',
      userOptedIn: false,
    });
    expect(routed.matched?.idpName).toBe('Login');

    // I5: SSO off for all → OIDC is not live, the built-in identity would be.
    await call('sso:sso:set-enabled', { enabled: false, confirm: true });
    expect((await call('sso:idp:list', {}))[0]?.status).toBe('sso-off');
  });

  it('keeps the client secret in the keychain only, and replaces it without leaving the old one', async () => {
    const { call, dataDir } = await start();
    const idp = await call('sso:idp:save-oidc', { id: null, idp: oidcInput('Login', 'first-secret-value') });
    const listed = JSON.stringify(await call('sso:idp:list', {}));
    const audit = JSON.stringify(await call('admin:audit:list', { limit: 100 }));
    expect(listed).not.toContain('first-secret-value');
    expect(audit).not.toContain('first-secret-value');
    const onDisk = readdirSync(dataDir)
      .filter((f) => statSync(join(dataDir, f)).isFile())
      .map((f) => readFileSync(join(dataDir, f)).toString('latin1'))
      .join('');
    expect(onDisk).not.toContain('first-secret-value');

    const refsBefore = [...(await secrets.entries('oidc-secret:')).entries()].filter(
      ([, v]) => v === 'first-secret-value',
    );
    expect(refsBefore).toHaveLength(1);

    // An empty secret when editing keeps the stored one.
    await call('sso:idp:save-oidc', { id: idp.id, idp: oidcInput('Login renamed', '') });
    expect([...(await secrets.entries('oidc-secret:')).values()]).toContain('first-secret-value');

    await call('sso:idp:save-oidc', { id: idp.id, idp: oidcInput('Login renamed', 'second-secret-value') });
    const values = [...(await secrets.entries('oidc-secret:')).values()];
    expect(values).toContain('second-secret-value');
    expect(values).not.toContain('first-secret-value');

    await call('sso:idp:delete', { id: idp.id, deleteRules: true, confirm: true });
    expect([...(await secrets.entries('oidc-secret:')).values()]).not.toContain('second-secret-value');
  });

  it('does not send a kept client secret to a new issuer', async () => {
    const { call, refuse } = await start();
    const idp = await call('sso:idp:save-oidc', { id: null, idp: oidcInput('Login', 'kept-secret-1') });
    const elsewhere = {
      ...oidcInput('Login', ''),
      endpoints: {
        ...OIDC_MANUAL,
        issuer: 'https://evil.example.net',
        tokenEndpoint: 'https://evil.example.net/token',
      },
    };
    expect((await refuse('sso:idp:save-oidc', { id: idp.id, idp: elsewhere })).reason).toBe(
      'oidc.secretRequiredForNewEndpoint',
    );
    expect((await call('sso:idp:list', {}))[0]?.oidc?.issuer).toBe('https://login.example.com');
  });

  it('refuses a new OIDC IdP without a secret, and a duplicate name, saving nothing', async () => {
    const { call, refuse } = await start();
    expect((await refuse('sso:idp:save-oidc', { id: null, idp: oidcInput('Login', '') })).reason).toBe(
      'oidc.secretRequired',
    );
    await call('sso:idp:save-oidc', { id: null, idp: oidcInput('Login', 'secret-1') });
    expect(
      (await refuse('sso:idp:save-oidc', { id: null, idp: oidcInput('login', 'secret-2') })).reason,
    ).toBe('idp.duplicateName');
    expect(await call('sso:idp:list', {})).toHaveLength(1);
    const manualLogout = { ...oidcInput('Other', 'secret-3'), automaticLogout: true };
    expect((await refuse('sso:idp:save-oidc', { id: null, idp: manualLogout })).reason).toBe(
      'oidc.endSessionRequired',
    );
    expect(await call('sso:idp:list', {})).toHaveLength(1);
  });

  it('adds the built-in identity with its rule after the acknowledgement, and hashes passwords', async () => {
    const { call, refuse } = await start();
    const first = await call('sso:idp:save-oidc', { id: null, idp: oidcInput('Login', 'secret-1') });
    expect((await refuse('sso:idp:add-builtin', { acknowledged: false, rule: null })).code).toBe(
      'BAD_REQUEST',
    );
    const builtin = await call('sso:idp:add-builtin', {
      acknowledged: true,
      rule: {
        name: 'Contractors',
        type: 'domain',
        values: ['contractors.example'],
        mfa: 'enable',
        mfaRequired: false,
      },
    });
    expect(builtin.status).toBe('live');
    const rules = await call('routing:rule:list', {});
    expect(rules.map((r) => [r.name, r.idpId, r.active])).toEqual([
      ['Contractors', builtin.id, true],
      ['Default rule', first.id, true],
    ]);
    expect((await refuse('sso:idp:add-builtin', { acknowledged: true, rule: null })).reason).toBe(
      'builtin.exists',
    );

    const user = await call('sso:user:add', {
      email: 'Ann@Contractors.example',
      displayName: 'Ann',
      password: 'correct horse battery',
    });
    expect(user).toEqual(expect.objectContaining({ email: 'ann@contractors.example', displayName: 'Ann' }));
    expect(JSON.stringify(user)).not.toContain('argon2');
    expect(
      (
        await refuse('sso:user:add', {
          email: 'ann@contractors.example',
          displayName: '',
          password: 'another long password',
        })
      ).reason,
    ).toBe('builtin.duplicateUser');
    expect(
      (await refuse('sso:user:add', { email: 'bob@contractors.example', displayName: '', password: 'short' }))
        .code,
    ).toBe('BAD_REQUEST');

    const sim = await call('routing:simulate', {
      email: 'ann@contractors.example',
      groups: [],
      applicationKey: '',
      userOptedIn: false,
    });
    expect(sim.matched?.idpKind).toBe('builtin');
    expect(sim.mfa).toEqual({ required: true, reason: 'rule-enables' });
  });
});

describe('SAML identity providers and the SP certificate', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki();
  });

  const saml = (name: string, xml: string, acknowledgeLessSecure = true) => ({
    name,
    userIdAttribute: 'email',
    acknowledgeLessSecure,
    source: { kind: 'metadata' as const, xml },
  });

  it('saves signed metadata with every signing certificate, after the acknowledgement', async () => {
    const { call, refuse } = await start();
    const xml = signXml(idpMetadataXml({ signing: [pki.idp.base64, pki.idp2.base64] }), pki.idp);
    expect((await refuse('sso:idp:save-saml', { id: null, idp: saml('Shib', xml, false) })).reason).toBe(
      'saml.acknowledgeLessSecure',
    );
    expect(await call('sso:idp:list', {})).toEqual([]);
    const idp = await call('sso:idp:save-saml', { id: null, idp: saml('Shib', xml) });
    expect(idp.saml).toEqual(
      expect.objectContaining({
        entityId: 'https://idp.example.com/idp/shibboleth',
        trust: 'self-signed',
        userIdAttribute: 'email',
      }),
    );
    expect(idp.saml?.signingCertificates.map((c) => c.subject)).toEqual([
      expect.stringContaining('IdP signing 2026'),
      expect.stringContaining('IdP signing 2027'),
    ]);
    expect((await call('sso:idp:metadata', { id: idp.id })).xml).toBe(xml);

    // The same IdP twice is refused; editing keeps the metadata when none is uploaded.
    expect((await refuse('sso:idp:save-saml', { id: null, idp: saml('Shib 2', xml) })).reason).toBe(
      'saml.duplicateEntityId',
    );
    const renamed = await call('sso:idp:save-saml', {
      id: idp.id,
      idp: {
        name: 'Shibboleth',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: { kind: 'current' },
      },
    });
    expect(renamed.saml?.signingCertificates).toHaveLength(2);
    expect(renamed.saml?.userIdAttribute).toBe('uid');
  });

  it('refuses tampered or hostile metadata and saves nothing', async () => {
    const { call, refuse } = await start();
    const signed = signXml(idpMetadataXml({ signing: [pki.idp.base64] }), pki.idp);
    const tampered = signed.replace(
      'https://idp.example.com/idp/profile/SAML2/Redirect/SSO',
      'https://evil.example/sso',
    );
    expect((await refuse('sso:idp:save-saml', { id: null, idp: saml('X', tampered) })).reason).toBe(
      'metadata.signatureInvalid',
    );
    const dtd = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`;
    expect((await refuse('sso:saml-metadata:preview', { xml: dtd })).reason).toBe('metadata.doctype');
    expect((await refuse('sso:idp:save-saml', { id: null, idp: saml('X', '<not xml') })).reason).toBe(
      'metadata.notXml',
    );
    expect(
      (await refuse('sso:idp:save-saml', { id: null, idp: saml('X', 'x'.repeat(2 * 1024 * 1024 + 1)) })).code,
    ).toBe('BAD_REQUEST');
    expect(await call('sso:idp:list', {})).toEqual([]);
    expect(await call('admin:audit:list', { limit: 10 })).toEqual([]);
  });

  it('makes the SP certificate, keeps its key in the keychain only, and signs the SP metadata with it', async () => {
    const { call, refuse, dataDir } = await start();
    // Other test files share this keychain: look only at this organization's items.
    const ours = async () => [...(await secrets.entries(`sp-key:${readOrCreateVaultId(dataDir)}:`)).keys()];
    expect((await refuse('sso:sp-metadata:get', { signed: false })).reason).toBe('sp.noCertificate');
    const cert = await call('sso:sp-certificate:generate', { keyType: 'p-256' });
    expect(cert.kind).toBe('self-signed');
    expect(cert.info.keyAlgorithm).toMatch(/P-256/);
    expect(JSON.stringify(cert)).not.toContain('PRIVATE KEY');
    const keys = [...(await secrets.entries('sp-key:')).values()];
    expect(keys.some((k) => k.includes('PRIVATE KEY'))).toBe(true);

    const org = await call('admin:org:get', {});
    const { fileName, xml } = await call('sso:sp-metadata:get', { signed: true });
    expect(fileName).toBe(`tessera-sp-${org.id}.xml`);
    expect(xml).toContain(`entityID="${org.sp.entityId}"`);
    expect(xml).toContain(org.sp.acsUrl);
    expect(xml).toContain('SignatureValue');

    // Replacing it removes the old key from the keychain.
    const before = await ours();
    expect(before).toHaveLength(1);
    await call('sso:sp-certificate:generate', { keyType: 'rsa-2048' });
    const after = await ours();
    expect(after).toHaveLength(1);
    expect(after).not.toContain(before[0]);
  });

  it('refuses a CA-signed certificate that does not chain to a public root, storing nothing', async () => {
    const { call, refuse } = await start();
    const p12 = makePkcs12({ key: pki.signer, certificates: [pki.signer, pki.intermediate], password: 'pw' });
    const before = (await secrets.entries('sp-key:')).size;
    const error = await refuse('sso:sp-certificate:import', {
      kind: 'pkcs12',
      base64: p12.toString('base64'),
      password: 'pw',
    });
    expect(error.reason).toBe('certificate.untrustedChain');
    expect(
      (
        await refuse('sso:sp-certificate:import', {
          kind: 'pkcs12',
          base64: p12.toString('base64'),
          password: 'no',
        })
      ).reason,
    ).toBe('certificate.wrongPassword');
    expect(await call('sso:sp-certificate:get', {})).toBeNull();
    expect((await secrets.entries('sp-key:')).size).toBe(before);
  });
});

describe('routing rules', () => {
  async function withTwoIdps() {
    const env = await start();
    const a = await env.call('sso:idp:save-oidc', { id: null, idp: oidcInput('A', 'secret-a') });
    const b = await env.call('sso:idp:save-oidc', { id: null, idp: oidcInput('B', 'secret-b') });
    await env.call('sso:idp:set-activated', { id: a.id, activated: true });
    await env.call('sso:idp:set-activated', { id: b.id, activated: true });
    return { ...env, a, b };
  }

  it('adds rules inactive, activates, reorders, and the simulator explains the rest', async () => {
    const { call, a, b } = await withTwoIdps();
    const r1 = await call('routing:rule:save', {
      id: null,
      acknowledged: false,
      rule: rule('Example', b.id, ['example.com']),
    });
    expect(r1.active).toBe(false);
    expect((await call('sso:idp:list', {})).find((i) => i.id === b.id)?.status).toBe('no-active-rule');
    await call('routing:rule:set-active', { id: r1.id, active: true, acknowledged: false });
    const r2 = await call('routing:rule:save', {
      id: null,
      acknowledged: false,
      rule: rule('Staff', a.id, ['Staff'], 'group'),
    });
    await call('routing:rule:set-active', { id: r2.id, active: true, acknowledged: false });

    const person = { email: 'eve@EXAMPLE.com', groups: ['staff'], applicationKey: '', userOptedIn: false };
    let sim = await call('routing:simulate', person);
    expect(sim.matched?.ruleName).toBe('Example');
    expect(sim.others).toEqual([
      expect.objectContaining({ ruleName: 'Staff', reason: 'earlier-rule-matched' }),
      expect.objectContaining({ ruleName: 'Default rule', reason: 'earlier-rule-matched' }),
    ]);

    await call('routing:rule:reorder', { ids: [r2.id, r1.id] });
    sim = await call('routing:simulate', person);
    expect(sim.matched?.ruleName).toBe('Staff');

    const other = await call('routing:simulate', { ...person, email: 'x@other.org', groups: [] });
    expect(other.matched?.ruleName).toBe('Default rule');
    expect(other.others.map((o) => o.reason)).toEqual(['no-group-in-common', 'domain-differs']);
  });

  it('refuses a domain already routed by another rule, and saves nothing', async () => {
    const { call, refuse, a, b } = await withTwoIdps();
    await call('routing:rule:save', {
      id: null,
      acknowledged: false,
      rule: rule('First', a.id, ['example.com']),
    });
    const error = await refuse('routing:rule:save', {
      id: null,
      acknowledged: false,
      rule: rule('Second', b.id, ['other.com', 'EXAMPLE.com']),
    });
    expect(error.reason).toBe('rule.domainTaken');
    expect(error.params).toEqual({ domain: 'example.com', rule: 'First' });
    expect((await call('routing:rule:list', {})).map((r) => r.name)).toEqual(['First', 'Default rule']);
    // Within one rule, a value twice is a contract error.
    expect(
      (
        await refuse('routing:rule:save', {
          id: null,
          acknowledged: false,
          rule: rule('Dup', a.id, ['x.com', 'X.com']),
        })
      ).code,
    ).toBe('BAD_REQUEST');
    expect(
      (
        await refuse('routing:rule:save', {
          id: null,
          acknowledged: false,
          rule: rule('Bad', a.id, ['not a domain']),
        })
      ).code,
    ).toBe('BAD_REQUEST');
  });

  it('protects the default rule and warns before leaving an IdP without an active rule', async () => {
    const { call, refuse, a, b } = await withTwoIdps();
    const def = (await call('routing:rule:list', {})).find((r) => r.type === 'default')!;
    expect(
      (await refuse('routing:rule:set-active', { id: def.id, active: false, acknowledged: true })).reason,
    ).toBe('rule.defaultFixed');
    expect((await refuse('routing:rule:delete', { id: def.id, acknowledged: true })).reason).toBe(
      'rule.defaultFixed',
    );
    // Re-pointing the default rule would leave A without an active rule: it needs the acknowledgement.
    expect((await refuse('routing:default:set-idp', { idpId: b.id, acknowledged: false })).reason).toBe(
      'rule.leavesIdpWithoutRule',
    );
    expect((await call('routing:default:set-idp', { idpId: b.id, acknowledged: true })).idpId).toBe(b.id);

    const only = await call('routing:rule:save', {
      id: null,
      acknowledged: false,
      rule: rule('Only A', a.id, ['a.example']),
    });
    await call('routing:rule:set-active', { id: only.id, active: true, acknowledged: false });
    const warning = await refuse('routing:rule:set-active', {
      id: only.id,
      active: false,
      acknowledged: false,
    });
    expect(warning.reason).toBe('rule.leavesIdpWithoutRule');
    expect(warning.params).toEqual({ idps: 'A' });
    expect((await call('routing:rule:list', {})).find((r) => r.id === only.id)?.active).toBe(true);
    // Pointing the rule at another IdP would orphan A just the same.
    const moved = await refuse('routing:rule:save', {
      id: only.id,
      acknowledged: false,
      rule: rule('Only A', b.id, ['a.example']),
    });
    expect(moved.reason).toBe('rule.leavesIdpWithoutRule');
    await call('routing:rule:delete', { id: only.id, acknowledged: true });
    expect((await call('sso:idp:list', {})).find((i) => i.id === a.id)?.status).toBe('no-active-rule');
  });

  it('refuses a stale order and a rule pointing at a deleted IdP', async () => {
    const { call, refuse, a, b } = await withTwoIdps();
    const r1 = await call('routing:rule:save', {
      id: null,
      acknowledged: false,
      rule: rule('R1', b.id, ['one.example']),
    });
    expect((await refuse('routing:rule:reorder', { ids: [] })).reason).toBe('rule.staleOrder');
    expect((await refuse('routing:rule:reorder', { ids: [r1.id, r1.id] })).reason).toBe('rule.staleOrder');
    // B has a rule: deleting it needs the admin's choice to delete the rule too.
    expect((await refuse('sso:idp:delete', { id: b.id, deleteRules: false, confirm: true })).reason).toBe(
      'idp.hasRules',
    );
    // A receives the default rule: it must be re-pointed first.
    expect((await refuse('sso:idp:delete', { id: a.id, deleteRules: true, confirm: true })).reason).toBe(
      'idp.hasDefaultRule',
    );
    await call('sso:idp:delete', { id: b.id, deleteRules: true, confirm: true });
    expect((await call('routing:rule:list', {})).map((r) => r.name)).toEqual(['Default rule']);
    expect(
      (
        await refuse('routing:rule:save', {
          id: null,
          acknowledged: false,
          rule: rule('Ghost', b.id, ['ghost.example']),
        })
      ).reason,
    ).toBe('rule.idpMissing');
    expect(
      (
        await refuse('routing:rule:save', {
          id: null,
          acknowledged: false,
          rule: { ...rule('X', a.id, ['x.example']), extra: 1 },
        })
      ).code,
    ).toBe('BAD_REQUEST');
  });
});

describe('organization, MFA policy and applications', () => {
  it('verifies before claiming, and applies the MFA policy per application', async () => {
    const { call, refuse } = await start();
    const domain = await call('admin:domain:add', { name: 'Example.COM' });
    expect(domain).toEqual(
      expect.objectContaining({
        name: 'example.com',
        recordName: '_tessera-verification.example.com',
        verifiedAt: null,
      }),
    );
    expect(domain.token).toMatch(/^tessera-verification=/);
    expect((await refuse('admin:domain:add', { name: 'example.com' })).reason).toBe('domain.duplicate');
    expect((await refuse('admin:domain:claim', { name: 'example.com', claimed: true })).reason).toBe(
      'domain.notVerified',
    );
    expect(
      (await refuse('admin:org:update', { name: 'Org', dnsResolver: 'dns.google', signinPort: 7480 })).reason,
    ).toBe('dns.badResolver');

    await call('mfa:policy:set', {
      enabled: true,
      allowPerUser: false,
      mandatoryForApplications: true,
      mandatoryForOrganization: false,
    });
    await call('mfa:application:save', {
      id: null,
      application: { name: 'Payroll', key: 'payroll', requireMfa: true },
    });
    expect(
      (
        await refuse('mfa:application:save', {
          id: null,
          application: { name: 'Pay 2', key: 'payroll', requireMfa: false },
        })
      ).reason,
    ).toBe('application.duplicateKey');
    const idp = await call('sso:idp:add-builtin', { acknowledged: true, rule: null });
    expect(idp.status).toBe('live');
    const base = { email: 'a@example.com', groups: [], userOptedIn: false };
    expect((await call('routing:simulate', { ...base, applicationKey: 'payroll' })).mfa).toEqual({
      required: true,
      reason: 'application-mandatory',
    });
    expect((await call('routing:simulate', { ...base, applicationKey: '' })).mfa?.required).toBe(false);
    expect((await refuse('routing:simulate', { ...base, applicationKey: 'nope' })).reason).toBe(
      'application.unknown',
    );
  });

  it('records every change in the audit log, searchable, and finds everything after a restart', async () => {
    const first = await start();
    const idp = await first.call('sso:idp:save-oidc', {
      id: null,
      idp: oidcInput('Login', 'audit-secret-value'),
    });
    const r = await first.call('routing:rule:save', {
      id: null,
      acknowledged: false,
      rule: rule('Example', idp.id, ['example.com']),
    });
    await first.call('routing:rule:set-active', { id: r.id, active: true, acknowledged: false });
    await first.call('admin:domain:add', { name: 'example.com' });
    await first.call('mfa:policy:set', {
      enabled: true,
      allowPerUser: true,
      mandatoryForApplications: false,
      mandatoryForOrganization: false,
    });

    const log = await first.call('admin:audit:list', { limit: 100 });
    expect(log.map((e) => e.action)).toEqual([
      'mfa.policy',
      'domain.add',
      'rule.activate',
      'rule.add',
      'idp.add',
    ]);
    const add = log.find((e) => e.action === 'idp.add')!;
    expect(add.before).toBeNull();
    expect(JSON.parse(add.after!)).toEqual(expect.objectContaining({ name: 'Login', kind: 'oidc' }));
    expect(JSON.stringify(log)).not.toContain('audit-secret-value');
    expect(
      (await first.call('admin:audit:list', { limit: 100, text: 'example.com' })).map((e) => e.action),
    ).toEqual(['domain.add']);
    expect(await first.call('admin:audit:list', { limit: 2 })).toHaveLength(2);
    const older = await first.call('admin:audit:list', { limit: 100, beforeId: log[1]!.id });
    expect(older.map((e) => e.action)).toEqual(['rule.activate', 'rule.add', 'idp.add']);

    const snapshot = {
      idps: await first.call('sso:idp:list', {}),
      rules: await first.call('routing:rule:list', {}),
      org: await first.call('admin:org:get', {}),
      policy: await first.call('mfa:policy:get', {}),
    };
    first.core.close();
    open.splice(open.indexOf(first.core), 1);

    const second = await start(first.dataDir);
    expect({
      idps: await second.call('sso:idp:list', {}),
      rules: await second.call('routing:rule:list', {}),
      org: await second.call('admin:org:get', {}),
      policy: await second.call('mfa:policy:get', {}),
    }).toEqual(snapshot);
  });
});
