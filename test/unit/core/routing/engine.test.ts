import { describe, expect, it } from 'vitest';
import { RoutingTable, type RoutingIdp, type RuleMissReason } from '../../../../electron/core/routing/engine';
import type { RoutingRule, RuleType } from '../../../../shared/admin/schemas';

const okta: RoutingIdp = { id: 'idp-okta', name: 'Okta', kind: 'saml', live: true };
const entra: RoutingIdp = { id: 'idp-entra', name: 'Entra ID', kind: 'oidc', live: true };
const builtin: RoutingIdp = { id: 'idp-builtin', name: 'Built-in', kind: 'builtin', live: true };
const dormant: RoutingIdp = { id: 'idp-dormant', name: 'Not activated', kind: 'saml', live: false };
const IDPS = [okta, entra, builtin, dormant];

let nextId = 0;
function rule(type: RuleType, values: string[], idp: RoutingIdp | string, extra: Partial<RoutingRule> = {}) {
  nextId++;
  const r: RoutingRule = {
    id: `rule-${nextId}`,
    name: `${type} rule ${nextId}`,
    type,
    values,
    idpId: typeof idp === 'string' ? idp : idp.id,
    mfa: 'keep',
    mfaRequired: false,
    active: true,
    priority: nextId,
    ...extra,
  };
  return r;
}

const routedBy = (table: RoutingTable, email: string, groups: string[] = []) =>
  table.route(email, groups)?.rule.name ?? null;

