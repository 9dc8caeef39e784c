/**
 * Is this computer's clock right? TOTP codes are computed from the clock (RFC 6238), so a clock off
 * by more than one time step shows codes that verifiers refuse. The check asks one time server over
 * SNTP (RFC 4330, through @hapi/sntp) and compares its time with ours.
 *
 * A check never throws for network trouble: no answer, an unknown host or a bad answer is the
 * state 'unknown' with a short English detail. Only a malformed server setting is refused, at the
 * edge, with an AppError.
 */
import { time as sntpTime, type TimeResult } from '@hapi/sntp';
import {
  CLOCK_SKEW_LIMIT_MS,
  DEFAULT_NTP_SERVER,
  formatNtpServer,
  ntpServerFromText,
  NtpServerSchema,
  type ClockCheckResult,
  type ClockUnknownReason,
  type NtpServer,
} from '../../../shared/otp/clock-check';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { createLogger } from '../logger';

const log = createLogger('totp-clock');

/**
 * How long one check may take, DNS lookup included. Long enough for a slow network, short enough
 * that an answer delayed that long still pins the offset to within half of it (1.5 s ≪ 30 s).
 */
export const CLOCK_CHECK_TIMEOUT_MS = 3_000;

export interface ClockCheckOptions {
  /** Tessera's clock, the one TOTP codes are computed from (Date.now by default). */
  now?: () => number;
  /** The time server to ask; a string is "host" or "host:port". Default: pool.ntp.org:123. */
  server?: NtpServer | string;
  /** Time limit of one check, in ms. Default CLOCK_CHECK_TIMEOUT_MS. */
  timeoutMs?: number;
}

function badServer(value: string): AppError {
  const shown = value.slice(0, 100);
  return new AppError(
    ErrorCode.InvalidInput,
    `"${shown}" is not a time server. Enter a host name or an IPv4 address, optionally with a port from 1 to 65535: pool.ntp.org, time.example.com:123 or 192.0.2.123.`,
    'clock.badServer',
    { value: shown },
  );
}

/**
 * A server setting as it arrives from outside: "host", "host:port", or { host, port }. Anything
 * else (a URL, a path, user@host, an IPv6 literal, a port out of range) is refused.
 */
