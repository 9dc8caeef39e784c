/**
 * Whether a sign-in needs MFA: the organization's policy (SPEC M1–M4) combined with the MFA choice of
 * the routing rule that routed the person (R4). Pure, so the sign-in broker and the routing simulator
 * give the same answer with the same reason.
 */
import type { MfaDecision, MfaPolicy, RoutingRule } from '../../../shared/admin/schemas';

/**
 * Precedence, first match wins:
 *
 * 1. The rule says "enable MFA only for this rule" → required, whatever the organization says: the
 *    admin asked for MFA for exactly these people, so even M1 being off does not lift it.
 * 2. The rule says "override MFA state":
 *    - override on → required;
 *    - override off → not required, unless M1 is on and M4 (mandatory for the organization) is on: M4
 *      promises every user, every application, so a rule may not carve people out of it;
 * 3. The rule keeps the organization's state:
 *    - M1 off → not required (M2–M4 are settings of an MFA that is switched off);
 *    - M4 → required;
 *    - M3 and the application's own switch on → required (no application named: M3 cannot apply);
 *    - M2 and the user turned MFA on for themselves → required;
 *    - otherwise not required.
 *
 * `mfaRequired` is read only for `override`; with `keep` or `enable` it is a leftover of an earlier edit.
 */
export function decideMfa(
  policy: MfaPolicy,
  rule: Pick<RoutingRule, 'mfa' | 'mfaRequired'>,
  application: { requireMfa: boolean } | null,
  user: { optedIn: boolean },
): MfaDecision {
  switch (rule.mfa) {
    case 'enable':
      return { required: true, reason: 'rule-enables' };
    case 'override':
      if (rule.mfaRequired) return { required: true, reason: 'rule-override-on' };
      if (policy.enabled && policy.mandatoryForOrganization) {
        return { required: true, reason: 'org-mandatory-beats-override' };
      }
      return { required: false, reason: 'rule-override-off' };
    case 'keep':
      if (!policy.enabled) return { required: false, reason: 'org-off' };
      if (policy.mandatoryForOrganization) return { required: true, reason: 'org-mandatory' };
      if (policy.mandatoryForApplications && application?.requireMfa) {
        return { required: true, reason: 'application-mandatory' };
      }
      if (policy.allowPerUser && user.optedIn) return { required: true, reason: 'user-opted-in' };
      return { required: false, reason: 'not-required' };
  }
}