describe('RoutingTable.route', () => {
  it('evaluates rules by priority, not by the order they are given in', () => {
    const late = rule('domain', ['acme.com'], okta, { name: 'late', priority: 5 });
    const early = rule('domain', ['acme.com'], entra, { name: 'early', priority: 1 });
    const table = new RoutingTable([late, early], IDPS);
    expect(table.route('ann@acme.com', [])).toEqual({ rule: early, idp: entra });
  });

  it('keeps the given order between rules of equal priority', () => {
    const first = rule('domain', ['acme.com'], okta, { name: 'first', priority: 2 });
    const second = rule('domain', ['acme.com'], entra, { name: 'second', priority: 2 });
    expect(routedBy(new RoutingTable([first, second], IDPS), 'ann@acme.com')).toBe('first');
    expect(routedBy(new RoutingTable([second, first], IDPS), 'ann@acme.com')).toBe('second');
  });

  it('puts the default rule after every other rule, even with priority 0', () => {
    const fallback = rule('default', [], builtin, { name: 'default', priority: 0 });
    const acme = rule('domain', ['acme.com'], okta, { name: 'acme', priority: 7 });
    const table = new RoutingTable([fallback, acme], IDPS);
    expect(routedBy(table, 'ann@acme.com')).toBe('acme');
    expect(table.route('bob@other.org', [])).toEqual({ rule: fallback, idp: builtin });
    expect(table.explain('ann@acme.com', []).others.map((o) => o.rule.name)).toEqual(['default']);
  });

  it('skips inactive rules', () => {
    const off = rule('domain', ['acme.com'], okta, { name: 'off', active: false });
    const on = rule('domain', ['acme.com'], entra, { name: 'on' });
    expect(routedBy(new RoutingTable([off, on], IDPS), 'ann@acme.com')).toBe('on');
  });

  it('skips rules whose IdP is not live or does not exist', () => {
    const notLive = rule('domain', ['acme.com'], dormant, { name: 'not live' });
    const missing = rule('domain', ['acme.com'], 'idp-deleted', { name: 'missing' });
    const live = rule('domain', ['acme.com'], okta, { name: 'live' });
    expect(routedBy(new RoutingTable([notLive, missing, live], IDPS), 'ann@acme.com')).toBe('live');
  });

  it('does not fall back to an inactive or not-live default rule', () => {
    const offDefault = rule('default', [], builtin, { active: false });
    const deadDefault = rule('default', [], dormant);
    expect(new RoutingTable([offDefault], IDPS).route('ann@acme.com', [])).toBeNull();
    expect(new RoutingTable([deadDefault], IDPS).route('ann@acme.com', [])).toBeNull();
  });

  it('returns null when no eligible rule applies', () => {
    const acme = rule('domain', ['acme.com'], okta);
    const staff = rule('group', ['staff'], entra);
    const table = new RoutingTable([acme, staff], IDPS);
    expect(table.route('bob@other.org', ['guests'])).toBeNull();
    expect(new RoutingTable([], IDPS).route('ann@acme.com', ['staff'])).toBeNull();
    expect(new RoutingTable([acme], []).route('ann@acme.com', [])).toBeNull();
  });

  it('reads the domain after the last "@", trimmed, in any case, with or without a trailing dot', () => {
    const table = new RoutingTable([rule('domain', ['acme.com'], okta, { name: 'acme' })], IDPS);
    for (const email of [
      'ann@acme.com',
      'Ann@ACME.Com',
      'ann@acme.com.',
      '  ann@acme.com  ',
      'ann@ acme.com. ',
      '"ann@evil.org"@acme.com',
    ]) {
      expect(routedBy(table, email), email).toBe('acme');
    }
    for (const email of ['ann@evil.org', 'acme.com@evil.org', 'ann@acme.com..', 'acme.com', '', 'ann@']) {
      expect(routedBy(table, email), email).toBeNull();
    }
  });

  it('matches domains exactly: no subdomains, no parent domains, no suffixes', () => {
    const table = new RoutingTable([rule('domain', ['acme.com'], okta)], IDPS);
    expect(table.route('ann@eu.acme.com', [])).toBeNull();
    expect(table.route('ann@notacme.com', [])).toBeNull();
    expect(table.route('ann@com', [])).toBeNull();
    const sub = new RoutingTable([rule('domain', ['eu.acme.com'], okta)], IDPS);
    expect(sub.route('ann@acme.com', [])).toBeNull();
  });

  it('matches any of a rule’s several domains', () => {
    const table = new RoutingTable([rule('domain', ['acme.com', 'acme.fi', 'acme.se'], okta)], IDPS);
    expect(table.route('ann@acme.fi', [])?.idp).toBe(okta);
    expect(table.route('ann@acme.se', [])?.idp).toBe(okta);
  });

  it('matches groups case-insensitively and ignoring surrounding spaces, on either side', () => {
    const table = new RoutingTable([rule('group', ['Engineering', ' sales '], okta, { name: 'g' })], IDPS);
    expect(routedBy(table, 'ann@x.org', ['engineering'])).toBe('g');
    expect(routedBy(table, 'ann@x.org', ['ENGINEERING '])).toBe('g');
    expect(routedBy(table, 'ann@x.org', ['guests', 'SALES'])).toBe('g');
    expect(routedBy(table, 'ann@x.org', ['engineers', 'sale', 'Engineering team'])).toBeNull();
    expect(routedBy(table, 'ann@x.org', [])).toBeNull();
  });

  it('lets priority decide between a group rule and a domain rule', () => {
    const byGroup = rule('group', ['contractors'], entra, { name: 'group', priority: 1 });
    const byDomain = rule('domain', ['acme.com'], okta, { name: 'domain', priority: 2 });
    expect(routedBy(new RoutingTable([byDomain, byGroup], IDPS), 'ann@acme.com', ['contractors'])).toBe(
      'group',
    );
    const domainFirst = { ...byDomain, priority: 0 };
    expect(routedBy(new RoutingTable([domainFirst, byGroup], IDPS), 'ann@acme.com', ['contractors'])).toBe(
      'domain',
    );
    expect(routedBy(new RoutingTable([domainFirst, byGroup], IDPS), 'ann@other.org', ['contractors'])).toBe(
      'group',
    );
  });

  it('picks the best rule among several of the person’s groups', () => {
    const a = rule('group', ['a'], okta, { name: 'a', priority: 9 });
    const b = rule('group', ['b'], entra, { name: 'b', priority: 3 });
    const c = rule('group', ['c'], builtin, { name: 'c', priority: 6 });
    expect(routedBy(new RoutingTable([a, b, c], IDPS), 'x@y.org', ['a', 'c', 'b'])).toBe('b');
  });

  it('lets a later eligible rule route a value an earlier ineligible rule also lists', () => {
    const dead = rule('group', ['staff', 'ops'], dormant, { priority: 0 });
    const alive = rule('group', ['ops'], okta, { name: 'alive', priority: 1 });
    expect(routedBy(new RoutingTable([dead, alive], IDPS), 'x@y.org', ['ops'])).toBe('alive');
  });
});

