/**
 * Multi-tenant identity providers publish one document for every tenant, with the tenant left as a
 * placeholder: Entra ID's common SAML metadata names its entity "https://sts.windows.net/{tenantid}/"
 * and its /common OpenID configuration the issuer "https://login.microsoftonline.com/{tenantid}/v2.0".
 * Such an identifier matches no one response (or, compared loosely, every tenant's), so Tessera
 * refuses it and says what to use instead: the same address with the admin's own tenant in it.
 */

/** `{tenantid}`, `{tenant}`, `{tenant_id}`, `{issuer}` …: a brace-delimited word. */
const PLACEHOLDER = '\\{[A-Za-z0-9_.-]{1,40}\\}';

/**
 * Null for an ordinary identifier; for a templated one, the identifier with each placeholder
 * replaced by what the admin must put there (the fix to show).
 */
export function templatedIdentifierFix(identifier: string): string | null {
  if (!new RegExp(PLACEHOLDER).test(identifier)) return null;
  return identifier.replace(new RegExp(PLACEHOLDER, 'g'), (placeholder) =>
    /tenant/i.test(placeholder) ? '<your tenant ID>' : `<${placeholder.slice(1, -1)}>`,
  );
}
