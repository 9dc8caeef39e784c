/**
 * A real NTP server for the tests: chronyd (Debian's `chrony`), serving this machine's clock on a
 * free UDP port of 127.0.0.1 and touching nothing outside a temp folder. It never sets the clock
 * (-x), stays in the foreground (-d), opens IPv4 sockets only (-4), has no command socket and no
 * pid, drift or dump file in system paths. Each one is stopped, and its folder removed, by the caller.
 */
import { spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { findSystemTool, freeUdpPort, spawnPeer } from './peers';

export interface RunningChrony {
  host: string;
  port: number;
  stop(): Promise<void>;
}

export interface ChronyOptions {
  /**
   * true (default): `local stratum 1`, so it serves its clock as synchronised. false: no time
   * source at all, so every answer says "not synchronised" (leap indicator 3, stratum 0).
   */
  synchronised?: boolean;
}

/**
 * Whether something answers an NTP client packet on 127.0.0.1:port within `ms`. Only a readiness
 * probe (any 48-byte reply will do): reading the answer is the code under test's job.
 */
async function answers(port: number, ms: number): Promise<boolean> {
  const socket = createSocket('udp4');
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      socket.on('error', () => undefined);
      socket.once('message', (message) => {
        clearTimeout(timer);
        resolve(message.length === 48);
      });
      // LI 0, version 4, mode 3 (client); chronyd answers a packet without timestamps too.
      const request = Buffer.alloc(48);
      request[0] = (4 << 3) | 3;
      socket.send(request, port, '127.0.0.1');
    });
  } finally {
    socket.close();
  }
}

/** chronyd on 127.0.0.1:<free port>; ready once it answers an SNTP query, never after a guessed delay. */
export async function startChrony(options: ChronyOptions = {}): Promise<RunningChrony> {
  const binary = findSystemTool('chronyd', 'clock-check', 'chrony');
  if (spawnSync(binary, ['--version']).status !== 0) throw new Error(`${binary} does not run.`);
  const port = await freeUdpPort();
  const dir = mkdtempSync(join(tmpdir(), 'tessera-chrony-'));
  const conf = join(dir, 'chrony.conf');
  writeFileSync(
    conf,
    [
      `port ${port}`,
      'bindaddress 127.0.0.1',
      'allow 127.0.0.1',
      ...(options.synchronised === false ? [] : ['local stratum 1']),
      // No command port, and no Unix command socket (its default is in /run/chrony).
      'cmdport 0',
      'bindcmdaddress /',
      `pidfile ${join(dir, 'chronyd.pid')}`,
      '',
    ].join('\n'),
  );

  const user = userInfo();
  const args = [
    '-4',
    '-x',
    '-d',
    '-f',
    conf,
    // Stay the user we are: as root it would switch to _chrony, which cannot read our temp folder.
    '-u',
    user.username,
    // Not root: chronyd checks for root unless told not to; nothing here needs it.
    ...(user.uid === 0 ? [] : ['-U']),
  ];
  const peer = spawnPeer(binary, args);
  const stop = async () => {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (peer.exited()) {
      await stop();
      throw new Error(`chronyd exited at start (${binary} ${args.join(' ')}):\n${peer.log()}`);
    }
    if (await answers(port, 200)) return { host: '127.0.0.1', port, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`chronyd did not answer on 127.0.0.1:${port}:\n${peer.log()}`);
    }
  }
}