describe('RoutingTable.explain', () => {
  it('gives the match and why every other rule did not apply, in priority order', () => {
    const fallback = rule('default', [], builtin, { name: 'default', priority: 0 });
    const inactive = rule('domain', ['acme.com'], okta, { name: 'inactive', active: false, priority: 1 });
    const notLive = rule('domain', ['acme.com'], dormant, { name: 'not live', priority: 2 });
    const gone = rule('group', ['staff'], 'idp-deleted', { name: 'gone', priority: 3 });
    const otherDomain = rule('domain', ['other.org'], okta, { name: 'other domain', priority: 4 });
    const otherGroup = rule('group', ['sales'], okta, { name: 'other group', priority: 5 });
    const winner = rule('group', ['Staff'], entra, { name: 'winner', priority: 6 });
    const beaten = rule('domain', ['acme.com'], okta, { name: 'beaten', priority: 7 });
    const table = new RoutingTable(
      [beaten, winner, otherGroup, otherDomain, gone, notLive, inactive, fallback],
      IDPS,
    );
    const result = table.explain('ann@Acme.com', ['staff']);
    expect(result.matched).toEqual({ rule: winner, idp: entra });
    expect(result.others.map((o) => [o.rule.name, o.reason])).toEqual([
      ['inactive', 'inactive'],
      ['not live', 'idp-not-live'],
      ['gone', 'idp-not-live'],
      ['other domain', 'domain-differs'],
      ['other group', 'no-group-in-common'],
      ['beaten', 'earlier-rule-matched'],
      ['default', 'earlier-rule-matched'],
    ]);
  });

  it('says "inactive" before "idp-not-live" when both hold', () => {
    const both = rule('domain', ['acme.com'], dormant, { active: false });
    expect(new RoutingTable([both], IDPS).explain('ann@acme.com', []).others[0]?.reason).toBe('inactive');
  });

  it('lists every rule when none applies, and the matched default rule is not among the others', () => {
    const acme = rule('domain', ['acme.com'], okta, { name: 'acme' });
    const staff = rule('group', ['staff'], entra, { name: 'staff' });
    const none = new RoutingTable([acme, staff], IDPS).explain('bob@other.org', []);
    expect(none.matched).toBeNull();
    expect(none.others.map((o) => o.reason)).toEqual(['domain-differs', 'no-group-in-common']);

    const fallback = rule('default', [], builtin, { name: 'default' });
    const viaDefault = new RoutingTable([acme, staff, fallback], IDPS).explain('bob@other.org', []);
    expect(viaDefault.matched?.rule).toBe(fallback);
    expect(viaDefault.others.map((o) => o.rule.name)).toEqual(['acme', 'staff']);
  });

  it('calls an address without a domain different from every domain rule', () => {
    const acme = rule('domain', ['acme.com'], okta);
    expect(new RoutingTable([acme], IDPS).explain('not-an-address', []).others[0]?.reason).toBe(
      'domain-differs',
    );
  });
});

// ── Property: route() equals a plain scan ────────────────────────────────────────────────────

/** mulberry32: a small seeded PRNG, so every run (and every failure) is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const DOMAINS = ['acme.com', 'eu.acme.com', 'acme.fi', 'globex.org', 'initech.net', 'umbrella.io'];
const GROUPS = ['staff', 'Sales', 'engineering', 'Contractors', 'ops', 'ALUMNI'];

/** Written from the rules' description, independently of the engine: sort, then walk. */
function reference(rules: RoutingRule[], idps: RoutingIdp[], email: string, groups: string[]) {
  const ordered = rules
    .map((r, index) => ({ r, index }))
    .sort((x, y) => {
      const xd = x.r.type === 'default' ? 1 : 0;
      const yd = y.r.type === 'default' ? 1 : 0;
      if (xd !== yd) return xd - yd;
      if (x.r.priority !== y.r.priority) return x.r.priority - y.r.priority;
      return x.index - y.index;
    })
    .map(({ r }) => r);
  const at = email.lastIndexOf('@');
  let domain =
    at < 0
      ? ''
      : email
          .slice(at + 1)
          .trim()
          .toLowerCase();
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  const personGroups = groups.map((g) => g.trim().toLowerCase());
  const matches = (r: RoutingRule) =>
    r.type === 'default' ||
    (r.type === 'domain' && domain !== '' && r.values.includes(domain)) ||
    (r.type === 'group' && r.values.some((v) => personGroups.includes(v.trim().toLowerCase())));

  let matched: RoutingRule | null = null;
  const reasons = new Map<RoutingRule, RuleMissReason>();
  for (const r of ordered) {
    const idp = idps.find((i) => i.id === r.idpId);
    if (!r.active) reasons.set(r, 'inactive');
    else if (!idp?.live) reasons.set(r, 'idp-not-live');
    else if (!matches(r)) reasons.set(r, r.type === 'domain' ? 'domain-differs' : 'no-group-in-common');
    else if (matched) reasons.set(r, 'earlier-rule-matched');
    else matched = r;
  }
  return { matched, others: [...reasons].map(([r, reason]) => ({ rule: r, reason })) };
}

