/**
 * Domain verification against a real DNS server: dnsmasq, started by this file on a free port of
 * 127.0.0.1 with the records below, and stopped afterwards.
 */
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newVerificationToken,
  parseResolver,
  recordNameFor,
  verifyDomainTxt,
  VERIFICATION_LABEL,
} from '../../../../electron/core/org/dns-verification';
import { AppError, ErrorCode } from '../../../../shared/ipc/errors';
import { rejectedAppError } from '../../../support/errors';
import { freeUdpPort, startDnsmasq, type RunningDns } from '../../../support/peers';

const TOKEN = newVerificationToken();

async function udpSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectedAppError(promise);
  expect(error.code).toBe(ErrorCode.InvalidInput);
  return error;
}

describe('TXT-record domain verification against dnsmasq', () => {
  let dns: RunningDns;
  let resolver = '';

  beforeAll(async () => {
    dns = await startDnsmasq(
      [
        `--txt-record=${recordNameFor('good.test')},${TOKEN}`,
        // Long values arrive as several strings; the verification joins them.
        `--txt-record=${recordNameFor('chunked.test')},${TOKEN.slice(0, 20)},${TOKEN.slice(20)}`,
        `--txt-record=${recordNameFor('other.test')},something-else`,
        `--txt-record=${recordNameFor('other.test')},tessera-verification=an-older-token`,
        // The name exists (an A record), but has no TXT record: NODATA.
        `--host-record=${recordNameFor('a-only.test')},127.0.0.2`,
      ],
      recordNameFor('good.test'),
    );
    resolver = dns.resolver;
  });

  afterAll(() => dns?.stop());

  it('succeeds when a TXT record equals the token', async () => {
    await expect(verifyDomainTxt('good.test', TOKEN, resolver)).resolves.toBeUndefined();
    await expect(verifyDomainTxt('GOOD.test', TOKEN, resolver)).resolves.toBeUndefined();
  });

  it('joins a record split into several strings', async () => {
    await expect(verifyDomainTxt('chunked.test', TOKEN, resolver)).resolves.toBeUndefined();
  });

  it('reports records that do not match, and how many there are', async () => {
    const error = await refusal(verifyDomainTxt('other.test', TOKEN, resolver));
    expect(error.reason).toBe('dns.tokenMismatch');
    expect(error.params).toMatchObject({ found: 2 });
    // A near miss is still a miss.
    const near = await refusal(verifyDomainTxt('good.test', `${TOKEN} `, resolver));
    expect(near.reason).toBe('dns.tokenMismatch');
  });

  it('tells the admin which record to add when there is none', async () => {
    for (const domain of ['missing.test', 'a-only.test']) {
      const error = await refusal(verifyDomainTxt(domain, TOKEN, resolver));
      expect(error.reason).toBe('dns.noRecord');
      expect(error.params).toEqual({ recordName: `${VERIFICATION_LABEL}.${domain}`, token: TOKEN });
      expect(error.message).toContain(`${VERIFICATION_LABEL}.${domain}`);
      expect(error.message).toContain(TOKEN);
    }
  });

  it('reports other DNS answers with their code', async () => {
    // Outside .test dnsmasq has no upstream to ask, and refuses.
    const error = await refusal(verifyDomainTxt('example.org', TOKEN, resolver));
    expect(error.reason).toBe('dns.failed');
    expect(error.params).toMatchObject({ code: 'EREFUSED' });
  });

  it('says the resolver did not answer when nothing listens at its address', async () => {
    const error = await refusal(
      verifyDomainTxt('good.test', TOKEN, `127.0.0.1:${await freeUdpPort()}`, { timeoutMs: 500 }),
    );
    expect(error.reason).toBe('dns.timeout');
  });

  it('gives up in the time given on a resolver that swallows queries', async () => {
    const blackHole = await udpSocket();
    try {
      const started = Date.now();
      const error = await refusal(
        verifyDomainTxt('good.test', TOKEN, `127.0.0.1:${blackHole.address().port}`, {
          timeoutMs: 400,
        }),
      );
      expect(error.reason).toBe('dns.timeout');
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      blackHole.close();
    }
  });

  it('refuses a malformed domain before asking anyone', async () => {
    expect((await refusal(verifyDomainTxt('not a domain', TOKEN, resolver))).reason).toBe('dns.badDomain');
  });
});

describe('verification tokens and record names', () => {
  it('makes a fresh token of 24 random bytes each time', () => {
    const token = newVerificationToken();
    expect(token).toMatch(/^tessera-verification=[A-Za-z0-9_-]{32}$/);
    expect(newVerificationToken()).not.toBe(token);
  });

  it('puts the record under the verification label', () => {
    expect(recordNameFor('example.com')).toBe('_tessera-verification.example.com');
  });
});

describe('parseResolver', () => {
  it('accepts IP addresses, with or without a port', () => {
    expect(parseResolver('1.1.1.1')).toEqual({ host: '1.1.1.1', port: 53 });
    expect(parseResolver('127.0.0.1:5353')).toEqual({ host: '127.0.0.1', port: 5353 });
    expect(parseResolver('[::1]:53')).toEqual({ host: '::1', port: 53 });
    expect(parseResolver('[2001:db8::53]:5353')).toEqual({ host: '2001:db8::53', port: 5353 });
    expect(parseResolver('::1')).toEqual({ host: '::1', port: 53 });
    expect(parseResolver(' 9.9.9.9 ')).toEqual({ host: '9.9.9.9', port: 53 });
  });

  it('refuses host names, bad addresses and bad ports', () => {
    for (const value of [
      '',
      'dns.google',
      'localhost:53',
      '256.1.1.1',
      '1.1.1',
      '1.1.1.1:0',
      '1.1.1.1:65536',
      '1.1.1.1:',
      '[1.1.1.1]:53',
      '[::1]:',
      '::1]:53',
      '1.1.1.1:53:53',
    ]) {
      let caught: unknown;
      try {
        parseResolver(value);
      } catch (error) {
        caught = error;
      }
      expect(caught, value).toBeInstanceOf(AppError);
      expect((caught as AppError).reason, value).toBe('dns.badResolver');
    }
  });
});
