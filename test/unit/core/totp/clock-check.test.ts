/**
 * The clock check against a real NTP server: chronyd, serving this machine's clock on a free port
 * of 127.0.0.1 (test/support/ntp-server.ts). Tessera's clock is injected, so "5 minutes ahead"
 * needs no change to the machine's clock. Offsets are server time − Tessera's time.
 */
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClockCheckService,
  CLOCK_CHECK_TIMEOUT_MS,
  parseNtpServer,
} from '../../../../electron/core/totp/clock-check';
import {
  CLOCK_SKEW_LIMIT_MS,
  ClockCheckResultSchema,
  DEFAULT_NTP_SERVER,
} from '../../../../shared/otp/clock-check';
import { ErrorCode } from '../../../../shared/ipc/errors';
import { thrownAppError } from '../../../support/errors';
import { startChrony, type RunningChrony } from '../../../support/ntp-server';
import { freeUdpPort } from '../../../support/peers';

const MINUTE = 60_000;
/** What loopback, timer and scheduling noise may add to a measured offset. */
const NOISE_MS = 250;

/** A UDP socket on 127.0.0.1 that counts what it receives and never answers. */
async function silentServer(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  const socket: Socket = createSocket('udp4');
  let count = 0;
  socket.on('message', () => count++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    received: () => count,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

describe('ClockCheckService against chronyd', () => {
  let chrony: RunningChrony;
  const server = () => ({ host: chrony.host, port: chrony.port });

  beforeAll(async () => {
    chrony = await startChrony();
  });
  afterAll(() => chrony?.stop());

  it('finds a right clock right: ok, with a small offset', async () => {
    const service = new ClockCheckService({ server: server() });
    const before = Date.now();
    const result = await service.check();
    expect(ClockCheckResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ state: 'ok', server: `127.0.0.1:${chrony.port}` });
    expect(result.detail).toBeUndefined();
    expect(Math.abs(result.offsetMs ?? Infinity)).toBeLessThan(NOISE_MS);
    expect(result.checkedAt).toBeGreaterThanOrEqual(before);
    expect(result.checkedAt).toBeLessThanOrEqual(Date.now());
  });

  it('finds a clock 5 minutes ahead off, with the offset negative (server − ours)', async () => {
    const service = new ClockCheckService({ server: server(), now: () => Date.now() + 5 * MINUTE });
    const result = await service.check();
    expect(result.state).toBe('off');
    expect(result.offsetMs).toBeGreaterThan(-5 * MINUTE - NOISE_MS);
    expect(result.offsetMs).toBeLessThan(-5 * MINUTE + NOISE_MS);
    // checkedAt is by Tessera's own (wrong) clock.
    expect(result.checkedAt).toBeGreaterThan(Date.now() + 4 * MINUTE);
  });

  it('finds a clock 5 minutes behind off, with the offset positive', async () => {
    const service = new ClockCheckService({ server: server(), now: () => Date.now() - 5 * MINUTE });
    const result = await service.check();
    expect(result.state).toBe('off');
    expect(Math.abs((result.offsetMs ?? 0) - 5 * MINUTE)).toBeLessThan(NOISE_MS);
  });

  it('accepts up to one TOTP step: 10 s ahead is ok, 40 s ahead is off', async () => {
    const ten = await new ClockCheckService({ server: server(), now: () => Date.now() + 10_000 }).check();
    expect(ten.state).toBe('ok');
    expect(Math.abs((ten.offsetMs ?? 0) + 10_000)).toBeLessThan(NOISE_MS);

    const forty = await new ClockCheckService({ server: server(), now: () => Date.now() + 40_000 }).check();
    expect(forty.state).toBe('off');
    expect(Math.abs((forty.offsetMs ?? 0) + 40_000)).toBeLessThan(NOISE_MS);
    expect(CLOCK_SKEW_LIMIT_MS).toBe(30_000);
  });

  it('keeps the last result, and reuses it only when asked and fresh enough', async () => {
    let shift = 0;
    const service = new ClockCheckService({ server: server(), now: () => Date.now() + shift });
    expect(service.last()).toBeNull();
    const first = await service.check();
    expect(service.last()).toBe(first);
    expect(await service.check({ maxAgeMs: MINUTE })).toBe(first);

    // The clock jumps ahead: the cached answer is now too old, and a new one sees the jump.
    shift = 2 * MINUTE;
    const second = await service.check({ maxAgeMs: MINUTE });
    expect(second).not.toBe(first);
    expect(second.state).toBe('off');
    expect(service.last()).toBe(second);
  });

  it('changes servers only to a valid one, and forgets the old server’s result', async () => {
    const service = new ClockCheckService({ server: server() });
    await service.check();
    expect(service.last()).not.toBeNull();
    expect(() => service.setServer('http://evil.test/')).toThrow();
    expect(service.last()).not.toBeNull();
    expect(service.setServer(`localhost:${chrony.port}`)).toEqual({ host: 'localhost', port: chrony.port });
    expect(service.last()).toBeNull();
    // A host name is looked up (localhost → 127.0.0.1) and asked like an address.
    const result = await service.check();
    expect(result).toMatchObject({ state: 'ok', server: `localhost:${chrony.port}` });
  });
});

describe('ClockCheckService with a server that does not answer', () => {
  it('says in words that a name could not be found, never the resolver’s code', async () => {
    // RFC 6761 §6.4: .invalid never resolves.
    const service = new ClockCheckService({ server: 'no-such-time-server.invalid', timeoutMs: 2_000 });
    const result = await service.check();
    expect(result).toMatchObject({
      state: 'unknown',
      reason: 'not-found',
      params: { host: 'no-such-time-server.invalid' },
    });
    expect(result.detail).toContain('could not be found');
    expect(result.detail).not.toMatch(/ENOTFOUND|EAI_/);
  });

  it('says unknown, within the time limit, when nobody listens on the port', async () => {
    const port = await freeUdpPort();
    const service = new ClockCheckService({ server: { host: '127.0.0.1', port }, timeoutMs: 500 });
    const started = Date.now();
    const result = await service.check();
    const took = Date.now() - started;
    expect(result).toMatchObject({ state: 'unknown', offsetMs: null, server: `127.0.0.1:${port}` });
    expect(result.detail).toBe(`No answer from 127.0.0.1:${port} within 0.5 s.`);
    // The code and values the authenticator words in the person's language.
    expect(result).toMatchObject({
      reason: 'timeout',
      params: { server: `127.0.0.1:${port}`, seconds: 0.5 },
    });
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(500 + 1_000);
    expect(service.last()).toBe(result);
  });

  it('keeps to the default time limit of 3 s', async () => {
    expect(CLOCK_CHECK_TIMEOUT_MS).toBe(3_000);
    const silent = await silentServer();
    try {
      const service = new ClockCheckService({ server: { host: '127.0.0.1', port: silent.port } });
      const started = Date.now();
      const result = await service.check();
      const took = Date.now() - started;
      expect(result.state).toBe('unknown');
      expect(silent.received()).toBe(1);
      expect(took).toBeGreaterThanOrEqual(2_900);
      expect(took).toBeLessThan(3_000 + 1_000);
    } finally {
      await silent.close();
    }
  });

  it('runs one query at a time: calls during a check share it', async () => {
    const silent = await silentServer();
    try {
      const service = new ClockCheckService({
        server: { host: '127.0.0.1', port: silent.port },
        timeoutMs: 300,
      });
      const first = service.check();
      const second = service.check();
      expect(second).toBe(first);
      const [a, b] = await Promise.all([first, second]);
      expect(a).toBe(b);
      expect(silent.received()).toBe(1);
      // Once it is over, the next call asks again.
      await service.check();
      expect(silent.received()).toBe(2);
    } finally {
      await silent.close();
    }
  });
});

describe('ClockCheckService with a server that answers badly', () => {
  it('refuses the answer of an unsynchronised server (chronyd without a time source)', async () => {
    const unsynced = await startChrony({ synchronised: false });
    try {
      const service = new ClockCheckService({ server: { host: unsynced.host, port: unsynced.port } });
      const result = await service.check();
      expect(result).toMatchObject({ state: 'unknown', offsetMs: null });
      expect(result.detail).toBe('The time server is not synchronised itself.');
    } finally {
      await unsynced.stop();
    }
  });

  it('refuses garbage and answers to someone else’s request', async () => {
    const socket = createSocket('udp4');
    let reply: (request: Buffer) => Buffer = (request) => request;
    socket.on('message', (request, from) => socket.send(reply(request), from.port, from.address));
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    try {
      const service = new ClockCheckService({ server: { host: '127.0.0.1', port: socket.address().port } });

      reply = () => Buffer.from('not an NTP packet');
      const garbage = await service.check();
      expect(garbage.state).toBe('unknown');
      expect(garbage.detail).toContain('not an answer to our request');

      // A well-formed server answer (version 4, mode 4, stratum 1) whose originate timestamp is
      // not the transmit timestamp we sent: a stale or forged answer.
      reply = (request) => {
        const answer = Buffer.alloc(48);
        answer[0] = (4 << 3) | 4;
        answer[1] = 1;
        request.copy(answer, 24, 40, 48);
        answer.writeUInt32BE(answer.readUInt32BE(24) - 1, 24);
        request.copy(answer, 32, 40, 48);
        request.copy(answer, 40, 40, 48);
        return answer;
      };
      const forged = await service.check();
      expect(forged.state).toBe('unknown');
      expect(forged.detail).toContain('wrong originate timestamp');
    } finally {
      await new Promise<void>((resolve) => socket.close(() => resolve()));
    }
  });
});

describe('the time server setting', () => {
  it('defaults to the NTP Pool on port 123', () => {
    expect(new ClockCheckService().server).toEqual({ host: 'pool.ntp.org', port: 123 });
    expect(DEFAULT_NTP_SERVER).toEqual({ host: 'pool.ntp.org', port: 123 });
  });

  it('takes a host name or an IPv4 address, with or without a port', () => {
    expect(parseNtpServer('time.example.com')).toEqual({ host: 'time.example.com', port: 123 });
    expect(parseNtpServer(' Time.Example.COM:4123 ')).toEqual({ host: 'time.example.com', port: 4123 });
    expect(parseNtpServer('localhost:1')).toEqual({ host: 'localhost', port: 1 });
    expect(parseNtpServer('192.0.2.123:65535')).toEqual({ host: '192.0.2.123', port: 65535 });
    expect(parseNtpServer({ host: 'pool.ntp.org', port: 123 })).toEqual({ host: 'pool.ntp.org', port: 123 });
  });

  it.each([
    '',
    ' ',
    'http://pool.ntp.org',
    'ntp://pool.ntp.org:123',
    'pool.ntp.org/path',
    'user@pool.ntp.org',
    'pool.ntp.org:0',
    'pool.ntp.org:65536',
    'pool.ntp.org:123456',
    'pool.ntp.org:-1',
    'pool.ntp.org:12a',
    'pool.ntp.org:',
    'pool.ntp.org:123:456',
    'pool ntp.org',
    'pool.ntp.org\n127.0.0.1',
    'pool.ntp.org%0a',
    'pool..ntp.org',
    '-pool.ntp.org',
    'pool_ntp.org',
    'bücher.example',
    '10.1',
    '999.1.1.1',
    '1.2.3',
    '::1',
    '[::1]:123',
    `${'a'.repeat(64)}.example`,
    `${'a.'.repeat(127)}example`,
  ])('refuses %j at the edge', (value) => {
    const error = thrownAppError(() => parseNtpServer(value));
    expect(error.code).toBe(ErrorCode.InvalidInput);
    expect(error.reason).toBe('clock.badServer');
    expect(() => new ClockCheckService({ server: value })).toThrow(error.message);
  });

  it.each([
    { host: 'pool.ntp.org', port: 0 },
    { host: 'pool.ntp.org', port: 1.5 },
    { host: 'pool.ntp.org', port: '123' },
    { host: 'pool.ntp.org/x', port: 123 },
    { host: 'pool.ntp.org', port: 123, extra: true },
    { host: 'pool.ntp.org' },
    null,
    42,
  ])('refuses the object %j', (value) => {
    expect(thrownAppError(() => parseNtpServer(value)).reason).toBe('clock.badServer');
    expect(() => new ClockCheckService().setServer(value)).toThrow();
  });
});