function randomWorld(next: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] =>
    Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(list));
  const vary = (s: string) =>
    [...s].map((ch) => (next() < 0.3 ? ch.toUpperCase() : ch)).join('') + (next() < 0.2 ? ' ' : '');

  const idps: RoutingIdp[] = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) => ({
    id: `idp-${i}`,
    name: `IdP ${i}`,
    kind: pick(['saml', 'oidc', 'builtin'] as const),
    live: next() < 0.75,
  }));
  const idpIds = [...idps.map((i) => i.id), 'idp-missing'];
  const rules: RoutingRule[] = [];
  const count = Math.floor(next() * 25);
  for (let i = 0; i < count; i++) {
    const type: RuleType = next() < 0.08 ? 'default' : next() < 0.5 ? 'domain' : 'group';
    rules.push({
      id: `r${i}`,
      name: `rule ${i}`,
      type,
      // Domains are stored lower-case (RuleInputSchema); group names keep the case they were typed in.
      values: type === 'domain' ? some(DOMAINS, 3) : type === 'group' ? some(GROUPS, 3).map(vary) : [],
      idpId: pick(idpIds),
      mfa: 'keep',
      mfaRequired: false,
      active: next() < 0.8,
      priority: Math.floor(next() * 12) - 2,
    });
  }
  const person = () => {
    const domain = next() < 0.85 ? pick(DOMAINS) : pick(['other.org', 'com', '']);
    const local = pick(['ann', 'bob', 'a@b']);
    const dot = next() < 0.15 ? '.' : '';
    const email = next() < 0.05 ? 'no-at-sign' : `${local}@${vary(domain)}${dot}`;
    return { email, groups: some([...GROUPS, 'guests'], 3).map(vary) };
  };
  return { idps, rules, person };
}

describe('RoutingTable: agrees with a plain scan on random rule sets', () => {
  it('routes and explains 500 random rule sets × 40 people like the reference', () => {
    const next = prng(0x7e55e7a);
    const mismatches: unknown[] = [];
    let routed = 0;
    for (let set = 0; set < 500; set++) {
      const { idps, rules, person } = randomWorld(next);
      const table = new RoutingTable(rules, idps);
      for (let p = 0; p < 40; p++) {
        const { email, groups } = person();
        const expected = reference(rules, idps, email, groups);
        const actual = table.route(email, groups);
        const explained = table.explain(email, groups);
        const want = expected.others.map((o) => `${o.rule.id}:${o.reason}`).join(' ');
        const got = explained.others.map((o) => `${o.rule.id}:${o.reason}`).join(' ');
        if (
          (actual?.rule.id ?? null) !== (expected.matched?.id ?? null) ||
          (actual !== null && actual.idp.id !== actual.rule.idpId) ||
          explained.matched?.rule !== actual?.rule ||
          explained.matched?.idp !== actual?.idp ||
          got !== want
        ) {
          mismatches.push({
            set,
            email,
            groups,
            expected: expected.matched?.id,
            actual: actual?.rule.id,
            want,
            got,
          });
        }
        if (actual) routed++;
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The generator must produce both outcomes in quantity, or the comparison proves little.
    expect(routed).toBeGreaterThan(4000);
    expect(routed).toBeLessThan(16000);
  });
});
