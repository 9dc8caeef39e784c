/**
 * Outgoing mail over SMTP (nodemailer): the server settings, a test email that reports what the
 * server answered, and `send` for the alert and welcome queues. The password is in the keychain,
 * written in the recorded two-store order (SecretRefs): a fresh keychain name first, then the row
 * in one transaction with its audit entry, then the old item removed.
 */
import { Mutex } from 'async-mutex';
import { createTransport } from 'nodemailer';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { isLoopbackHost } from '../../../shared/admin/schemas';
import type {
  MailProblem,
  MailTestResult,
  SmtpSettings,
  SmtpSettingsInput,
  SmtpTlsMode,
} from '../../../shared/admin/alerts';
import type { Db } from '../store/database';
import type { AuditLog } from '../org/audit';
import type { SecretRefs } from '../secrets/secret-refs';
import { createLogger } from '../logger';

const log = createLogger('mail');

interface MailRow {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  username: string;
  password_ref: string | null;
  from_address: string;
  updated_at: number;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

/** A send that did not go through: why, in the renderer's terms, and what the server said. */
export class MailError extends Error {
  constructor(
    readonly problem: MailProblem,
    message: string,
    readonly serverResponse: string | null = null,
  ) {
    super(message);
    this.name = 'MailError';
  }

  /** One line for the alert centre and the queue: what happened, then the server's own words. */
  get summary(): string {
    return this.serverResponse ? `${this.message} The server said: ${this.serverResponse}` : this.message;
  }
}

export interface MailOptions {
  /** Extra certificate authorities to trust for the server's certificate (tests; a private CA). */
  extraCa?: string[];
  /** Connection, greeting and socket time limits (ms): nothing waits forever. */
  timeoutMs?: number;
}

type Server = Omit<MailRow, 'password_ref' | 'updated_at'> & { password: string | null };

interface NodemailerError {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

const where = (server: Pick<Server, 'host' | 'port'>) =>
  `${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}`;

/** Turns nodemailer's error into words a person can act on, keeping the server's exact answer. */
export function describeMailError(error: unknown, server: Pick<Server, 'host' | 'port' | 'tls'>): MailError {
  const e = (error ?? {}) as NodemailerError;
  const said = e.response?.trim() || null;
  const at = where(server);
  const cause = e.message ?? String(error);
  switch (e.code) {
    case 'EAUTH':
      return new MailError(
        'auth',
        `${at} refused the user name and password${e.command ? ` (${e.command})` : ''}. Check both, and that this account may send mail over SMTP.`,
        said,
      );
    case 'ENOAUTH':
      return new MailError('auth', `${at} asks for a user name and password; enter them.`, said);
    case 'ETIMEDOUT':
      return new MailError(
        'timeout',
        `${at} did not answer in time. Check the host and port, that a firewall lets Tessera reach it, and the TLS mode (port 465 is usually implicit TLS, 587 STARTTLS).`,
        said,
      );
    case 'ETLS':
    case 'EREQUIRETLS':
      return new MailError(
        'tls',
        server.tls === 'starttls' && !said?.match(/^2/)
          ? `${at} did not start TLS (${cause}). Tessera requires STARTTLS in this mode; check the port, or choose implicit TLS for port 465.`
          : `The TLS connection to ${at} failed: ${cause}. Check the TLS mode and the server's certificate.`,
        said,
      );
    case 'EENVELOPE':
    case 'EMESSAGE':
      return new MailError('rejected', `${at} refused the message: ${cause}.`, said);
    case 'EDNS':
      return new MailError('connection', `The host name of the mail server cannot be found: ${cause}.`, said);
    case 'ECONNECTION':
    case 'ESOCKET':
    default: {
      // Certificate problems come through as socket errors carrying OpenSSL's code.
      if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(cause)) {
        return new MailError(
          'tls',
          `The certificate of ${at} is not trusted: ${cause}. It must be valid for this host name and issued by a trusted authority.`,
          said,
        );
      }
      if (/ECONNREFUSED/.test(cause)) {
        return new MailError(
          'connection',
          `Nothing accepts connections at ${at} (connection refused). Check the host and port, and that the mail server is running.`,
          said,
        );
      }
      if (said && e.responseCode) return new MailError('rejected', `${at} refused: ${cause}.`, said);
      return new MailError('connection', `Tessera could not talk to ${at}: ${cause}.`, said);
    }
  }
}

const invalid = (message: string, reason: string) => new AppError(ErrorCode.InvalidInput, message, reason);

export class MailService {
  private readonly changes = new Mutex();
  private readonly timeoutMs: number;

