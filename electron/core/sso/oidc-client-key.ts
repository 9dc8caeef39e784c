/**
 * private_key_jwt (OpenID Connect Core §9, RFC 7523): instead of a shared secret, Tessera signs a
 * short JWT for each token request with a key of its own. The private key lives in the keychain
 * like a client secret (same slot, same two-store order); its public half is stored with the IdP's
 * settings and published by the sign-in service as a JWKS (`/oidc/jwks`), which the admin registers
 * at the provider — as a JWKS URL when the provider can reach this computer, else by pasting it.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  TOKEN_AUTH_METHODS,
  type OidcEndpoints,
  type OidcSettings,
  type TokenAuthMethod,
} from '../../../shared/admin/schemas';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';

export type ClientPublicJwk = NonNullable<OidcSettings['clientPublicJwk']>;

/** A new RS256 key (RSA 2048: what every provider that takes private_key_jwt accepts). */
export function newClientKey(): { privateKeyPem: string; publicJwk: ClientPublicJwk } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; n: string; e: string };
  // RFC 7638 thumbprint as the kid: stable, and unique to the key.
  const thumbprint = createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest('base64url');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, kid: thumbprint, alg: 'RS256', use: 'sig' },
  };
}

/** The JWKS the sign-in service publishes: every OIDC IdP's private_key_jwt public key. */
export function clientJwks(settings: readonly Pick<OidcSettings, 'clientPublicJwk'>[]): {
  keys: ClientPublicJwk[];
} {
  const keys = settings.flatMap((s) => (s.clientPublicJwk ? [s.clientPublicJwk] : []));
  return { keys: keys.filter((key, index) => keys.findIndex((k) => k.kid === key.kid) === index) };
}

/** Preferred first: the secret-based methods are what most client registrations use. */
export function chooseAuthMethod(
  requested: TokenAuthMethod | undefined,
  endpoints: Pick<OidcEndpoints, 'issuer' | 'tokenEndpointAuthMethods'>,
): TokenAuthMethod {
  const offered = endpoints.tokenEndpointAuthMethods;
  if (requested === undefined)
    return TOKEN_AUTH_METHODS.find((m) => offered.includes(m)) ?? 'client_secret_basic';
  if (!offered.includes(requested)) {
    throw new AppError(
      ErrorCode.InvalidInput,
      `The identity provider ${endpoints.issuer} does not offer ${requested} at its token endpoint; it offers ${offered.join(', ') || 'none that Tessera supports'} (token_endpoint_auth_methods_supported). Choose one of those.`,
      'oidc.authMethodNotOffered',
      { method: requested, offered: offered.join(', ') },
    );
  }
  return requested;
}
