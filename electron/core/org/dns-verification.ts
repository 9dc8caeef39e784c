/**
 * Domain ownership by DNS: the admin publishes a TXT record `_tessera-verification.<domain>` whose
 * value is the token Tessera issued for that domain; "Verify" looks the record up and succeeds only
 * on an exact match. Lookups go to the organization's configured resolver, or the system's.
 *
 * Every refusal is an AppError(InvalidInput) with a stable `dns.*` reason the renderer translates
 * and an English message telling the admin what to do.
 */
import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { DomainName } from '../../../shared/admin/schemas';

export const VERIFICATION_LABEL = '_tessera-verification';
export const DNS_TIMEOUT_MS = 5_000;

export function recordNameFor(domain: string): string {
  return `${VERIFICATION_LABEL}.${domain}`;
}

/** 24 random bytes: unguessable, and short enough for any DNS provider's TXT field. */
export function newVerificationToken(): string {
  return `tessera-verification=${randomBytes(24).toString('base64url')}`;
}

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `dns.${reason}`, params);
}

/**
 * A resolver as the admin enters it: "1.1.1.1", "127.0.0.1:5353", "::1" or "[::1]:53". IP
 * addresses only: a resolver named by host name would itself need resolving (by whom?), and a
 * spoofed answer to that lookup would hand the verification to someone else's DNS server.
 */
export function parseResolver(value: string): { host: string; port: number } {
  const input = value.trim();
  let host: string | undefined;
  let port = '53';
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(input);
  const ipv4WithPort = /^([\d.]+):(\d{1,5})$/.exec(input);
  if (bracketed) {
    if (isIP(bracketed[1] ?? '') === 6) host = bracketed[1];
    port = bracketed[2] ?? port;
  } else if (isIP(input) !== 0) {
    // A bare IPv6 address cannot carry a port: its last group would be read as one.
    host = input;
  } else if (ipv4WithPort) {
    if (isIP(ipv4WithPort[1] ?? '') === 4) host = ipv4WithPort[1];
    port = ipv4WithPort[2] ?? port;
  }
  const portNumber = Number(port);
  if (host === undefined || !Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
    throw invalid(
      'badResolver',
      `"${input.slice(0, 100)}" is not a DNS server address. Enter an IP address, optionally with a port: 1.1.1.1, 192.0.2.53:5353, ::1 or [::1]:53.`,
      { value: input.slice(0, 100) },
    );
  }
  return { host, port: portNumber };
}

function serverString({ host, port }: { host: string; port: number }): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'UNKNOWN';
}

/**
 * Succeeds when one TXT record at `_tessera-verification.<domain>` equals `token` exactly (long
 * records arrive in 255-byte chunks, joined here). Throws AppError with a `dns.*` reason otherwise.
 */
export async function verifyDomainTxt(
  domain: string,
  token: string,
  resolver: string | null,
  options?: { timeoutMs?: number },
): Promise<void> {
  const parsedDomain = DomainName.safeParse(domain);
  if (!parsedDomain.success) {
    throw invalid('badDomain', `"${domain.slice(0, 253)}" is not a domain name.`, {
      domain: domain.slice(0, 253),
    });
  }
  const recordName = recordNameFor(parsedDomain.data);
  const timeoutMs = options?.timeoutMs ?? DNS_TIMEOUT_MS;
  const server = resolver === null ? null : serverString(parseResolver(resolver));
  const resolverLabel = server ?? "this computer's DNS servers";

  // c-ares' timeout is per attempt and grows with each retry, so two tries at timeoutMs could take
  // three times as long; half per attempt, and a hard stop at timeoutMs via cancel(), keep the
  // promise.
  const dns = new Resolver({ timeout: Math.max(1, Math.ceil(timeoutMs / 2)), tries: 2 });
  if (server !== null) dns.setServers([server]);
  const deadline = setTimeout(() => dns.cancel(), timeoutMs);

  let records: string[][];
  try {
    records = await dns.resolveTxt(recordName);
  } catch (error) {
    const code = errorCode(error);
    switch (code) {
      case 'ENOTFOUND':
      case 'ENODATA':
        throw invalid(
          'noRecord',
          `There is no TXT record at ${recordName}. Add a TXT record named ${recordName} with the value ${token}, then verify again (new DNS records can take a while to appear).`,
          { recordName, token },
        );
      // ECONNREFUSED: nothing listens at the resolver's address (UDP port unreachable), which to
      // the admin is the same as a server that does not answer. ECANCELLED: our own deadline.
      case 'ETIMEOUT':
      case 'ECONNREFUSED':
      case 'ECANCELLED':
        throw invalid(
          'timeout',
          `The DNS server (${resolverLabel}) did not answer within ${timeoutMs / 1000} seconds. Check the DNS server setting and your network, then try again.`,
          { resolver: resolverLabel, seconds: timeoutMs / 1000 },
        );
      default:
        throw invalid(
          'failed',
          `Looking up the TXT record ${recordName} with ${resolverLabel} failed (${code}). Try again, or use another DNS server.`,
          { recordName, code, resolver: resolverLabel },
        );
    }
  } finally {
    clearTimeout(deadline);
  }

  const values = records.map((chunks) => chunks.join(''));
  if (!values.includes(token)) {
    throw invalid(
      'tokenMismatch',
      `${recordName} has ${values.length} TXT record${values.length === 1 ? '' : 's'}, but none is ${token}. Check that the value was copied exactly, without extra quotes or spaces.`,
      { recordName, found: values.length, token },
    );
  }
}
