/**
 * OpenID Connect discovery for the IdP form: fetch the provider's configuration, check it the way
 * the sign-in will rely on it, and keep only what Tessera stores (OidcSettings' endpoints and
 * algorithms). The admin may enter either the issuer (https://idp.example.com/tenant) or the full
 * document address (…/tenant/.well-known/openid-configuration); both end in the same checks.
 *
 * Every refusal is an AppError(InvalidInput) with a stable `oidc.*` reason the renderer translates
 * and an English message that names the URL or field at fault.
 */
import * as client from 'openid-client';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import {
  isAllowedEndpoint,
  isLoopbackHost,
  TOKEN_AUTH_METHODS,
  type OidcEndpoints,
  type TokenAuthMethod,
} from '../../../shared/admin/schemas';
import { templatedIdentifierFix } from './templated-id';

/** The same shape the contract returns: checked endpoints, and the ID-token algorithms we accept. */
export type DiscoveredOidc = OidcEndpoints;

export const DISCOVERY_TIMEOUT_MS = 5_000;
/** A real configuration is a few kilobytes; anything this large is not one (or is an attack). */
export const DISCOVERY_MAX_BYTES = 256 * 1024;

/**
 * Asymmetric algorithms openid-client verifies ID tokens with. Never "none" (unsigned) and never
 * HS* (keyed with the client secret, so anyone holding the secret could mint tokens).
 */
export const SUPPORTED_ID_TOKEN_ALGS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

const WELL_KNOWN = '/.well-known/openid-configuration';
const HTTP_ONLY_LOCAL = 'http:// is allowed only for 127.0.0.1 or localhost';

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `oidc.${reason}`, params);
}

/** Hostile documents can carry megabytes in one field; messages quote at most this much. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The document address OpenID Connect Discovery §4 derives from an issuer: a terminating "/" of the
 * path is dropped before appending. oauth4webapi builds the same address from an issuer URL.
 */
function wellKnownFor(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return null;
  }
  url.pathname = url.pathname.replace(/\/$/, '') + WELL_KNOWN;
  return url.href;
}

interface Target {
  /** What goes to discovery(): the issuer, or the document address as entered. */
  request: URL;
  /** Where the document is fetched from (messages name it). */
  documentUrl: string;
  /** The issuer the admin's URL names; the document must state exactly this issuer. */
  issuer: string;
  loopback: boolean;
}

function targetOf(discoveryUrl: string): Target {
  const input = discoveryUrl.trim();
  if (!isAllowedEndpoint(input)) {
    throw invalid(
      'insecureUrl',
      `The discovery URL "${quote(input)}" must start with https:// (${HTTP_ONLY_LOCAL}).`,
      { url: quote(input) },
    );
  }
  const url = new URL(input);
  const loopback = isLoopbackHost(url.hostname);
  if (url.search || url.hash) {
    throw invalid(
      'badUrl',
      `The discovery URL "${quote(input)}" must not contain "?" or "#". Enter the issuer, such as https://idp.example.com, or its ${WELL_KNOWN} address.`,
      { url: quote(input) },
    );
  }
  if (url.pathname.endsWith(WELL_KNOWN)) {
    const issuerPath = url.pathname.slice(0, -WELL_KNOWN.length);
    // discovery() fetches a well-known address as is and skips its issuer check; checkIssuer()
    // below makes up for that.
    return {
      request: url,
      documentUrl: url.href,
      issuer: issuerPath ? `${url.origin}${issuerPath}` : url.origin,
      loopback,
    };
  }
  if (url.pathname.includes('/.well-known/')) {
    // e.g. RFC 8414's oauth-authorization-server: a different document with different rules.
    throw invalid(
      'badUrl',
      `"${quote(input)}" is not an OpenID Connect discovery address. Enter the issuer, such as https://idp.example.com, or its ${WELL_KNOWN} address.`,
      { url: quote(input) },
    );
  }
  return { request: url, documentUrl: wellKnownFor(url.href) ?? url.href, issuer: input, loopback };
}

/**
 * openid-client hands `fetch`'s Response straight to `response.json()`, which reads any amount.
 * This reads at most DISCOVERY_MAX_BYTES (after content decoding, so a gzip bomb is cut short too)
 * and hands the library a Response with the bytes already in memory. The library's timeout signal
 * covers the body as well as the headers.
 */
