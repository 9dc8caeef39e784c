/**
 * Configuration as code through the real gate and contract, on a real encrypted store and the real
 * OS keychain: export → apply on a fresh organization → the same export; the diff; every refusal
 * naming its path (and line) in the file; a refusal changing nothing; no secret in any export.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { createCore, type Core } from '../../../../electron/core/app-core';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { createTestPki, idpMetadataXml, signXml, type TestPki } from '../../../support/saml-fixtures';

const tempDir = useTempDirs();
const open: Core[] = [];

beforeAll(() => requireSecretService());
afterEach(() => {
  for (const core of open.splice(0)) core.close();
});

async function start(dataDir = tempDir()) {
  const core = await createCore({ dataDir, version: 'test', listen: false });
  open.push(core);
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { shape: result.error });
    return result.data as ResponseOf<C>;
  }
  async function refuse<C extends Channel>(channel: C, request: RequestOf<C>): Promise<AppErrorShape> {
    const result = await core.dispatch(channel, request);
    if (result.ok) throw new Error(`${channel} was expected to fail`);
    return result.error;
  }
  const exportYaml = async () => (await call('admin:config:export', {})).content;
  /** Preview, then apply with the preview's fingerprint (what the console and the CLI do). */
  const importYaml = async (content: string) => {
    const diff = await call('admin:config:diff', { content });
    return call('admin:config:apply', { content, fingerprint: diff.fingerprint });
  };
  return { core, dataDir, call, refuse, exportYaml, importYaml };
}

type Client = Awaited<ReturnType<typeof start>>;

const OIDC_SECRET = 'oidc-client-secret-7c1f9a2e';
const PASSWORD = 'local-user-password-long';

let pki: TestPki;
// Six RSA keys: slow on a busy machine.
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

/** An organization with one of everything the file carries. */
async function populate({ call }: Client, options: { oidc?: boolean } = {}) {
  await call('admin:org:update', { name: 'Acme Oy', dnsResolver: '127.0.0.1:5353', signinPort: 7481 });
  await call('admin:domain:add', { name: 'acme.example' });
  await call('admin:domain:add', { name: 'staff.acme.example' });
  await call('mfa:policy:set', {
    enabled: true,
    allowPerUser: true,
    mandatoryForApplications: true,
    mandatoryForOrganization: false,
  });
  await call('mfa:application:save', {
    id: null,
    application: {
      name: 'Payroll',
      key: 'payroll',
      requireMfa: true,
      clientType: 'public',
      redirectUris: ['com.acme.payroll:/cb', 'http://127.0.0.1/cb'],
      postLogoutRedirectUris: ['https://payroll.acme.example/bye'],
      scopes: ['email', 'groups'],
      firstParty: false,
    },
  });
  await call('mfa:application:save', {
    id: null,
    application: { name: 'Wiki', key: 'wiki', requireMfa: false },
  });
  await call('directory:settings:set', {
    directorySync: false,
    blockProfileUpdate: true,
    licenseTemplate: ['basic', 'mail'],
  });
  const xml = signXml(idpMetadataXml({ signing: [pki.idp.base64, pki.idp2.base64] }), pki.idp);
  const shib = await call('sso:idp:save-saml', {
    id: null,
    idp: {
      name: 'Shibboleth',
      userIdAttribute: 'uid',
      acknowledgeLessSecure: true,
      source: { kind: 'metadata', xml },
    },
  });
  await call('sso:idp:set-activated', { id: shib.id, activated: true });
  await call('sso:jit:set', {
    idpId: shib.id,
    jit: {
      createUsers: true,
      updateUsers: true,
      allowNewEmail: false,
      linkBy: 'externalId',
      mapping: { externalId: 'objectid', displayName: 'cn', 'phoneNumbers.work': 'tel' },
      groupAttribute: 'memberOf',
    },
  });
  const manual = await call('sso:idp:save-saml', {
    id: null,
    idp: {
      name: 'Agency',
      userIdAttribute: 'email',
      acknowledgeLessSecure: true,
      source: {
        kind: 'manual',
        entityId: 'https://agency.example/idp',
        ssoUrl: 'https://agency.example/sso',
        ssoBinding: 'HTTP-POST',
        sloUrl: '',
        certificatePem: pki.idp2.pem,
      },
    },
  });
  const builtin = await call('sso:idp:add-builtin', { acknowledged: true, rule: null });
  await call('sso:user:add', { email: 'admin@acme.example', displayName: 'Admin', password: PASSWORD });
  let oidcId: string | null = null;
  if (options.oidc) {
    const oidc = await call('sso:idp:save-oidc', {
      id: null,
      idp: {
        name: 'Login',
        clientId: 'tessera',
        clientSecret: OIDC_SECRET,
        scopes: ['openid', 'email'],
        automaticLogout: false,
        endpoints: {
          kind: 'manual',
          issuer: 'https://login.example.com',
          authorizationEndpoint: 'https://login.example.com/authorize',
          tokenEndpoint: 'https://login.example.com/token',
          jwksUri: 'https://login.example.com/jwks',
          userinfoEndpoint: '',
          endSessionEndpoint: '',
        },
      },
    });
    oidcId = oidc.id;
  }
  const rule = (name: string, type: 'domain' | 'group', values: string[], idpId: string) => ({
    name,
    type,
    values,
    idpId,
    mfa: 'keep' as const,
    mfaRequired: false,
  });
  const staff = await call('routing:rule:save', {
    id: null,
    rule: rule('Staff', 'domain', ['acme.example', 'staff.acme.example'], shib.id),
    acknowledged: false,
  });
  await call('routing:rule:set-active', { id: staff.id, active: true, acknowledged: false });
  await call('routing:rule:save', {
    id: null,
    rule: { ...rule('Agency people', 'group', ['agency'], manual.id), mfa: 'override', mfaRequired: true },
    acknowledged: false,
  });
  await call('routing:default:set-idp', { idpId: builtin.id, acknowledged: true });
  return { shib, manual, builtin, oidcId };
}

