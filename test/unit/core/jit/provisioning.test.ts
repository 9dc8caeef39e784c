/**
 * Attribute mapping (J4–J8) and JIT provisioning into the directory (J0–J3, J8), on a real SQLite
 * store with the real migrations.
 */
import Database from 'libsql';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_JIT, type JitSettings } from '../../../../shared/admin/directory';
import { DirectoryService } from '../../../../electron/core/jit/directory-service';
import {
  attributeMap,
  mapAttributes,
  MappingError,
  validateField,
  type AttributeMap,
} from '../../../../electron/core/jit/mapping';
import { AuditLog } from '../../../../electron/core/org/audit';
import { OrgService } from '../../../../electron/core/org/org-service';
import { migrate, type Db } from '../../../../electron/core/store/database';

const JIT: JitSettings = {
  ...DEFAULT_JIT,
  createUsers: true,
  updateUsers: true,
  linkBy: 'externalId',
  mapping: {
    externalId: 'objectid',
    'name.givenName': 'givenName',
    'phoneNumbers.work': 'phone',
    timezone: 'tz',
    locale: 'locale',
  },
  groupAttribute: 'groups',
};

const IDP = { id: '00000000-0000-4000-8000-000000000001', name: 'Test' };
const OTHER_IDP = { id: '00000000-0000-4000-8000-000000000002', name: 'Other' };

const attrs = (entries: Record<string, string | string[]>): AttributeMap =>
  attributeMap(
    Object.entries(entries).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]),
  );

