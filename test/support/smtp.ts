/**
 * A real SMTP server for the mail tests (npm's smtp-server) on a free port of 127.0.0.1: STARTTLS or
 * implicit TLS with a certificate made here, AUTH with one user, or a server that refuses every
 * login. Received messages are parsed with mailparser, so tests read subjects and bodies as a mail
 * client would.
 */
import { KeyObject, X509Certificate } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { loadX509 } from '../../electron/core/sso/certificates';

export interface TestTls {
  certPem: string;
  keyPem: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost (trusted by passing certPem as the CA). */
export async function makeSmtpTls(): Promise<TestTls> {
  const x509 = await loadX509();
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Tessera test SMTP',
    notBefore: new Date(Date.now() - 86_400_000),
    // Ten years: the end-to-end spec runs Tessera five years ahead (libfaketime).
    notAfter: new Date(Date.now() + 3650 * 86_400_000),
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
      ]),
    ],
  });
  return {
    certPem: new X509Certificate(Buffer.from(cert.rawData)).toString(),
    keyPem: KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export interface RunningSmtp {
  port: number;
  messages: ParsedMail[];
  /** Resolves when `count` messages in all have arrived. */
  received(count: number): Promise<ParsedMail[]>;
  /** Stop accepting (connections are refused: "SMTP down"). */
  close(): Promise<void>;
}

export const SMTP_USER = { user: 'alerts@example.com', pass: 'smtp-pass-Ω-1' };

export async function startSmtp(options: {
  tls: TestTls;
  mode?: 'starttls' | 'implicit' | 'plain';
  /** 'refuse': every login gets 535. */
  auth?: 'accept' | 'refuse' | 'none';
  port?: number;
}): Promise<RunningSmtp> {
  const mode = options.mode ?? 'starttls';
  const auth = options.auth ?? 'accept';
  const messages: ParsedMail[] = [];
  const waiters: { count: number; resolve(all: ParsedMail[]): void }[] = [];
  const config: SMTPServerOptions = {
    secure: mode === 'implicit',
    key: options.tls.keyPem,
    cert: options.tls.certPem,
    disabledCommands: [...(mode === 'plain' ? ['STARTTLS'] : []), ...(auth === 'none' ? ['AUTH'] : [])],
    authOptional: auth === 'none',
    // The tests send plain-text AUTH only over TLS, as the real client must.
    allowInsecureAuth: false,
    logger: false,
    onAuth(session, _data, callback) {
      if (auth === 'accept' && session.username === SMTP_USER.user && session.password === SMTP_USER.pass) {
        callback(null, { user: session.username });
      } else {
        callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
      }
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const waiter of waiters.splice(0)) {
            if (messages.length >= waiter.count) waiter.resolve(messages);
            else waiters.push(waiter);
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    messages,
    received: (count) =>
      messages.length >= count
        ? Promise.resolve(messages)
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
