/** "Issuer (account)", as accounts are named in the list; for showing a scanned link only, never trusted. */
export function describeOtpauth(text: string): string {
  try {
    const url = new URL(text);
    const label = decodeURIComponent(url.pathname.replace(/^\//, ''));
    const colon = label.indexOf(':');
    const account = (colon === -1 ? label : label.slice(colon + 1)).trim();
    const issuer = url.searchParams.get('issuer') || (colon === -1 ? '' : label.slice(0, colon).trim());
    return issuer ? `${issuer} (${account})` : account;
  } catch {
    return text.slice(0, 120);
  }
}
