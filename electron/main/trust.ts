/**
 * Which URLs are Tessera's own renderer: tessera://app/… in the built app, and electron-vite's dev
 * server in development. Compared by scheme and host, not by URL.origin: for a custom scheme
 * such as tessera:, Node's URL parser gives the origin "null".
 */
export const APP_SCHEME = 'tessera';
export const APP_HOST = 'app';

export function isTrustedRendererUrl(url: string | undefined, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    !parsed.username &&
    !parsed.password
  )
    return true;
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin;
}

/**
 * A Test SSO link of our own sign-in service (http://127.0.0.1:<port>/test/<uuid>): the one kind of
 * window our renderer may open, and only into an isolated test window (see openTestWindow).
 */
export function isTestSsoUrl(url: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d{4,5}\/test\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
    url,
  );
}
