/**
 * Routing decisions: RoutingTable.route() (indexed) beside a linear scan over the same rules, the
 * obvious implementation, measured in the same run. Rule sets and people are generated from a fixed
 * seed, so every run routes the same people through the same rules.
 */
import { performance } from 'node:perf_hooks';
import { emailDomain, RoutingTable, type RoutingIdp } from '../electron/core/routing/engine';
import type { RoutingRule } from '../shared/admin/schemas';
import { median, row } from './format';

interface Person {
  email: string;
  groups: string[];
}

/** A deterministic pseudo-random sequence (same generator as bench/qr.ts). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const IDPS: RoutingIdp[] = Array.from({ length: 20 }, (_, i) => ({
  id: `idp-${i}`,
  name: `IdP ${i}`,
  kind: i === 0 ? 'builtin' : i % 2 ? 'saml' : 'oidc',
  // A few configured but not activated IdPs, as in a real organization mid-migration.
  live: i % 7 !== 3,
}));

/**
 * `count` rules, roughly what a large organization (mergers, agencies, a university's departments)
 * accumulates: 70% domain rules and 30% group rules, 1–6 values each, a tenth deactivated, and the
 * default rule to the built-in identity.
 */
function ruleSet(count: number, next: () => number): RoutingRule[] {
  const rules: RoutingRule[] = [];
  for (let i = 0; i < count - 1; i++) {
    const type = next() < 0.7 ? 'domain' : 'group';
    const values = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, v) =>
      type === 'domain' ? `unit${i}-${v}.example${i % 13}.com` : `Department ${i}-${v}`,
    );
    rules.push({
      id: `rule-${i}`,
      name: `Rule ${i}`,
      type,
      values,
      idpId: IDPS[1 + Math.floor(next() * (IDPS.length - 1))]!.id,
      mfa: 'keep',
      mfaRequired: false,
      active: next() >= 0.1,
      priority: i + 1,
    });
  }
  rules.push({
    id: 'rule-default',
    name: 'Default',
    type: 'default',
    values: [],
    idpId: IDPS[0]!.id,
    mfa: 'keep',
    mfaRequired: false,
    active: true,
    priority: 0,
  });
  return rules;
}

/** A third sign in with a ruled domain, a third only through a group, a third match nothing. */
function people(rules: readonly RoutingRule[], count: number, next: () => number): Person[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const domains = rules.filter((r) => r.type === 'domain').flatMap((r) => r.values);
  const groups = rules.filter((r) => r.type === 'group').flatMap((r) => r.values);
  const noise = ['Everyone', 'VPN users', 'Printers', 'all-staff'];
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 3;
    const domain = kind === 0 && domains.length ? pick(domains) : `nowhere${i}.example.net`;
    const own = Array.from({ length: Math.floor(next() * 4) }, () => pick(noise));
    if (kind === 1 && groups.length) own.push(pick(groups).toUpperCase());
    return { email: `person${i}@${next() < 0.2 ? domain.toUpperCase() : domain}`, groups: own };
  });
}

/**
 * The baseline: sort once and normalize every value once (so it pays for the scan, not for string
 * work), then per person walk the rules until one matches.
 */
function linearScan(rules: readonly RoutingRule[], idps: readonly RoutingIdp[]) {
  const live = new Set(idps.filter((idp) => idp.live).map((idp) => idp.id));
  const ordered = rules
    .filter((r) => r.active && live.has(r.idpId))
    .sort((a, b) => Number(a.type === 'default') - Number(b.type === 'default') || a.priority - b.priority)
    .map((rule) => ({ rule, values: rule.values.map((v) => v.trim().toLowerCase()) }));
  return (person: Person): RoutingRule | null => {
    const domain = emailDomain(person.email);
    const groups = person.groups.map((g) => g.trim().toLowerCase());
    for (const { rule, values } of ordered) {
      if (rule.type === 'default') return rule;
      if (rule.type === 'domain' ? values.includes(domain) : values.some((v) => groups.includes(v)))
        return rule;
    }
    return null;
  };
}

/** Median µs per decision: `samples` timed batches of `batch` decisions, each divided by `batch`. */
function perDecision(
  crowd: readonly Person[],
  batch: number,
  samples: number,
  decide: (p: Person) => unknown,
) {
  let cursor = 0;
  let sink = 0;
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      if (decide(crowd[cursor]!) !== null) sink++;
      cursor = (cursor + 1) % crowd.length;
    }
    times.push(((performance.now() - start) * 1000) / batch);
  }
  // Keeps the decisions observable, so no engine can skip computing them.
  if (sink < 0) console.log(sink);
  return median(times);
}

export async function benchRouting(): Promise<void> {
  console.log(
    '\nRouting decisions (median µs a decision; 200 samples of 1,000, the 10,000-rule scan 50 of 100)',
  );
  for (const count of [10, 10_000]) {
    const next = random(count);
    const rules = ruleSet(count, next);
    const crowd = people(rules, 10_000, next);
    const buildStart = performance.now();
    const table = new RoutingTable(rules, IDPS);
    const buildMs = performance.now() - buildStart;
    const scan = linearScan(rules, IDPS);

    // A benchmark of wrong answers proves nothing: both must route everyone to the same rule.
    // (A sample of 2,000: checking with the scan costs far more than the benchmark itself.)
    const disagreements = crowd
      .slice(0, 2_000)
      .filter((p) => table.route(p.email, p.groups)?.rule !== scan(p)).length;
    if (disagreements) throw new Error(`route() and the linear scan disagree for ${disagreements} people`);

    for (let warm = 0; warm < 3; warm++) perDecision(crowd, 1_000, 20, (p) => table.route(p.email, p.groups));
    const indexed = perDecision(crowd, 1_000, 200, (p) => table.route(p.email, p.groups));
    // The scan takes hundreds of µs a decision at 10,000 rules: 50 batches of 100 keep the run short.
    const [batch, samples] = count > 1_000 ? [100, 50] : [1_000, 200];
    perDecision(crowd, batch, 5, scan);
    const baseline = perDecision(crowd, batch, samples, scan);
    const label = `route(), ${count.toLocaleString('en-US')} rules`;
    const baselineLabel = `linear scan, ${count.toLocaleString('en-US')} rules`;
    row(label, indexed, baselineLabel, baseline, count === 10_000 ? '≤ 20 µs at 10,000' : undefined, 'µs');
    console.log(`${'  building the table'.padEnd(44)} ${buildMs.toFixed(3).padStart(9)} ms`);
  }
}