type Doc = ReturnType<typeof parseDocument>;

/** The position of the IdP called `name` in the file's `idps`. */
function idp(doc: Doc, name: string): number {
  const index = (doc.toJS() as { idps: { name: string }[] }).idps.findIndex((i) => i.name === name);
  if (index < 0) throw new Error(`no IdP ${name} in the file`);
  return index;
}

/** Edits the YAML as a person would, keeping the rest of the text. */
function edit(yaml: string, change: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(yaml);
  change(doc);
  return doc.toString({ lineWidth: 0 });
}

describe('export and apply', () => {
  it('round-trips: export → apply on a fresh organization → the same export', async () => {
    const a = await start();
    await populate(a);
    const exported = await a.exportYaml();
    expect(exported).toContain('name: Shibboleth');
    expect(exported).toContain('metadata: |');

    const b = await start();
    const diff = await b.call('admin:config:diff', { content: exported });
    expect(diff.changes.filter((c) => c.action === 'add').map((c) => `${c.section}:${c.name}`)).toEqual(
      expect.arrayContaining([
        'domains:acme.example',
        'applications:payroll',
        'idps:Shibboleth',
        'idps:Agency',
        'idps:Built-in identity',
        'routing:Staff',
        'routing:Agency people',
        'routing:Default rule',
      ]),
    );
    // The preview changed nothing.
    expect(await b.call('sso:idp:list', {})).toEqual([]);
    expect(await b.call('admin:audit:list', { limit: 10 })).toEqual([]);

    await b.call('admin:config:apply', { content: exported, fingerprint: diff.fingerprint });
    expect(await b.exportYaml()).toBe(exported);
    // Applying it again changes nothing.
    const again = await b.call('admin:config:diff', { content: exported });
    expect(again.changes).toEqual([]);

    // Every change has its own audit entry, and the import one more.
    const audit = await b.call('admin:audit:list', { limit: 100 });
    const actions = audit.map((entry) => entry.action);
    expect(actions[0]).toBe('config.apply');
    expect(actions).toEqual(
      expect.arrayContaining([
        'org.update',
        'domain.add',
        'idp.add',
        'idp.jit',
        'rule.add',
        'rule.activate',
        'rule.default',
      ]),
    );

    // The routing works on the imported configuration.
    const sim = await b.call('routing:simulate', {
      email: 'ann@staff.acme.example',
      groups: [],
      applicationKey: 'payroll',
      userOptedIn: false,
    });
    expect(sim.matched?.idpName).toBe('Shibboleth');
    expect(sim.mfa?.required).toBe(true);
  });

  it('never exports a secret: no client secret, private key or password hash', async () => {
    const a = await start();
    await populate(a, { oidc: true });
    await a.call('sso:sp-certificate:generate', { keyType: 'p-256' });
    const exported = await a.exportYaml();
    expect(exported).not.toContain(OIDC_SECRET);
    expect(exported).not.toContain(PASSWORD);
    expect(exported).not.toMatch(/PRIVATE KEY|\$argon2/);
    expect(exported).toMatch(/clientSecret:\s*\n\s*set: true/);
    expect(exported).not.toContain('admin@acme.example');

    // Applied to itself: nothing to change, and the stored secret is still the one in use.
    expect((await a.call('admin:config:diff', { content: exported })).changes).toEqual([]);
    const changed = edit(exported, (doc) =>
      doc.setIn(['idps', idp(doc, 'Login'), 'oidc', 'clientId'], 'tessera-2'),
    );
    const diff = await a.importYaml(changed);
    expect(diff.changes).toEqual([
      {
        section: 'idps',
        name: 'Login',
        action: 'change',
        special: null,
        fields: [{ field: 'oidc.clientId', before: 'tessera', after: 'tessera-2' }],
      },
    ]);
    const login = (await a.call('sso:idp:list', {})).find((idp) => idp.name === 'Login')!;
    expect(login.oidc).toEqual(expect.objectContaining({ clientId: 'tessera-2', hasClientSecret: true }));

    // A fresh organization has no secret to give a new OIDC IdP: refused, by path, nothing applied.
    const b = await start();
    const refused = await b.refuse('admin:config:diff', { content: exported });
    expect(refused.reason).toBe('config.invalid');
    expect(refused.message).toMatch(
      /^idps\[2\]\.oidc\.clientSecret \(line \d+, column \d+\): "Login" is a new OpenID Connect IdP/,
    );
    expect(await b.call('sso:idp:list', {})).toEqual([]);

    // A secret value in the file is refused, and not echoed.
    const withSecret = edit(exported, (doc) =>
      doc.setIn(['idps', idp(doc, 'Login'), 'oidc', 'clientSecret'], 'plain-secret-123'),
    );
    const error = await a.refuse('admin:config:diff', { content: withSecret });
    expect(error.message).toMatch(/^idps\[2\]\.oidc\.clientSecret \(line \d+/);
    expect(error.message).not.toContain('plain-secret-123');
  });
});

describe('the token endpoint auth method', () => {
  it('round-trips, and a file that does not name it keeps the stored one', async () => {
    const a = await start();
    const { oidcId } = await populate(a, { oidc: true });
    const login = (await a.call('sso:idp:list', {})).find((idp) => idp.id === oidcId)!;
    await a.call('sso:idp:save-oidc', {
      id: oidcId,
      idp: {
        name: 'Login',
        clientId: 'tessera',
        clientSecret: '',
        scopes: login.oidc!.scopes,
        automaticLogout: false,
        tokenEndpointAuthMethod: 'client_secret_post',
        endpoints: {
          kind: 'manual',
          issuer: 'https://login.example.com',
          authorizationEndpoint: 'https://login.example.com/authorize',
          tokenEndpoint: 'https://login.example.com/token',
          jwksUri: 'https://login.example.com/jwks',
          userinfoEndpoint: '',
          endSessionEndpoint: '',
        },
      },
    });
    const exported = await a.exportYaml();
    expect(exported).toMatch(/tokenEndpointAuthMethod: client_secret_post/);
    expect((await a.call('admin:config:diff', { content: exported })).changes).toEqual([]);

    // Not named (a file from before it was a setting): nothing to change, post stays post.
    const unnamed = edit(exported, (doc) =>
      doc.deleteIn(['idps', idp(doc, 'Login'), 'oidc', 'tokenEndpointAuthMethod']),
    );
    expect(unnamed).not.toContain('tokenEndpointAuthMethod');
    expect((await a.call('admin:config:diff', { content: unnamed })).changes).toEqual([]);

    // Named otherwise: a change, applied with the stored secret kept.
    const basic = edit(exported, (doc) =>
      doc.setIn(['idps', idp(doc, 'Login'), 'oidc', 'tokenEndpointAuthMethod'], 'client_secret_basic'),
    );
    const diff = await a.importYaml(basic);
    expect(diff.changes).toEqual([
      expect.objectContaining({
        name: 'Login',
        action: 'change',
        fields: [
          {
            field: 'oidc.tokenEndpointAuthMethod',
            before: 'client_secret_post',
            after: 'client_secret_basic',
          },
        ],
      }),
    ]);
    const after = (await a.call('sso:idp:list', {})).find((idp) => idp.id === oidcId)!;
    expect(after.oidc).toEqual(
      expect.objectContaining({ tokenEndpointAuthMethod: 'client_secret_basic', hasClientSecret: true }),
    );
  });
});

describe('the diff', () => {
  it('lists what is added, changed and removed, per object, with the order', async () => {
    const a = await start();
    await populate(a);
    const exported = await a.exportYaml();
    const changed = edit(exported, (doc) => {
      doc.setIn(['organization', 'name'], 'Acme Group');
      doc.deleteIn(['domains', 1]);
      doc.setIn(['mfaPolicy', 'mandatoryForOrganization'], true);
      doc.setIn(['applications', 0, 'name'], 'Payroll 2');
      doc.addIn(['applications'], { key: 'crm', name: 'CRM', requireMfa: false });
      doc.deleteIn(['applications', 1]); // wiki
      doc.setIn(['idps', idp(doc, 'Shibboleth'), 'saml', 'userIdAttribute'], 'mail');
      doc.setIn(['idps', idp(doc, 'Shibboleth'), 'jit', 'mapping', 'title'], 'jobTitle');
      // Rules: swap the order, and one more.
      const rules = doc.getIn(['routing', 'rules']) as { items: unknown[] };
      rules.items.reverse();
      doc.addIn(['routing', 'rules'], {
        name: 'Contractors',
        type: 'group',
        values: ['contractors'],
        idp: 'Agency',
        mfa: 'enable',
        mfaRequired: false,
        active: false,
      });
    });
    const diff = await a.call('admin:config:diff', { content: changed });
    const summary = diff.changes.map((c) => `${c.action} ${c.section}:${c.name}`);
    expect(summary).toEqual([
      'change organization:organization',
      'remove domains:staff.acme.example',
      'change mfaPolicy:mfaPolicy',
      'remove applications:wiki',
      'change applications:payroll',
      'add applications:crm',
      'change idps:Shibboleth',
      'add routing:Contractors',
      'change routing:Order',
    ]);
    expect(diff.changes[0]!.fields).toEqual([{ field: 'name', before: 'Acme Oy', after: 'Acme Group' }]);
    expect(diff.changes[6]!.fields).toEqual([
      { field: 'saml.userIdAttribute', before: 'uid', after: 'mail' },
      { field: 'jit.mapping.title', before: null, after: 'jobTitle' },
    ]);
    expect(diff.changes[8]!.fields).toEqual([
      { field: 'order', before: 'Staff, Agency people', after: 'Agency people, Staff, Contractors' },
    ]);

    // Removing the built-in identity warns that its local users go with it.
    const noBuiltin = edit(exported, (doc) => {
      doc.deleteIn(['idps', idp(doc, 'Built-in identity')]);
      doc.setIn(['routing', 'defaultIdp'], 'Shibboleth');
    });
    const removal = await a.call('admin:config:diff', { content: noBuiltin });
    expect(removal.warnings).toEqual(
      expect.arrayContaining([
        { code: 'localUsersDeleted', params: { idp: 'Built-in identity', count: 1 } },
        { code: 'idpRemoved', params: { idp: 'Built-in identity' } },
      ]),
    );

    // Applied: the export is the edited file (as the export writes it).
    await a.importYaml(changed);
    const after = await a.call('admin:config:diff', { content: changed });
    expect(after.changes).toEqual([]);
    expect((await a.call('sso:user:list', {})).length).toBe(1);
    await a.importYaml(noBuiltin);
    expect(await a.call('sso:user:list', {})).toEqual([]);
    expect((await a.call('sso:idp:list', {})).map((idp) => idp.name)).toEqual(['Shibboleth', 'Agency']);
  });

  it('moves a domain from one rule to another in one import, whatever their order', async () => {
    const a = await start();
    await populate(a);
    const moved = edit(await a.exportYaml(), (doc) => {
      // Agency people (listed first) takes staff.acme.example from Staff (listed second).
      doc.setIn(['routing', 'rules', 1, 'type'], 'domain');
      doc.setIn(['routing', 'rules', 1, 'values'], ['staff.acme.example']);
      doc.setIn(['routing', 'rules', 0, 'values'], ['acme.example']);
      const rules = doc.getIn(['routing', 'rules']) as { items: unknown[] };
      rules.items.reverse();
    });
    await a.importYaml(moved);
    const rules = await a.call('routing:rule:list', {});
    expect(rules.map((r) => [r.name, r.values])).toEqual([
      ['Agency people', ['staff.acme.example']],
      ['Staff', ['acme.example']],
      ['Default rule', []],
    ]);
  });

  it('refuses an apply whose preview is stale', async () => {
    const a = await start();
    await populate(a);
    const changed = edit(await a.exportYaml(), (doc) => doc.setIn(['organization', 'name'], 'New'));
    const diff = await a.call('admin:config:diff', { content: changed });
    await a.call('mfa:application:save', {
      id: null,
      application: { name: 'X', key: 'x', requireMfa: false },
    });
    const error = await a.refuse('admin:config:apply', { content: changed, fingerprint: diff.fingerprint });
    expect(error.reason).toBe('config.stale');
    expect((await a.call('admin:org:get', {})).name).toBe('Acme Oy');
  });
});

describe('refusals name the path in the file and change nothing', () => {
  const cases: [string, (doc: ReturnType<typeof parseDocument>) => void, RegExp][] = [
    ['a wrong version', (d) => d.set('version', 2), /^version \(line \d+, column 10\): /],
    [
      'an unknown key',
      (d) => d.setIn(['organization', 'colour'], 'blue'),
      /^organization \(line \d+, column \d+\): Unrecognized key: "colour"/,
    ],
    [
      'a port out of range',
      (d) => d.setIn(['organization', 'signinPort'], 80),
      /^organization\.signinPort \(line \d+/,
    ],
    [
      'a bad resolver',
      (d) => d.setIn(['organization', 'dnsResolver'], 'not a resolver!'),
      /^organization\.dnsResolver \(line/,
    ],
    [
      'a bad domain',
      (d) => d.setIn(['domains', 1, 'name'], 'no_domain'),
      /^domains\[1\]\.name \(line \d+, column \d+\): Enter a domain name/,
    ],
    [
      'a domain twice',
      (d) => d.setIn(['domains', 1, 'name'], 'acme.example'),
      /^domains\[1\]\.name .*listed twice/,
    ],
    [
      'claiming an unverified domain',
      (d) => d.setIn(['domains', 0, 'claimed'], true),
      /^domains\[0\]\.claimed \(line \d+, column \d+\): Verify acme\.example/,
    ],
    [
      'a bad application key',
      (d) => d.setIn(['applications', 0, 'key'], 'Pay Roll!'),
      /^applications\[0\]\.key \(line/,
    ],
    [
      'a redirect URI over plain http',
      (d) => d.setIn(['applications', 0, 'redirectUris', 1], 'http://payroll.acme.example/cb'),
      /^applications\[0\]\.redirectUris\[1\] \(line \d+, column \d+\): "http:\/\/payroll\.acme\.example\/cb" uses http/,
    ],
    [
      'an http SSO URL',
      (d) => d.setIn(['idps', 0, 'saml', 'ssoUrl'], 'http://agency.example/sso'),
      /^idps\[0\]\.saml\.ssoUrl \(line \d+, column \d+\): Enter an https:\/\/ address/,
    ],
    [
      'a broken certificate',
      (d) =>
        d.setIn(
          ['idps', 0, 'saml', 'certificate'],
          '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        ),
      /^idps\[0\]\.saml\.certificate \(line/,
    ],
    [
      'tampered metadata',
      (d) =>
        d.setIn(
          ['idps', 2, 'saml', 'metadata'],
          String(d.getIn(['idps', 2, 'saml', 'metadata'])).replace(
            'https://idp.example.com/idp/profile/SAML2/Redirect/SSO',
            'https://evil.example/sso',
          ),
        ),
      /^idps\[2\]\.saml\.metadata \(line \d+, column \d+\): .*signature/i,
    ],
    [
      'a missing acknowledgement',
      (d) => {
        d.setIn(['idps', 2, 'saml', 'acknowledgeLessSecure'], false);
        d.setIn(['idps', 2, 'saml', 'userIdAttribute'], 'mail');
      },
      /^idps\[2\]\.saml\.acknowledgeLessSecure \(line/,
    ],
    [
      'metadata and manual settings',
      (d) => d.setIn(['idps', 2, 'saml', 'ssoUrl'], 'https://x.example/sso'),
      /^idps\[2\]\.saml\.ssoUrl .*either "metadata"/,
    ],
    [
      'an unknown profile field',
      (d) => d.setIn(['idps', 2, 'jit', 'mapping', 'shoeSize'], 'x'),
      /^idps\[2\]\.jit\.mapping/,
    ],
    [
      'two IdPs with one name',
      (d) => d.setIn(['idps', 0, 'name'], 'shibboleth'),
      /^idps\[2\]\.name .*listed twice/,
    ],
    [
      'a renamed built-in identity',
      (d) => {
        d.setIn(['idps', 1, 'name'], 'Ours');
        d.setIn(['routing', 'defaultIdp'], 'Ours');
      },
      /^idps\[1\]\.name .*cannot be renamed/,
    ],
    [
      'a changed kind',
      (d) =>
        d.setIn(['idps', 0], {
          name: 'Agency',
          kind: 'oidc',
          activated: false,
          oidc: {
            clientId: 'x',
            scopes: ['openid'],
            automaticLogout: false,
            discoveryUrl: 'https://agency.example/',
          },
        }),
      /^idps\[0\]\.kind .*the kind cannot change/,
    ],
    [
      'a rule for an unknown IdP',
      (d) => d.setIn(['routing', 'rules', 0, 'idp'], 'Nobody'),
      /^routing\.rules\[0\]\.idp \(line \d+, column \d+\): No identity provider/,
    ],
    [
      'a bad rule domain',
      (d) => d.setIn(['routing', 'rules', 0, 'values', 1], 'bad domain'),
      /^routing\.rules\[0\]\.values\[1\] \(line/,
    ],
    [
      'a domain in two rules',
      (d) => {
        d.setIn(['routing', 'rules', 1, 'type'], 'domain');
        d.setIn(['routing', 'rules', 1, 'values'], ['acme.example']);
      },
      /^routing\.rules\[1\]\.values\[0\] \(line \d+, column \d+\): acme\.example is already routed by the rule "Staff"/,
    ],
    ['no default IdP', (d) => d.setIn(['routing', 'defaultIdp'], null), /^routing\.defaultIdp \(line/],
    ['a duplicate key', () => undefined, /line \d+, column \d+: Map keys must be unique/],
  ];

  it.each(cases)('%s', async (label, change, expected) => {
    const a = await start();
    await populate(a);
    const exported = await a.exportYaml();
    const audit = await a.call('admin:audit:list', { limit: 500 });
    let bad = edit(exported, change);
    if (label === 'a duplicate key') bad = exported.replace('version: 1\n', 'version: 1\nversion: 1\n');
    // Changes early in the file that would apply before the refused one: none may stay.
    bad = bad.replace('name: Acme Oy', 'name: Half Applied');
    const diffError = await a.refuse('admin:config:diff', { content: bad });
    expect(diffError.message).toMatch(expected);
    const fingerprint = 'a'.repeat(64);
    const applyError = await a.refuse('admin:config:apply', { content: bad, fingerprint });
    expect(applyError.message).toMatch(expected);
    expect(await a.exportYaml()).toBe(exported);
    expect(await a.call('admin:audit:list', { limit: 500 })).toEqual(audit);
  });

  it('rolls back everything when a late step fails during apply', async () => {
    const a = await start();
    await populate(a);
    const exported = await a.exportYaml();
    const audit = await a.call('admin:audit:list', { limit: 500 });
    // Many valid changes first, then a rule that takes a domain another rule keeps.
    const bad = edit(exported, (d) => {
      d.setIn(['organization', 'name'], 'Changed');
      d.setIn(['mfaPolicy', 'enabled'], false);
      d.addIn(['applications'], { key: 'new', name: 'New', requireMfa: true });
      d.setIn(['idps', idp(d, 'Shibboleth'), 'saml', 'userIdAttribute'], 'mail');
      d.addIn(['routing', 'rules'], {
        name: 'Thief',
        type: 'domain',
        values: ['staff.acme.example'],
        idp: 'Agency',
        mfa: 'keep',
        active: true,
      });
    });
    const error = await a.refuse('admin:config:diff', { content: bad });
    expect(error.message).toMatch(/^routing\.rules\[2\]\.values\[0\]/);
    expect(error.params).toEqual(expect.objectContaining({ path: 'routing.rules[2].values[0]' }));
    expect(await a.exportYaml()).toBe(exported);
    expect(await a.call('admin:audit:list', { limit: 500 })).toEqual(audit);
  });

  it('refuses what is not YAML, or too large, with the line', async () => {
    const a = await start();
    const error = await a.refuse('admin:config:diff', { content: 'version: 1\norganization: [\n' });
    expect(error.reason).toBe('config.invalid');
    expect(error.message).toMatch(/line \d+, column \d+/);
    const bomb = await a.refuse('admin:config:diff', {
      content:
        'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    });
    expect(bomb.message).toMatch(/alias/i);
  });
});
