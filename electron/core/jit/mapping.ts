/**
 * Attribute mapping (SPEC J4–J8): the attributes an IdP sent → the profile JIT would write. Pure.
 *
 * Attributes arrive as a null-prototype map holding only what the IdP sent (never a profile object
 * a hostile attribute name such as `__proto__` could shape). Each mapped value is validated for its
 * field; a bad value is reported and left out, never written half-right.
 */
import { z } from 'zod';
import {
  LINKING_ATTRIBUTES,
  PROFILE_VALUE_MAX,
  type JitSettings,
  type LinkingAttribute,
  type Profile,
  type ProfileField,
} from '../../../shared/admin/directory';
import { ADMIN_LIMITS } from '../../../shared/admin/schemas';

/** Attribute name → its values; created with Object.create(null) (see attributeMap). */
export type AttributeMap = Record<string, string[]>;

export function attributeMap(entries: Iterable<[string, string[]]>): AttributeMap {
  const map = Object.create(null) as AttributeMap;
  for (const [name, values] of entries) map[name] = [...(map[name] ?? []), ...values];
  return map;
}

export interface MappedIdentity {
  email: string;
  profile: Profile;
  links: Partial<Record<LinkingAttribute, string>>;
  groups: string[];
  rejected: { field: string; value: string; problem: string }[];
}

export class MappingError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

const GROUPS_MAX = 500;
const Email = z.email();
// E.164 (ITU-T): '+', a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{1,14}$/;
// Control characters have no place in a profile value and confuse logs and terminals.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Language tags seen, canonical or null: Intl's check is a tenth of JIT's mapping time otherwise. */
const locales = new Map<string, string | null>();

function canonicalLocale(value: string): string | null {
  let locale = locales.get(value);
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(value)[0] ?? null;
    } catch {
      locale = null;
    }
    // Bounded, as the time zones below.
    if (locales.size < 2_000) locales.set(value, locale);
  }
  return locale;
}

/** Time zones seen, canonical or null: building an Intl.DateTimeFormat costs ~0.1 ms per check. */
const zones = new Map<string, string | null>();

function canonicalTimeZone(value: string): string | null {
  let zone = zones.get(value);
  if (zone === undefined) {
    try {
      zone = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      zone = null;
    }
    // Bounded: only a hostile IdP sends thousands of distinct names.
    if (zones.size < 2_000) zones.set(value, zone);
  }
  return zone;
}

/** The value to store for `field`, or why it is refused. */
export function validateField(field: ProfileField, raw: string): { value: string } | { problem: string } {
  const value = raw.trim();
  if (value.length === 0) return { problem: 'empty' };
  if (value.length > PROFILE_VALUE_MAX) return { problem: `longer than ${PROFILE_VALUE_MAX} characters` };
  if (CONTROL.test(value)) return { problem: 'contains control characters' };
  if (field.startsWith('phoneNumbers.')) {
    return E164.test(value)
      ? { value }
      : { problem: 'not an E.164 number (+ and at most 15 digits, e.g. +46701234567)' };
  }
  if (field === 'locale' || field === 'preferredLanguage') {
    const locale = canonicalLocale(value);
    return locale ? { value: locale } : { problem: 'not a language tag such as sv-SE' };
  }
  if (field === 'timezone') {
    const zone = canonicalTimeZone(value);
    return zone ? { value: zone } : { problem: 'not an IANA time zone such as Europe/Stockholm' };
  }
  if (field.startsWith('email.')) {
    return Email.safeParse(value).success
      ? { value: value.toLowerCase() }
      : { problem: 'not an email address' };
  }
  return { value };
}

/**
 * Maps one sign-in's attributes. `userIdAttribute` (S4, or the OIDC claim) gives the primary email
 * (J4); without it nobody can be provisioned or signed in, so that is an error, not a refusal.
 */
export function mapAttributes(
  attributes: AttributeMap,
  jit: JitSettings,
  userIdAttribute: string,
): MappedIdentity {
  const ids = Object.hasOwn(attributes, userIdAttribute) ? attributes[userIdAttribute]! : [];
  const rawEmail = ids[0]?.trim() ?? '';
  if (!rawEmail) {
    throw new MappingError(
      `The IdP sent no "${userIdAttribute}" attribute, which carries the user id. Release it to Tessera at the IdP, or name the attribute it uses in the IdP's settings.`,
      'missingUserId',
    );
  }
  if (!Email.safeParse(rawEmail).success) {
    throw new MappingError(
      `The "${userIdAttribute}" attribute is "${rawEmail.slice(0, 200)}", which is not an email address; map an attribute that carries the email, UPN or eduPersonPrincipalName.`,
      'userIdNotEmail',
    );
  }

  const profile: Profile = {};
  const rejected: MappedIdentity['rejected'] = [];
  for (const [field, attribute] of Object.entries(jit.mapping) as [ProfileField, string][]) {
    const values = Object.hasOwn(attributes, attribute) ? attributes[attribute]! : [];
    const raw = values[0];
    if (raw === undefined) continue;
    const checked = validateField(field, raw);
    if ('value' in checked) profile[field] = checked.value;
    else rejected.push({ field, value: raw.slice(0, 200), problem: checked.problem });
  }

  const links: MappedIdentity['links'] = {};
  for (const attribute of LINKING_ATTRIBUTES) {
    const value = profile[attribute];
    if (value !== undefined) links[attribute] = value;
  }

  const groups: string[] = [];
  if (jit.groupAttribute && Object.hasOwn(attributes, jit.groupAttribute)) {
    const seen = new Set<string>();
    for (const raw of attributes[jit.groupAttribute]!) {
      const name = raw.trim();
      if (!name || seen.has(name.toLowerCase())) continue;
      if (name.length > ADMIN_LIMITS.groupMax || CONTROL.test(name)) {
        rejected.push({ field: 'group', value: name.slice(0, 200), problem: 'not a usable group name' });
        continue;
      }
      if (groups.length === GROUPS_MAX) {
        rejected.push({
          field: 'group',
          value: name.slice(0, 200),
          problem: `more than ${GROUPS_MAX} groups`,
        });
        break;
      }
      seen.add(name.toLowerCase());
      groups.push(name);
    }
  }
  return { email: rawEmail.toLowerCase(), profile, links, groups, rejected };
}