function cappedFetch(documentUrl: string): client.CustomFetch {
  return async (url, options) => {
    const response = await fetch(url, options);
    const tooLarge = () =>
      invalid(
        'tooLarge',
        `The document at ${documentUrl} is larger than ${DISCOVERY_MAX_BYTES / 1024} KiB, far more than an OpenID configuration. Check the discovery URL.`,
        { url: documentUrl, maxKiB: DISCOVERY_MAX_BYTES / 1024 },
      );
    if (response.status !== 200) {
      // Redirects included: following one could lead anywhere, and the issuer check would then
      // compare against a document from somewhere the admin never named.
      await response.body?.cancel().catch(() => undefined);
      throw invalid(
        'unreachable',
        `${documentUrl} answered with HTTP ${response.status} instead of 200 (redirects are not followed). Check the discovery URL.`,
        { url: documentUrl, status: response.status },
      );
    }
    if (!response.body) throw notJson(documentUrl);
    if (Number(response.headers.get('content-length')) > DISCOVERY_MAX_BYTES) {
      await response.body.cancel().catch(() => undefined);
      throw tooLarge();
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > DISCOVERY_MAX_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
    return new Response(Buffer.concat(chunks), { status: 200, headers: response.headers });
  };
}

/** The error and its causes, outermost first (openid-client wraps oauth4webapi wraps fetch). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && chain.length < 6) {
    chain.push(current);
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return chain;
}

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const property: unknown = (value as Record<string, unknown>)[key];
  return typeof property === 'string' ? property : undefined;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `code`s openid-client's errors carry. They are oauth4webapi's exported constants, which
 * openid-client passes on without exporting, and oauth4webapi is not our dependency to import.
 * The tests provoke every one a provider can cause (the others are refused before any request), so
 * a renamed code fails them rather than slipping through.
 */
const OAUTH = {
  timeout: 'OAUTH_TIMEOUT',
  notConform: 'OAUTH_RESPONSE_IS_NOT_CONFORM',
  parseError: 'OAUTH_PARSE_ERROR',
  notJson: 'OAUTH_RESPONSE_IS_NOT_JSON',
  invalidResponse: 'OAUTH_INVALID_RESPONSE',
  attributeMismatch: 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  httpForbidden: 'OAUTH_HTTP_REQUEST_FORBIDDEN',
  protocolForbidden: 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN',
} as const;

// Socket-level timeouts undici reports by code (its own connect/headers timers, the kernel's).
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Turns what discovery() throws into our reasons, by the libraries' codes rather than wording. */
function mapDiscoveryError(error: unknown, target: Target, timeoutMs: number): AppError {
  const chain = causeChain(error);
  const own = chain.find((e): e is AppError => e instanceof AppError);
  if (own) return own;
  const url = target.documentUrl;

  const timedOut = chain.some(
    (e) =>
      stringProperty(e, 'name') === 'TimeoutError' ||
      stringProperty(e, 'code') === OAUTH.timeout ||
      TIMEOUT_CODES.has(stringProperty(e, 'code') ?? ''),
  );
  if (timedOut) {
    return invalid(
      'timeout',
      `${url} did not answer within ${timeoutMs / 1000} seconds. Check the address, or try again when the identity provider is reachable.`,
      { url, seconds: timeoutMs / 1000 },
    );
  }

  if (error instanceof client.ClientError) {
    switch (error.code) {
      case OAUTH.notConform: {
        // cappedFetch() already refuses every status but 200; kept in case the library's own rules
        // grow. oauth4webapi's cause is the Response itself.
        const status = error.cause instanceof Response ? error.cause.status : undefined;
        return invalid(
          'unreachable',
          `${url} answered with HTTP ${status ?? 'an unexpected status'} instead of 200. Check the discovery URL.`,
          status === undefined ? { url } : { url, status },
        );
      }
      case OAUTH.parseError:
      case OAUTH.notJson:
        return notJson(url);
      case OAUTH.invalidResponse: {
        // Either the body is not a JSON object, or it is one whose "issuer" is not a string.
        const body = chain.map((e) => (isJsonObject(e) ? e.body : undefined)).find((b) => b !== undefined);
        if (!isJsonObject(body)) return notJson(url);
        return missingField(url, 'issuer');
      }
      case OAUTH.attributeMismatch: {
        const cause = isJsonObject(error.cause) ? error.cause : {};
        const body = isJsonObject(cause.body) ? cause.body : {};
        return issuerMismatch(target.issuer, body.issuer);
      }
      case OAUTH.httpForbidden:
      case OAUTH.protocolForbidden:
        return invalid(
          'insecureUrl',
          `The discovery URL "${url}" must start with https:// (${HTTP_ONLY_LOCAL}).`,
          {
            url,
          },
        );
    }
  }

  if (error instanceof TypeError) {
    const code = stringProperty(error, 'code');
    // discovery() parses the document's issuer with `new URL` before comparing it.
    if (code === 'ERR_INVALID_URL') return issuerMismatch(target.issuer, stringProperty(error, 'input'));
    // Argument errors are our bugs, not the provider's: let them surface as such.
    if (code?.startsWith('ERR_INVALID_ARG')) return internal(error);
    // What remains is fetch's "network error": refused, reset, DNS, TLS; the cause has the code.
    const networkCode = chain.map((e) => stringProperty(e, 'code')).find((c) => c !== undefined);
    return invalid(
      'unreachable',
      `Could not connect to ${url}${networkCode ? ` (${networkCode})` : ''}. Check the address and that this computer can reach the identity provider.`,
      networkCode ? { url, code: networkCode } : { url },
    );
  }
  return internal(error);
}

function internal(error: unknown): AppError {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AppError(ErrorCode.Internal, `OpenID discovery failed unexpectedly (${detail}).`);
}

function notJson(url: string): AppError {
  return invalid(
    'notJson',
    `${url} did not return an OpenID configuration (a JSON object). Check that this is the identity provider's discovery address.`,
    { url },
  );
}

function missingField(url: string, field: string): AppError {
  return invalid('missingField', `The OpenID configuration at ${url} has no "${field}".`, {
    field,
    url,
  });
}

function issuerMismatch(expected: string, actual: unknown): AppError {
  // openid-client compares the issuer itself when given one; a template fails that comparison.
  const templated = typeof actual === 'string' ? templatedIdentifierFix(actual) : null;
  if (templated) return templatedIssuer(actual as string, templated);
  const shown = quote(actual ?? '');
  return invalid(
    'issuerMismatch',
    `The identity provider states its issuer as "${shown}", but the discovery URL names "${expected}". They must match exactly: enter the issuer as the provider states it, or check that the URL is the right provider's.`,
    { expected, actual: shown },
  );
}

/**
 * Discovery §4.3: the stated issuer must be the one whose well-known address we fetched.
 * openid-client checks this only when given an issuer, and even then waives it for Entra ID and
 * Azure AD B2C hosts. We do not: a templated multi-tenant issuer ("{tenantid}") would let any
 * tenant sign in. Such providers use their tenant's own issuer, or the manual form.
 */
function checkIssuer(stated: unknown, target: Target): string {
  if (typeof stated !== 'string' || stated.length === 0) throw missingField(target.documentUrl, 'issuer');
  const templated = templatedIdentifierFix(stated);
  if (templated) throw templatedIssuer(stated, templated);
  if (wellKnownFor(stated) !== target.documentUrl) throw issuerMismatch(target.issuer, stated);
  return stated;
}

/**
 * A multi-tenant document (Entra ID's /common, /organizations) states its issuer as a template,
 * "https://login.microsoftonline.com/{tenantid}/v2.0": it names no one issuer, and accepting it
 * would let every tenant's users in. The admin's tenant has its own document with its own issuer.
 */
function templatedIssuer(stated: string, suggestion: string, field?: string): AppError {
  return invalid(
    'templatedIssuer',
    `The issuer "${quote(stated)}" is a template for many tenants, not one identity provider. Put your tenant ID in the URL instead: ${suggestion} (your tenant ID is in the provider's admin console).`,
    { issuer: quote(stated), suggestion, ...(field ? { field } : {}) },
  );
}

/**
 * The token endpoint authentication methods Tessera can use with this provider (Discovery §3:
 * absent means client_secret_basic). private_key_jwt signs with RS256; a provider that announces
 * other signing algorithms only does not get it.
 */
function authMethods(document: Record<string, unknown>, issuer: string): TokenAuthMethod[] {
  const announced = document.token_endpoint_auth_methods_supported;
  if (announced === undefined || announced === null) return ['client_secret_basic'];
  const list = Array.isArray(announced) ? announced.filter((m): m is string => typeof m === 'string') : [];
  const algs = document.token_endpoint_auth_signing_alg_values_supported;
  const rs256 = !Array.isArray(algs) || algs.includes('RS256');
  const usable = TOKEN_AUTH_METHODS.filter(
    (method) => list.includes(method) && (method !== 'private_key_jwt' || rs256),
  );
  if (usable.length === 0) {
    const shown = list.length ? list.slice(0, 10).join(', ') : 'none';
    throw invalid(
      'noSupportedAuthMethod',
      `The identity provider ${issuer} lets clients authenticate at its token endpoint only with ${quote(shown)} (token_endpoint_auth_methods_supported); Tessera supports ${TOKEN_AUTH_METHODS.join(', ')}.`,
      { issuer, announced: quote(shown) },
    );
  }
  return usable;
}

function endpoint(document: Record<string, unknown>, field: string, url: string, required: true): string;
function endpoint(
  document: Record<string, unknown>,
  field: string,
  url: string,
  required: false,
): string | null;
function endpoint(
  document: Record<string, unknown>,
  field: string,
  url: string,
  required: boolean,
): string | null {
  const value = document[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw missingField(url, field);
    return null;
  }
  if (typeof value !== 'string' || !isAllowedEndpoint(value)) {
    throw invalid(
      'insecureEndpoint',
      `The OpenID configuration at ${url} gives "${field}" as "${quote(value)}", which is not an https:// address (${HTTP_ONLY_LOCAL}).`,
      { field, url },
    );
  }
  return value;
}

function checkDocument(document: Record<string, unknown>, target: Target): DiscoveredOidc {
  const url = target.documentUrl;
  const issuer = checkIssuer(document.issuer, target);
  const result = {
    issuer,
    authorizationEndpoint: endpoint(document, 'authorization_endpoint', url, true),
    tokenEndpoint: endpoint(document, 'token_endpoint', url, true),
    jwksUri: endpoint(document, 'jwks_uri', url, true),
    userinfoEndpoint: endpoint(document, 'userinfo_endpoint', url, false),
    endSessionEndpoint: endpoint(document, 'end_session_endpoint', url, false),
  };
  // The issuer is compared with the URL above, so it shares its scheme; check it all the same.
  if (!isAllowedEndpoint(issuer)) {
    throw invalid(
      'insecureEndpoint',
      `The OpenID configuration at ${url} gives "issuer" as "${quote(issuer)}", which is not an https:// address (${HTTP_ONLY_LOCAL}).`,
      { field: 'issuer', url },
    );
  }

  const responseTypes = document.response_types_supported;
  // Exactly "code": "code id_token" (hybrid) would put an ID token in the browser's URL.
  if (!Array.isArray(responseTypes) || !responseTypes.includes('code')) {
    throw invalid(
      'noCodeFlow',
      `The identity provider ${issuer} does not offer the authorization code flow ("code" is not in response_types_supported). Tessera signs in only with that flow.`,
      { issuer },
    );
  }

  const announced = document.id_token_signing_alg_values_supported;
  const announcedAlgs = Array.isArray(announced)
    ? announced.filter((a): a is string => typeof a === 'string')
    : [];
  const algs = announcedAlgs.filter((a) => SUPPORTED_ID_TOKEN_ALGS.includes(a));
  if (algs.length === 0) {
    const list = announcedAlgs.length ? announcedAlgs.slice(0, 10).join(', ') : 'none announced';
    throw invalid(
      'noSupportedAlg',
      `The identity provider ${issuer} signs ID tokens with ${quote(list)} (id_token_signing_alg_values_supported); Tessera accepts only ${SUPPORTED_ID_TOKEN_ALGS.join(', ')}.`,
      { issuer, announced: quote(list) },
    );
  }
  return {
    ...result,
    idTokenSigningAlgs: algs,
    issParameterSupported: document.authorization_response_iss_parameter_supported === true,
    tokenEndpointAuthMethods: authMethods(document, issuer),
  };
}

/** Fetches and checks an OpenID provider's configuration; throws AppError with an `oidc.*` reason. */
export async function discoverOidc(
  discoveryUrl: string,
  options?: { timeoutMs?: number },
): Promise<DiscoveredOidc> {
  const timeoutMs = options?.timeoutMs ?? DISCOVERY_TIMEOUT_MS;
  const target = targetOf(discoveryUrl);
  let configuration: client.Configuration;
  try {
    configuration = await client.discovery(
      target.request,
      // discovery() returns a client configuration and so wants a client id, but fetching the
      // provider's metadata never sends it; we keep only the metadata, so any non-empty value will
      // do. The real client id is the admin's and goes to the provider only at sign-in.
      'tessera-discovery',
      undefined,
      undefined,
      {
        // Plain http only for a provider on this machine (test IdPs); openid-client refuses it
        // otherwise, and targetOf() has already refused non-loopback http before any request.
        execute: target.loopback ? [client.allowInsecureRequests] : [],
        [client.customFetch]: cappedFetch(target.documentUrl),
        // openid-client counts seconds; it turns this into an AbortSignal for the whole request.
        timeout: timeoutMs / 1000,
      },
    );
  } catch (error) {
    throw mapDiscoveryError(error, target, timeoutMs);
  }
  // Typed as the metadata openid-client understands, but it is the provider's JSON object as sent:
  // check every field as unknown.
  const document: unknown = configuration.serverMetadata();
  if (!isJsonObject(document)) throw notJson(target.documentUrl);
  return checkDocument(document, target);
}

export interface ManualOidcEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** '' when the provider has none. */
  userinfoEndpoint: string;
  /** '' when the provider has none. */
  endSessionEndpoint: string;
}