export function parseNtpServer(value: unknown): NtpServer {
  if (typeof value !== 'string') {
    const parsed = NtpServerSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const shown =
      typeof value === 'object' && value !== null
        ? `${String('host' in value ? value.host : '')}:${String('port' in value ? value.port : '')}`
        : String(value);
    throw badServer(shown);
  }
  const parsed = ntpServerFromText(value);
  if (!parsed) throw badServer(value);
  return parsed;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** A short English reason for a failed query; the library's error is reduced to a known case or its code. */
interface Unknown {
  detail: string;
  reason: ClockUnknownReason;
  params?: Record<string, string | number>;
}

function describeFailure(error: unknown, server: NtpServer, timeoutMs: number): Unknown {
  const label = formatNtpServer(server);
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  if (message === 'Timeout') {
    const seconds = timeoutMs / 1000;
    return {
      detail: `No answer from ${label} within ${seconds} s.`,
      reason: 'timeout',
      params: { server: label, seconds },
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    // In words, not the resolver's code: the name is misspelt, or this computer has no DNS.
    return {
      detail: `The name ${server.host} could not be found: check its spelling and this computer's network connection.`,
      reason: 'not-found',
      params: { host: server.host },
    };
  }
  if (message === 'Invalid server response' || message === 'Wrong originate timestamp') {
    return {
      detail: `${label} sent something that is not an answer to our request (${message.toLowerCase()}).`,
      reason: 'not-an-answer',
      params: { server: label },
    };
  }
  return {
    detail: `Asking ${label} for the time failed (${code ?? message.slice(0, 100)}).`,
    reason: 'failed',
    params: { server: label, problem: code ?? message.slice(0, 100) },
  };
}

/**
 * RFC 4330 §5: a client must not use an answer whose leap indicator says "alarm" (the server is
 * not synchronised itself) or whose stratum is 0 (a kiss-o'-death). @hapi/sntp hands both back as
 * valid, so they are refused here.
 */
function unusable(answer: TimeResult): Unknown | null {
  if (answer.leapIndicator === 'alarm')
    return { detail: 'The time server is not synchronised itself.', reason: 'not-synchronised' };
  if (answer.stratum === 'death')
    return { detail: 'The time server refused to give the time (kiss-o\u2019-death).', reason: 'refused' };
  if (!Number.isFinite(answer.t) || !Number.isFinite(answer.d))
    return { detail: 'The time server sent an unusable time.', reason: 'unusable-time' };
  return null;
}

export class ClockCheckService {
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private target: NtpServer;
  private latest: ClockCheckResult | null = null;
  private running: { server: string; promise: Promise<ClockCheckResult> } | null = null;

  constructor(options: ClockCheckOptions = {}) {
    this.now = options.now ?? Date.now;
    const timeoutMs = options.timeoutMs ?? CLOCK_CHECK_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
      throw new RangeError(`timeoutMs must be a positive integer, not ${timeoutMs}.`);
    }
    this.timeoutMs = timeoutMs;
    this.target = options.server === undefined ? { ...DEFAULT_NTP_SERVER } : parseNtpServer(options.server);
  }

  get server(): NtpServer {
    return { ...this.target };
  }

  /** Validates and switches the server; a result cached for another server is dropped. */
  setServer(server: unknown): NtpServer {
    const parsed = parseNtpServer(server);
    if (formatNtpServer(parsed) !== formatNtpServer(this.target)) {
      this.target = parsed;
      this.latest = null;
    }
    return this.server;
  }

  /** The last result for the current server, without asking it again; null before the first check. */
  last(): ClockCheckResult | null {
    return this.latest;
  }

  /**
   * Asks the server, or, with `maxAgeMs`, returns the last result if it is that fresh. Calls made
   * while a check for the same server runs share it: one query at a time. Never rejects.
   */
  check(options: { maxAgeMs?: number } = {}): Promise<ClockCheckResult> {
    const server = formatNtpServer(this.target);
    const cached = this.latest;
    if (options.maxAgeMs !== undefined && cached?.server === server) {
      // A negative age means our clock went back since: not fresh, whatever it says.
      const age = this.now() - cached.checkedAt;
      if (age >= 0 && age <= options.maxAgeMs) return Promise.resolve(cached);
    }
    if (this.running?.server === server) return this.running.promise;

    const promise = this.query(this.server).then((result) => {
      if (this.running?.promise === promise) this.running = null;
      // The server may have been changed while this one was asked: keep only a current answer.
      if (result.server === formatNtpServer(this.target)) this.latest = result;
      return result;
    });
    this.running = { server, promise };
    return promise;
  }

  private async query(server: NtpServer): Promise<ClockCheckResult> {
    const label = formatNtpServer(server);
    const unknown = ({ detail, reason, params }: Unknown): ClockCheckResult => {
      log.info(`Clock check with ${label}: unknown (${detail})`);
      return {
        state: 'unknown',
        offsetMs: null,
        checkedAt: this.now(),
        server: label,
        detail,
        reason,
        ...(params ? { params } : {}),
      };
    };

    let answer: TimeResult;
    try {
      // The library's timeout starts before the DNS lookup and closes the socket when it fires.
      answer = await sntpTime({ host: server.host, port: server.port, timeout: this.timeoutMs });
    } catch (error) {
      return unknown(describeFailure(error, server, this.timeoutMs));
    }
    const refusal = unusable(answer);
    if (refusal !== null) return unknown(refusal);

    // The library measures against Date.now() (T1 and T4 of RFC 4330 §5), and its `t` is the
    // round-trip-corrected offset ((T2 − T1) + (T3 − T4)) / 2, exact when the way there and back
    // take equally long, and off by at most half the round trip (< the time limit / 2) otherwise.
    // Tessera's clock may differ from Date.now() (it is injected); read both together to carry
    // the offset over to it.
    const ours = this.now();
    const skew = ours - Date.now();
    // Sub-millisecond digits mean nothing at a 30 s threshold.
    const offsetMs = Math.round(answer.t - skew);
    const state = Math.abs(offsetMs) > CLOCK_SKEW_LIMIT_MS ? 'off' : 'ok';
    log.info(
      `Clock check with ${label}: ${state}, offset ${offsetMs} ms, round trip ${Math.round(answer.d)} ms`,
    );
    return { state, offsetMs, checkedAt: ours, server: label };
  }
}