  constructor(
    private readonly db: Db,
    private readonly refs: SecretRefs,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    private readonly options: MailOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  private row(): MailRow | undefined {
    return this.db.prepare('SELECT * FROM mail_settings WHERE singleton = 1').get() as MailRow | undefined;
  }

  settings(): SmtpSettings | null {
    const row = this.row();
    if (!row) return null;
    return {
      host: row.host,
      port: row.port,
      tls: row.tls,
      username: row.username,
      hasPassword: row.password_ref !== null,
      fromAddress: row.from_address,
      updatedAt: row.updated_at,
    };
  }

  isConfigured(): boolean {
    return this.row() !== undefined;
  }

  /** The kept password goes only to the server it was typed for, never to a changed host or port. */
  private keepsPassword(row: MailRow | undefined, input: SmtpSettingsInput): boolean {
    return (
      row !== undefined &&
      row.password_ref !== null &&
      !input.clearPassword &&
      input.username !== '' &&
      input.password === '' &&
      row.host.toLowerCase() === input.host.toLowerCase() &&
      row.port === input.port
    );
  }

  private check(input: SmtpSettingsInput): void {
    if (input.tls === 'none' && !isLoopbackHost(input.host)) {
      throw invalid(
        'Mail without TLS is allowed only to a server on this computer (127.0.0.1, ::1 or localhost); choose STARTTLS or implicit TLS.',
        'mail.tlsRequired',
      );
    }
    if (input.password !== '' && input.username === '') {
      throw invalid('A password needs a user name.', 'mail.usernameRequired');
    }
  }

  save(input: SmtpSettingsInput): Promise<SmtpSettings> {
    return this.changes.runExclusive(async () => {
      this.check(input);
      const row = this.row();
      const oldRef = row?.password_ref ?? null;
      const keep = this.keepsPassword(row, input);
      if (
        row?.password_ref &&
        !keep &&
        !input.clearPassword &&
        input.password === '' &&
        input.username !== ''
      ) {
        throw invalid(
          'The server changed: enter the password again to send it to the new server.',
          'mail.passwordRequiredForNewServer',
        );
      }
      let newRef: string | null = null;
      if (input.password !== '') {
        newRef = this.refs.newRef('smtp-password');
        await this.refs.write(newRef, input.password);
      }
      const ref = newRef ?? (keep ? oldRef : null);
      const before = this.settings();
      try {
        this.db.transaction(() => {
          this.db
            .prepare(
              `INSERT INTO mail_settings (singleton, host, port, tls, username, password_ref, from_address, updated_at)
               VALUES (1, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (singleton) DO UPDATE SET host = excluded.host, port = excluded.port, tls = excluded.tls,
                 username = excluded.username, password_ref = excluded.password_ref,
                 from_address = excluded.from_address, updated_at = excluded.updated_at`,
            )
            .run(input.host, input.port, input.tls, input.username, ref, input.fromAddress, this.now());
          if (newRef) this.refs.commitAdded(newRef);
          if (oldRef && oldRef !== ref) this.refs.markRemoved(oldRef);
          this.audit.record('mail.smtp', 'Mail server', before, this.settings());
        })();
      } catch (error) {
        if (newRef) await this.refs.discard(newRef);
        throw error;
      }
      try {
        await this.refs.finishRemovals();
      } catch (error) {
        log.warn(
          'The old SMTP password could not be removed from the keychain yet; retried at the next start.',
          error,
        );
      }
      return this.settings()!;
    });
  }

  private async server(): Promise<Server> {
    const row = this.row();
    if (!row) {
      throw new MailError(
        'notConfigured',
        'No mail server is set up; enter one under Alerts → Email, then it is sent.',
      );
    }
    let password: string | null = null;
    if (row.password_ref) {
      try {
        password = await this.refs.read(row.password_ref);
      } catch (error) {
        throw new MailError(
          'keychain',
          `The SMTP password cannot be read from the keychain: ${(error as Error).message}`,
        );
      }
      if (password === null) {
        throw new MailError(
          'noPassword',
          'The SMTP password is missing from the keychain; enter it again under Alerts → Email.',
        );
      }
    }
    return {
      host: row.host,
      port: row.port,
      tls: row.tls,
      username: row.username,
      password,
      from_address: row.from_address,
    };
  }

  private transport(server: Server) {
    return createTransport({
      host: server.host,
      port: server.port,
      secure: server.tls === 'implicit',
      requireTLS: server.tls === 'starttls',
      ignoreTLS: server.tls === 'none',
      auth: server.username ? { user: server.username, pass: server.password ?? '' } : undefined,
      tls: {
        servername: isLoopbackHost(server.host) ? undefined : server.host,
        minVersion: 'TLSv1.2',
        ...(this.options.extraCa ? { ca: this.options.extraCa } : {}),
      },
      connectionTimeout: this.timeoutMs,
      greetingTimeout: this.timeoutMs,
      socketTimeout: this.timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  private async deliver(server: Server, message: MailMessage): Promise<string> {
    const transport = this.transport(server);
    try {
      const info = await transport.sendMail({
        from: server.from_address,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      if (info.rejected.length > 0 && info.accepted.length === 0) {
        throw new MailError('rejected', `${where(server)} refused every recipient.`, info.response);
      }
      return info.response;
    } catch (error) {
      if (error instanceof MailError) throw error;
      throw describeMailError(error, server);
    } finally {
      transport.close();
    }
  }

  /** Sends through the saved server; throws MailError (never a secret in it) when it does not go. */
  async send(message: MailMessage): Promise<string> {
    const response = await this.deliver(await this.server(), message);
    log.info(`Mail sent to ${message.to.length} recipient(s): ${response}`);
    return response;
  }

  /**
   * A test email through the settings in the form (saved or not): the password typed, or the stored
   * one when the server is the same. Reports what the server answered either way.
   */
  async test(input: SmtpSettingsInput, to: string): Promise<MailTestResult> {
    this.check(input);
    const row = this.row();
    let password: string | null = input.password === '' ? null : input.password;
    if (password === null && input.username !== '' && !input.clearPassword) {
      if (!this.keepsPassword(row, input)) {
        return {
          ok: false,
          problem: 'noPassword',
          serverResponse: null,
          detail: row?.password_ref
            ? 'The server changed: enter the password to send it to the new server.'
            : 'Enter the password for this user name.',
        };
      }
      password = await this.refs.read(row!.password_ref!);
    }
    const server: Server = {
      host: input.host,
      port: input.port,
      tls: input.tls,
      username: input.username,
      password,
      from_address: input.fromAddress,
    };
    try {
      const response = await this.deliver(server, {
        to: [to],
        subject: 'Tessera test email',
        text: `This is a test email from Tessera, sent through ${where(server)}.\n\nIf you can read it, certificate expiry alerts and welcome emails can reach you.\n`,
      });
      return {
        ok: true,
        problem: null,
        serverResponse: response,
        detail: `${where(server)} accepted the message.`,
      };
    } catch (error) {
      const mail = error instanceof MailError ? error : describeMailError(error, server);
      return { ok: false, problem: mail.problem, serverResponse: mail.serverResponse, detail: mail.message };
    }
  }
}