const MANUAL_LABELS: Record<keyof ManualOidcEndpoints, string> = {
  issuer: 'issuer',
  authorizationEndpoint: 'authorization endpoint',
  tokenEndpoint: 'token endpoint',
  jwksUri: 'JWKS URI',
  userinfoEndpoint: 'userinfo endpoint',
  endSessionEndpoint: 'end-session endpoint',
};

/**
 * The manual form's endpoints, checked like discovered ones. `params.field` is the form field's
 * name so the renderer can put the message under it. Without a discovery document nothing tells
 * us the algorithm, so RS256 (the OpenID Connect default) is pinned.
 */
export function validateManualOidc(endpoints: ManualOidcEndpoints, automaticLogout: boolean): DiscoveredOidc {
  const check = (field: keyof ManualOidcEndpoints, required: boolean): string | null => {
    const value = endpoints[field].trim();
    if (value === '') {
      if (!required) return null;
      throw invalid('missingField', `Enter the ${MANUAL_LABELS[field]}.`, { field });
    }
    if (!isAllowedEndpoint(value)) {
      throw invalid(
        'insecureEndpoint',
        `The ${MANUAL_LABELS[field]} "${quote(value)}" must be an https:// address (${HTTP_ONLY_LOCAL}).`,
        { field },
      );
    }
    return value;
  };
  const required = (field: keyof ManualOidcEndpoints): string => check(field, true) ?? '';
  const issuer = endpoints.issuer.trim();
  const templated = templatedIdentifierFix(issuer);
  if (templated) throw templatedIssuer(issuer, templated, 'issuer');
  const result: DiscoveredOidc = {
    issuer: required('issuer'),
    authorizationEndpoint: required('authorizationEndpoint'),
    tokenEndpoint: required('tokenEndpoint'),
    jwksUri: required('jwksUri'),
    userinfoEndpoint: check('userinfoEndpoint', false),
    endSessionEndpoint: check('endSessionEndpoint', false),
    idTokenSigningAlgs: ['RS256'],
    issParameterSupported: false,
    // Nothing announced: the admin chooses the method the provider was configured with.
    tokenEndpointAuthMethods: [...TOKEN_AUTH_METHODS],
  };
  if (automaticLogout && result.endSessionEndpoint === null) {
    throw invalid(
      'endSessionRequired',
      'Automatic logout needs the end-session endpoint. Enter it, or turn automatic logout off.',
      { field: 'endSessionEndpoint' },
    );
  }
  return result;
}