describe('attribute mapping', () => {
  it('maps the user id to the primary email and validates every field', () => {
    const mapped = mapAttributes(
      attrs({
        uid: 'Alice@Example.TEST',
        objectid: 'obj-1',
        givenName: 'Alice',
        phone: '+46 70 123',
        tz: 'europe/stockholm',
        locale: 'sv-se',
        groups: ['Staff', 'staff', 'Finance'],
      }),
      JIT,
      'uid',
    );
    expect(mapped.email).toBe('alice@example.test');
    expect(mapped.profile).toMatchObject({
      externalId: 'obj-1',
      'name.givenName': 'Alice',
      timezone: 'Europe/Stockholm',
      locale: 'sv-SE',
    });
    expect(mapped.profile['phoneNumbers.work']).toBeUndefined();
    expect(mapped.rejected).toEqual([
      expect.objectContaining({ field: 'phoneNumbers.work', problem: expect.stringContaining('E.164') }),
    ]);
    expect(mapped.links).toEqual({ externalId: 'obj-1' });
    expect(mapped.groups).toEqual(['Staff', 'Finance']);
  });

  it.each([
    ['phoneNumbers.work', '+461234567890123', true],
    ['phoneNumbers.work', '+4612345678901234', false],
    ['phoneNumbers.extension', '+0123', false],
    ['timezone', 'Mars/Olympus', false],
    ['locale', 'not a locale!', false],
    ['email.alternate1', 'x@y.test', true],
    ['email.alternate1', 'nope', false],
    ['title', 'a\u0000b', false],
    ['title', 'x'.repeat(1025), false],
  ] as const)('%s = %j → accepted: %s', (field, value, accepted) => {
    expect('value' in validateField(field, value)).toBe(accepted);
  });

  it('needs the user id attribute, and an email in it (J4)', () => {
    expect(() => mapAttributes(attrs({ mail: 'a@b.test' }), JIT, 'uid')).toThrow(MappingError);
    expect(() => mapAttributes(attrs({ uid: 'alice' }), JIT, 'uid')).toThrow(/not an email/);
  });

  it('reads only mapped names: __proto__ and constructor shape nothing', () => {
    const map = attributeMap([
      ['uid', ['a@b.test']],
      ['__proto__', ['{"polluted":true}']],
      ['constructor', ['x']],
    ]);
    const mapped = mapAttributes(map, { ...JIT, mapping: { title: 'constructor' } }, 'uid');
    expect(mapped.profile).toEqual({ title: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => mapAttributes(map, JIT, '__proto__')).toThrow(MappingError);
  });
});

describe('JIT provisioning', () => {
  let db: Db;
  let org: OrgService;
  let directory: DirectoryService;
  let now = 1_000;

  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    org = new OrgService(db, new AuditLog(db, () => now), () => now);
    db.prepare(
      "INSERT INTO domains (name, token, verified_at, claimed, created_at) VALUES ('example.test', 't', 1, 1, 1)",
    ).run();
    directory = new DirectoryService(db, org, () => ++now);
    for (const idp of [IDP, OTHER_IDP]) {
      db.prepare(
        "INSERT INTO idps (id, name, kind, activated, settings_json, created_at, updated_at) VALUES (?, ?, 'saml', 1, '{}', 0, 0)",
      ).run(idp.id, idp.name);
    }
  });

  const signIn = (
    entries: Record<string, string | string[]>,
    jit = JIT,
    confirmation: 'confirmed' | 'declined' | null = null,
    idp = IDP,
  ) => {
    const provisioning = directory.plan(mapAttributes(attrs(entries), jit, 'uid'), jit, idp, confirmation);
    return {
      provisioning,
      userId: provisioning.plan.action === 'confirm-identity' ? null : directory.apply(provisioning, true),
    };
  };

  it('creates, then updates, and adds groups without ever removing one (J3, J8)', () => {
    const first = signIn({
      uid: 'alice@example.test',
      objectid: 'o1',
      givenName: 'Alice',
      groups: ['staff'],
    });
    expect(first.provisioning.plan.action).toBe('create');
    const second = signIn({
      uid: 'alice@example.test',
      objectid: 'o1',
      givenName: 'Alicia',
      groups: ['finance'],
    });
    expect(second.userId).toBe(first.userId);
    expect(second.provisioning.plan.changes).toEqual([
      { field: 'name.givenName', before: 'Alice', after: 'Alicia' },
    ]);
    const user = directory.user(first.userId!);
    expect(user.groups).toEqual(['finance', 'staff']);
    expect(user.lastSignInAt).toBeTruthy();
    // The same attributes again change nothing.
    expect(
      signIn({ uid: 'alice@example.test', objectid: 'o1', givenName: 'Alicia', groups: ['finance'] })
        .provisioning.plan.action,
    ).toBe('unchanged');
  });

  it('finds a user by the linking attribute when the email changed, once the person confirms (J1)', () => {
    const created = signIn({ uid: 'alice@example.test', objectid: 'o1' });
    const jit = { ...JIT, allowNewEmail: true };
    const ask = signIn({ uid: 'alice.smith@example.test', objectid: 'o1' }, jit);
    expect(ask.provisioning.plan.action).toBe('confirm-identity');
    expect(ask.userId).toBeNull();
    const confirmed = signIn({ uid: 'alice.smith@example.test', objectid: 'o1' }, jit, 'confirmed');
    expect(confirmed.userId).toBe(created.userId);
    expect(directory.user(created.userId!).email).toBe('alice.smith@example.test');
  });

  it('creates a new user, without the link, when the person declines or confirmation is off (J1)', () => {
    const created = signIn({ uid: 'alice@example.test', objectid: 'o1' });
    const other = signIn({ uid: 'mallory@example.test', objectid: 'o1' });
    expect(other.provisioning.plan.action).toBe('create');
    expect(other.userId).not.toBe(created.userId);
    expect(other.provisioning.plan.rejected).toEqual([]);
    expect(directory.user(created.userId!).email).toBe('alice@example.test');
  });

  it('does nothing for an unclaimed domain or with directory sync on, and says why (J0)', () => {
    const plan = (email: string) =>
      directory.plan(mapAttributes(attrs({ uid: email }), JIT, 'uid'), JIT, IDP).plan;
    expect(plan('x@elsewhere.test')).toMatchObject({
      action: 'none',
      reason: expect.stringContaining('not a claimed domain'),
    });
    // Nobody to sign in as: the sign-in is refused with that reason.
    expect(() => signIn({ uid: 'x@elsewhere.test' })).toThrow(/not a claimed domain/);
    org.setDirectorySettings({ directorySync: true, blockProfileUpdate: false, licenseTemplate: [] });
    expect(plan('new@example.test')).toMatchObject({
      action: 'none',
      reason: expect.stringContaining('Directory sync'),
    });
  });

  it('gives new users the automatic licence template only (J2)', () => {
    org.setDirectorySettings({ directorySync: false, blockProfileUpdate: false, licenseTemplate: ['Basic'] });
    const { userId } = signIn({ uid: 'bob@example.test' });
    expect(directory.user(userId!).licenses).toEqual(['Basic']);
  });

  it('refuses a linking value another user holds instead of moving it', () => {
    signIn({ uid: 'alice@example.test', objectid: 'o1' });
    const bob = signIn({ uid: 'bob@example.test', objectid: 'o2' });
    const clash = signIn({ uid: 'bob@example.test', objectid: 'o1' }, { ...JIT, linkBy: null });
    expect(clash.userId).toBe(bob.userId);
    expect(clash.provisioning.plan.rejected).toEqual([
      expect.objectContaining({ field: 'externalId', problem: 'already links alice@example.test' }),
    ]);
  });

  it('never follows a link to sign someone in where JIT may not act (J0), nor across IdPs', async () => {
    const alice = signIn({ uid: 'alice@example.test', objectid: 'o1' });
    // An unclaimed domain sending Alice's externalId is not Alice.
    const outsider = directory.plan(
      mapAttributes(attrs({ uid: 'x@partner.test', objectid: 'o1' }), JIT, 'uid'),
      JIT,
      IDP,
    ).plan;
    expect(outsider).toMatchObject({ action: 'none', userId: null });
    // JIT off: by email only.
    const off = { ...JIT, createUsers: false, updateUsers: false };
    expect(
      directory.plan(mapAttributes(attrs({ uid: 'y@example.test', objectid: 'o1' }), off, 'uid'), off, IDP)
        .plan.userId,
    ).toBeNull();
    // Another IdP sending the same externalId links to nobody: it gets its own user.
    const other = signIn(
      { uid: 'mallory@example.test', objectid: 'o1' },
      { ...JIT, allowNewEmail: true },
      null,
      OTHER_IDP,
    );
    expect(other.provisioning.plan.action).toBe('create');
    expect(other.userId).not.toBe(alice.userId);
  });
});
