/**
 * Pure helpers on routing rules that both sides need: the renderer to word its confirmation, main
 * to refuse an unacknowledged change (R6).
 */
import type { RoutingRule } from './schemas';

/**
 * The IdPs that have an active rule now and would have none after `rules` became `after`
 * (R6: warn when a change leaves an IdP without an active rule).
 */
export function idpsLeftWithoutActiveRule(
  rules: readonly Pick<RoutingRule, 'id' | 'idpId' | 'active'>[],
  after: readonly Pick<RoutingRule, 'id' | 'idpId' | 'active'>[],
): string[] {
  const withRule = (list: typeof rules) => new Set(list.filter((r) => r.active).map((r) => r.idpId));
  const before = withRule(rules);
  const now = withRule(after);
  return [...before].filter((idpId) => !now.has(idpId));
}

/** The entity ID and sign-in URLs Tessera gives IdPs (derived, so they never disagree). */
export function spEndpoints(orgId: string, signinPort: number) {
  const base = `http://127.0.0.1:${signinPort}`;
  return {
    entityId: `urn:tessera:sp:${orgId}`,
    acsUrl: `${base}/saml/acs`,
    oidcRedirectUri: `${base}/oidc/callback`,
    /** Single Logout (both bindings): LogoutResponses to our requests, and the IdP's LogoutRequests. */
    sloUrl: `${base}/saml/slo`,
    /** Where an OP sends people back after RP-initiated logout. */
    oidcPostLogoutRedirectUri: `${base}/oidc/signed-out`,
  };
}
