/**
 * Routing rules (SPEC R1–R6): which rule, and so which IdP, a person signing in is sent to.
 *
 * Every sign-in asks this, and an organization may have up to ADMIN_LIMITS.rulesMax rules with hundreds
 * of values each, so route() does not walk the rules: the constructor indexes each domain and group to
 * the best eligible rule naming it, and route() takes the best of a handful of Map look-ups. explain()
 * serves the simulator and walks every rule, since it has to say something about each.
 */
import type { IdpKind, RoutingRule, RULE_MISS_REASONS } from '../../../shared/admin/schemas';

export interface RoutingIdp {
  id: string;
  name: string;
  kind: IdpKind;
  /** activated, and SSO on unless builtin */
  live: boolean;
}

export type RuleMissReason = (typeof RULE_MISS_REASONS)[number];

export interface RouteMatch {
  rule: RoutingRule;
  idp: RoutingIdp;
}

export interface RouteExplanation {
  matched: RouteMatch | null;
  /** Every rule but the matched one, in evaluation order, with why it did not route this person. */
  others: { rule: RoutingRule; reason: RuleMissReason }[];
}

/**
 * The domain of an address as rules name it: after the last '@' (a quoted local part may contain '@'),
 * trimmed, lower-cased, without the trailing dot of a fully qualified name. '' when there is no '@'.
 */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '';
  return normalizeDomain(email.slice(at + 1));
}

function normalizeDomain(domain: string): string {
  const lower = domain.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function normalizeGroup(group: string): string {
  return group.trim().toLowerCase();
}

/** No rule has this position; larger than every real one, so Math.min() ignores it. */
const NONE = Number.POSITIVE_INFINITY;

export class RoutingTable {
  /** Evaluation order: by priority, ties in the order given, the default rule(s) after every other. */
  private readonly ordered: readonly RoutingRule[];
  /** The IdP of each rule in `ordered`, or null when the rule cannot route (inactive, IdP not live). */
  private readonly eligibleIdp: readonly (RoutingIdp | null)[];
  /** Normalized domain → position in `ordered` of the first eligible domain rule listing it. */
  private readonly byDomain = new Map<string, number>();
  /** Lower-cased group → position in `ordered` of the first eligible group rule listing it. */
  private readonly byGroup = new Map<string, number>();
  /** Position of the first eligible default rule, or NONE. */
  private readonly fallback: number = NONE;

  constructor(rules: readonly RoutingRule[], idps: readonly RoutingIdp[]) {
    const idpById = new Map<string, RoutingIdp>();
    for (const idp of idps) if (!idpById.has(idp.id)) idpById.set(idp.id, idp);

    // Array.prototype.sort is stable, so rules of equal priority keep the order they were given in.
    this.ordered = [...rules].sort(
      (a, b) => Number(a.type === 'default') - Number(b.type === 'default') || a.priority - b.priority,
    );
    this.eligibleIdp = this.ordered.map((rule) => {
      const idp = idpById.get(rule.idpId);
      return rule.active && idp?.live ? idp : null;
    });

    // Walking in evaluation order, the first rule to claim a key is the best one for it.
    for (let position = 0; position < this.ordered.length; position++) {
      const rule = this.ordered[position]!;
      if (!this.eligibleIdp[position]) continue;
      if (rule.type === 'default') {
        if (this.fallback === NONE) this.fallback = position;
        continue;
      }
      const [index, normalize] =
        rule.type === 'domain' ? [this.byDomain, normalizeDomain] : [this.byGroup, normalizeGroup];
      for (const value of rule.values) {
        const key = normalize(value);
        if (key !== '' && !index.has(key)) index.set(key, position);
      }
    }
  }

  /** The rule and IdP for this person, or null when no eligible rule applies. */
  route(email: string, groups: readonly string[]): RouteMatch | null {
    let best = this.byDomain.get(emailDomain(email)) ?? NONE;
    for (const group of groups) {
      const position = this.byGroup.get(normalizeGroup(group));
      if (position !== undefined && position < best) best = position;
    }
    if (best === NONE) best = this.fallback;
    return best === NONE ? null : this.matchAt(best);
  }

  /** route() plus why every other rule did not apply, in priority order (for the simulator). */
  explain(email: string, groups: readonly string[]): RouteExplanation {
    const matched = this.route(email, groups);
    const domain = emailDomain(email);
    const groupSet = new Set(groups.map(normalizeGroup));
    const others: RouteExplanation['others'] = [];
    this.ordered.forEach((rule, position) => {
      if (rule === matched?.rule) return;
      others.push({ rule, reason: this.missReason(rule, position, domain, groupSet) });
    });
    return { matched, others };
  }

  private missReason(
    rule: RoutingRule,
    position: number,
    domain: string,
    groups: ReadonlySet<string>,
  ): RuleMissReason {
    if (!rule.active) return 'inactive';
    if (!this.eligibleIdp[position]) return 'idp-not-live';
    switch (rule.type) {
      case 'default':
        // It matches everyone: an eligible default rule that did not route someone was beaten.
        return 'earlier-rule-matched';
      case 'domain':
        return domain !== '' && rule.values.some((value) => normalizeDomain(value) === domain)
          ? 'earlier-rule-matched'
          : 'domain-differs';
      case 'group':
        return rule.values.some((value) => groups.has(normalizeGroup(value)))
          ? 'earlier-rule-matched'
          : 'no-group-in-common';
    }
  }

  private matchAt(position: number): RouteMatch {
    // Positions in the indexes only ever point at eligible rules.
    return { rule: this.ordered[position]!, idp: this.eligibleIdp[position]! };
  }
}
