import { describe, expect, it } from 'vitest';
import { decideMfa } from '../../../../electron/core/mfa/policy';
import type { MfaPolicy, MfaReason, RoutingRule } from '../../../../shared/admin/schemas';

const policy = (flags: Partial<MfaPolicy> = {}): MfaPolicy => ({
  enabled: true,
  allowPerUser: false,
  mandatoryForApplications: false,
  mandatoryForOrganization: false,
  ...flags,
});

describe('decideMfa: examples', () => {
  const keep = { mfa: 'keep', mfaRequired: false } as const;
  const overrideOff = { mfa: 'override', mfaRequired: false } as const;
  const overrideOn = { mfa: 'override', mfaRequired: true } as const;
  const enable = { mfa: 'enable', mfaRequired: false } as const;
  const app = (requireMfa: boolean) => ({ requireMfa });
  const user = (optedIn: boolean) => ({ optedIn });

  it('"enable MFA for this rule" requires MFA even when the org has MFA switched off', () => {
    expect(decideMfa(policy({ enabled: false }), enable, null, user(false))).toEqual({
      required: true,
      reason: 'rule-enables',
    });
  });

  it('an override that switches MFA off cannot beat MFA mandatory for the organization', () => {
    const org = policy({ mandatoryForOrganization: true });
    expect(decideMfa(org, overrideOff, null, user(false))).toEqual({
      required: true,
      reason: 'org-mandatory-beats-override',
    });
  });

  it('an override off does lift MFA for an application that requires it', () => {
    const apps = policy({ mandatoryForApplications: true, allowPerUser: true });
    expect(decideMfa(apps, overrideOff, app(true), user(true))).toEqual({
      required: false,
      reason: 'rule-override-off',
    });
  });

  it('"mandatory for the organization" means nothing while org MFA is off', () => {
    const off = policy({ enabled: false, mandatoryForOrganization: true });
    expect(decideMfa(off, overrideOff, null, user(false)).reason).toBe('rule-override-off');
    expect(decideMfa(off, keep, app(true), user(true))).toEqual({ required: false, reason: 'org-off' });
  });

  it('an override on requires MFA with the org switched off', () => {
    expect(decideMfa(policy({ enabled: false }), overrideOn, null, user(false))).toEqual({
      required: true,
      reason: 'rule-override-on',
    });
  });

  it('an application requires MFA only when M3 is on and its own switch is on', () => {
    expect(decideMfa(policy({ mandatoryForApplications: true }), keep, app(true), user(false))).toEqual({
      required: true,
      reason: 'application-mandatory',
    });
    expect(decideMfa(policy({ mandatoryForApplications: true }), keep, app(false), user(false)).reason).toBe(
      'not-required',
    );
    expect(decideMfa(policy({ mandatoryForApplications: true }), keep, null, user(false)).reason).toBe(
      'not-required',
    );
    expect(decideMfa(policy(), keep, app(true), user(false)).reason).toBe('not-required');
  });

  it('a user who opted in needs MFA only while per-user MFA is allowed', () => {
    expect(decideMfa(policy({ allowPerUser: true }), keep, null, user(true))).toEqual({
      required: true,
      reason: 'user-opted-in',
    });
    expect(decideMfa(policy({ allowPerUser: false }), keep, null, user(true)).reason).toBe('not-required');
  });

  it('the organization mandate is named before the application and the user', () => {
    const all = policy({
      mandatoryForOrganization: true,
      mandatoryForApplications: true,
      allowPerUser: true,
    });
    expect(decideMfa(all, keep, app(true), user(true)).reason).toBe('org-mandatory');
  });

  it('an application mandate is named before the user opting in', () => {
    const both = policy({ mandatoryForApplications: true, allowPerUser: true });
    expect(decideMfa(both, keep, app(true), user(true)).reason).toBe('application-mandatory');
  });

  it('ignores a leftover mfaRequired when the rule keeps the org state', () => {
    expect(decideMfa(policy(), { mfa: 'keep', mfaRequired: true }, null, user(false))).toEqual({
      required: false,
      reason: 'not-required',
    });
  });
});

// ── Full truth table ─────────────────────────────────────────────────────────────────────────

type RuleShape = 'keep' | 'override-on' | 'override-off' | 'enable';
type AppShape = 'none' | 'requires' | 'does-not-require';

interface Case {
  enabled: boolean;
  allowPerUser: boolean;
  mandatoryForApplications: boolean;
  mandatoryForOrganization: boolean;
  rule: RuleShape;
  /** Only meaningful with override; varied for keep and enable too, where it must not matter. */
  mfaRequired: boolean;
  app: AppShape;
  optedIn: boolean;
}

/**
 * The expected decisions as a decision table, written from the SPEC rather than from the code: a row
 * applies when every column it lists holds (an absent column is "any"; a list is "one of"). The rows
 * are not ordered: the test below checks that exactly one row applies to every case, so the table is
 * complete and has no overlaps, and only then compares the function with it.
 */
interface Row {
  rule: RuleShape;
  enabled?: boolean;
  org?: boolean;
  apps?: boolean;
  app?: AppShape[];
  perUser?: boolean;
  optedIn?: boolean;
  required: boolean;
  reason: MfaReason;
}

const NOT_REQUIRING: AppShape[] = ['none', 'does-not-require'];

// prettier-ignore
const EXPECTED: Row[] = [
  // rule          M1 on           M4 org      M3 apps      application              M2          opted in        → MFA
  { rule: 'enable',                                                                                              required: true,  reason: 'rule-enables' },
  { rule: 'override-on',                                                                                         required: true,  reason: 'rule-override-on' },
  { rule: 'override-off', enabled: true,  org: true,                                                             required: true,  reason: 'org-mandatory-beats-override' },
  { rule: 'override-off', enabled: true,  org: false,                                                            required: false, reason: 'rule-override-off' },
  { rule: 'override-off', enabled: false,                                                                        required: false, reason: 'rule-override-off' },
  { rule: 'keep',         enabled: false,                                                                        required: false, reason: 'org-off' },
  { rule: 'keep',         enabled: true,  org: true,                                                             required: true,  reason: 'org-mandatory' },
  { rule: 'keep',         enabled: true,  org: false, apps: true,  app: ['requires'],                            required: true,  reason: 'application-mandatory' },
  { rule: 'keep',         enabled: true,  org: false, apps: true,  app: NOT_REQUIRING, perUser: true,  optedIn: true,  required: true,  reason: 'user-opted-in' },
  { rule: 'keep',         enabled: true,  org: false, apps: false,                     perUser: true,  optedIn: true,  required: true,  reason: 'user-opted-in' },
  { rule: 'keep',         enabled: true,  org: false, apps: true,  app: NOT_REQUIRING, perUser: true,  optedIn: false, required: false, reason: 'not-required' },
  { rule: 'keep',         enabled: true,  org: false, apps: true,  app: NOT_REQUIRING, perUser: false,                  required: false, reason: 'not-required' },
  { rule: 'keep',         enabled: true,  org: false, apps: false,                     perUser: true,  optedIn: false, required: false, reason: 'not-required' },
  { rule: 'keep',         enabled: true,  org: false, apps: false,                     perUser: false,                  required: false, reason: 'not-required' },
];

function applies(row: Row, c: Case): boolean {
  return (
    row.rule === c.rule &&
    (row.enabled === undefined || row.enabled === c.enabled) &&
    (row.org === undefined || row.org === c.mandatoryForOrganization) &&
    (row.apps === undefined || row.apps === c.mandatoryForApplications) &&
    (row.app === undefined || row.app.includes(c.app)) &&
    (row.perUser === undefined || row.perUser === c.allowPerUser) &&
    (row.optedIn === undefined || row.optedIn === c.optedIn)
  );
}

function allCases(): Case[] {
  const bools = [false, true];
  const cases: Case[] = [];
  for (const enabled of bools)
    for (const allowPerUser of bools)
      for (const mandatoryForApplications of bools)
        for (const mandatoryForOrganization of bools)
          for (const [rule, mfaRequired] of [
            ['keep', false],
            ['keep', true],
            ['override-on', true],
            ['override-off', false],
            ['enable', false],
            ['enable', true],
          ] as const)
            for (const app of ['none', 'requires', 'does-not-require'] as const)
              for (const optedIn of bools)
                cases.push({
                  enabled,
                  allowPerUser,
                  mandatoryForApplications,
                  mandatoryForOrganization,
                  rule,
                  mfaRequired,
                  app,
                  optedIn,
                });
  return cases;
}

function decide(c: Case) {
  const { enabled, allowPerUser, mandatoryForApplications, mandatoryForOrganization } = c;
  const mfa = c.rule === 'override-on' || c.rule === 'override-off' ? 'override' : c.rule;
  const rule: Pick<RoutingRule, 'mfa' | 'mfaRequired'> = { mfa, mfaRequired: c.mfaRequired };
  const application = c.app === 'none' ? null : { requireMfa: c.app === 'requires' };
  return decideMfa(
    { enabled, allowPerUser, mandatoryForApplications, mandatoryForOrganization },
    rule,
    application,
    { optedIn: c.optedIn },
  );
}

describe('decideMfa: full truth table', () => {
  // 2^4 policies × 6 rule shapes × 3 applications × 2 users. The 6 rule shapes are the 4 distinct
  // choices (keep, override on, override off, enable) plus keep and enable with a stale mfaRequired.
  const cases = allCases();

  it('enumerates every combination once', () => {
    expect(cases).toHaveLength(16 * 6 * 3 * 2);
    expect(new Set(cases.map((c) => JSON.stringify(c))).size).toBe(cases.length);
  });

  it('the expected table gives exactly one answer for every case', () => {
    const gaps = cases.filter((c) => EXPECTED.filter((row) => applies(row, c)).length !== 1);
    expect(gaps).toEqual([]);
  });

  it('decides every case as the table says', () => {
    const wrong = cases.flatMap((c) => {
      const row = EXPECTED.find((r) => applies(r, c))!;
      const actual = decide(c);
      return actual.required === row.required && actual.reason === row.reason
        ? []
        : [{ case: c, expected: { required: row.required, reason: row.reason }, actual }];
    });
    expect(wrong).toEqual([]);
  });

  it('reaches each reason as often as counted by hand', () => {
    const counts: Record<string, number> = {};
    for (const c of cases) {
      const { reason } = decide(c);
      counts[reason] = (counts[reason] ?? 0) + 1;
    }
    // Per rule shape there are 16 × 3 × 2 = 96 cases. Override off: M1 ∧ M4 holds in 4 of 16 policies.
    // Keep (×2 shapes): M1 off in 8 policies (48); M1 ∧ M4 in 4 (24); of the remaining 24 (M1 ∧ ¬M4,
    // M2 and M3 free), M3 ∧ requires: 2 policies × 1 app × 2 users = 4; then M2 ∧ opted in: 5; rest 15.
    expect(counts).toEqual({
      'rule-enables': 192,
      'rule-override-on': 96,
      'org-mandatory-beats-override': 24,
      'rule-override-off': 72,
      'org-off': 96,
      'org-mandatory': 48,
      'application-mandatory': 8,
      'user-opted-in': 10,
      'not-required': 30,
    });
  });
});
