/**
 * Composes the core services behind the one handler table. Used by Electron's main process and by
 * browser mode alike, so both run exactly the same code.
 */
import { mkdirSync } from 'node:fs';
import QRCode from 'qrcode';
import { AppError, ErrorCode, type KeychainProblem } from '../../shared/ipc/errors';
import { ApplicationInputSchema } from '../../shared/admin/schemas';
import { isChannel, type AppStatus, type Channel } from '../../shared/ipc/contract';
import { createGate, type Dispatch, type HandlerTable } from './gate';
import { createLogger } from './logger';
import { openDatabase, readOrCreateVaultId, type Db } from './store/database';
import { DataFolderInUseError, lockDataFolder } from './store/data-folder-lock';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { keychainProblemOf, type SecretStore } from './secrets/secret-store';
import {
  ensureSessionKeyring,
  type SessionKeyring,
  type SessionKeyringOptions,
} from './secrets/session-keyring';
import { createBackup } from './totp/backup';
import { MigrationImportService } from './totp/migration-import';
import { TotpVaultService, systemClock, type Clock } from './totp/vault-service';
import { AuditLog } from './org/audit';
import { OrgService } from './org/org-service';
import { SecretRefs } from './secrets/secret-refs';
import { SsoConfigService } from './sso/sso-config-service';
import { DirectoryService } from './jit/directory-service';
import { attributeMap, mapAttributes, MappingError } from './jit/mapping';
import { MfaService } from './mfa/mfa-service';
import { AuthenticatorSettingsService } from './totp/authenticator-settings';
import { ClockCheckService } from './totp/clock-check';
import { QuickCopy, trayMenuModel, type Clipboard, type TrayMenuModel } from './totp/quick-copy';
import { Throttle } from './broker/throttle';
import { BrokerService, SESSION_COOKIE } from './broker/broker-service';
import { renderPage } from './broker/pages';
import { pickLanguage } from './broker/page-text';
import { ApplicationService } from './op/application-service';
import { OpenIdProviderService } from './op/openid-provider';
import { SigningKeys } from './op/signing-keys';
import { startBroker, type RunningBroker } from './broker/broker-server';
import { attributesOfPastedSaml } from './broker/saml-sp';
import { AppLockService } from './lock/app-lock-service';
import { ConfigService } from './config/config-service';
import { certificateHandlers } from './certificates/handlers';
import { composeAlerts, type Alerts } from './alerts/compose';
import type { Timers } from './alerts/alert-scheduler';
import type { NotificationListener } from './alerts/alert-service';
import type { MailOptions } from './alerts/mail-service';

const log = createLogger('core');

export interface CoreOptions {
  dataDir: string;
  version: string;
  secretStore?: SecretStore;
  clock?: Clock;
  /** Taken from the environment by the entry point (takeKeyringPassword), never read here. */
  keyringPassword?: string | null;
  askKeyringPassword?: SessionKeyringOptions['askPassword'];
  /** The sign-in service's port for a new organization (default 7480; tests pick free ones). */
  defaultSigninPort?: number;
  /** The system clipboard, for the desktop app's tray quick copy (browser mode has no tray). */
  clipboard?: Clipboard;
  /** Start the sign-in service (default); a one-off command (`config export`) does not. */
  listen?: boolean;
  /** The alert scheduler's timers (tests run it by hand with checkAlertsNow). */
  alertTimers?: Timers;
  /** SMTP options (tests: the test server's CA). */
  mail?: MailOptions;
}

/** How often replaced signing keys and expired OpenID Provider records are cleared out. */
const OP_MAINTENANCE_EVERY_MS = 10 * 60_000;

/** How long a clock check stays good: the clock does not drift by 30 s in an hour. */
const CLOCK_CHECK_EVERY_MS = 60 * 60_000;

/** SSO channels that may change a certificate Tessera relies on: every one but the reads and tests. */
const CERTIFICATE_CHANGES =
  /^(?:sso:(?!test:)(?!.*:(?:get|list|preview|discover|metadata)$)|admin:config:apply$)/;

/** What answers while Tessera is locked: enough to show the lock screen and to unlock (or lock). */
const OPEN_WHILE_LOCKED: ReadonlySet<Channel> = new Set([
  'app:status:get',
  'app:lock:unlock',
  'app:lock:lock',
]);

export interface Core {
  dispatch: Dispatch;
  status(): Promise<AppStatus>;
  /** Locks now if a lock password is set (Electron: the OS screen locked, or the machine sleeps). */
  lock(): void;
  /** The tray menu's accounts (none while locked); null while the store is not open. */
  trayMenu(): Promise<TrayMenuModel | null>;
  /** Tray quick copy: the account's current code onto the clipboard, never through a renderer. */
  quickCopy(id: string): Promise<void>;
  /**
   * For the command line on this machine only (self-recovery, I6): the same handlers without the app
   * lock — whoever runs it can read the data folder and the keychain already.
   */
  dispatchFromMachine: Dispatch;
  /** `--reset-app-lock`: removes the app lock (a forgotten password, a damaged record). */
  resetAppLock(): Promise<void>;
  /** Takes a code copied from the tray off the clipboard (before quitting); never rejects. */
  clearClipboard(): Promise<void>;
  /**
   * Certificate expiry alerts as notifications (the desktop app shows Electron's from main, since
   * the core cannot import electron). The listener returns true when it showed one.
   */
  onAlertNotification(listener: NotificationListener): () => void;
  /** Checks certificates and sends what is due now (the machine woke up; tests). */
  checkAlertsNow(): Promise<void>;
  close(): void;
}

/**
 * The organization and sign-in side of the core on an open store (SPEC §2), in the one order the
 * services depend on each other. createCore uses it, and so does the sign-in benchmark.
 */
export async function composeSignin(
  db: Db,
  secrets: SecretStore,
  vaultId: string,
  now: () => number,
  defaultSigninPort?: number,
) {
  const audit = new AuditLog(db, now);
  const refs = new SecretRefs(db, secrets, vaultId, now);
  const org = new OrgService(db, audit, now, defaultSigninPort, refs);
  const sso = new SsoConfigService(db, org, refs, audit, now);
  await sso.load();
  const directory = new DirectoryService(db, org, now);
  const throttle = new Throttle(db, now);
  const mfa = new MfaService(db, refs, throttle, now);
  const broker = new BrokerService({ db, org, sso, directory, mfa, throttle, now });
  const config = new ConfigService(db, org, sso, audit);
  const applications = new ApplicationService(db, org, refs);
  const op = new OpenIdProviderService({
    db,
    org,
    directory,
    applications,
    keys: new SigningKeys(db, refs, audit, now),
    now,
    session: (cookie) => broker.session(cookie),
    sessionCookie: SESSION_COOKIE,
    mfaRequired: (userId, application) => broker.mfaDecisionFor(userId, application)?.required ?? null,
    renderPage: (page, acceptLanguage) => renderPage(page, pickLanguage(acceptLanguage)),
  });
  return { audit, org, sso, directory, mfa, broker, config, applications, op };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  let keyring: SessionKeyring | null = null;
  let unlock: (() => void) | null = null;

  /**
   * One Tessera per data folder, and the folder is taken before Tessera's own keyring starts: two
   * keyring daemons must never share one keyring file, and what a killed Tessera left running is
   * reaped only by the process that now owns the folder.
   */
  async function takeDataFolder(): Promise<void> {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    try {
      unlock ??= lockDataFolder(options.dataDir);
    } catch (error) {
      if (!(error instanceof DataFolderInUseError)) throw error;
      throw new AppError(ErrorCode.Internal, error.message, 'dataFolderInUse');
    }
    keyring ??= await ensureSessionKeyring({
      dataDir: options.dataDir,
      password: options.keyringPassword ?? null,
      askPassword: options.askKeyringPassword,
    });
  }

  /** While the store is not open and no keyring of ours runs, the folder is left as it was. */
  function releaseDataFolder(): void {
    if (keyring?.running) return;
    unlock?.();
    unlock = null;
  }

  // At once, so that a keyring password is asked on the terminal before the address is printed; if
  // the folder is in use, open() says so and tries again on each call.
  await takeDataFolder().catch(() => undefined);
  const secrets = options.secretStore ?? new KeytarSecretStore();
  const clock = options.clock ?? systemClock;

  let db: Db | null = null;
  let services: {
    vault: TotpVaultService;
    migration: MigrationImportService;
    org: OrgService;
    sso: SsoConfigService;
    audit: AuditLog;
    directory: DirectoryService;
    mfa: MfaService;
    broker: BrokerService;
    config: ConfigService;
    applications: ApplicationService;
    op: OpenIdProviderService;
    settings: AuthenticatorSettingsService;
    lock: AppLockService;
    clockCheck: ClockCheckService;
    alerts: Alerts;
  } | null = null;
  const notificationListeners = new Set<NotificationListener>();
  /** The sign-in service (SPEC §2): started once the store is open, moved when its port changes. */
  const signin: { running: RunningBroker | null; port: number; problem: string | null } = {
    running: null,
    port: 0,
    problem: null,
  };

  async function listenForSignIns(
    service: BrokerService,
    op: OpenIdProviderService,
    port: number,
  ): Promise<void> {
    if (options.listen === false || signin.running?.port === port) return;
    await signin.running?.close();
    signin.running = null;
    signin.port = port;
    try {
      // The OpenID Provider's issuer names the port, so it is rebuilt with it.
      op.start(port);
      signin.running = await startBroker(service, port, op);
      signin.problem = null;
    } catch (error) {
      signin.problem =
        (error as { code?: string }).code === 'EADDRINUSE'
          ? `Port ${port} is in use by another program; choose another sign-in port under Organization.`
          : `The sign-in service could not start on port ${port}: ${(error as Error).message}`;
      log.warn(signin.problem);
    }
  }
  let problem: { code: KeychainProblem; detail: string } | null = null;
  let opMaintenance: ReturnType<typeof setInterval> | null = null;
  let opening: Promise<void> | null = null;

  /** Opens the store once the keychain is reachable; retried on demand (the keychain may be unlocked later). */
  async function open(): Promise<void> {
    try {
      await takeDataFolder();
      await secrets.assertAvailable();
      const vaultId = readOrCreateVaultId(options.dataDir);
      db = await openDatabase(options.dataDir, vaultId, secrets);
      const service = new TotpVaultService(db, secrets, vaultId, clock);
      await service.load();
      const now = () => clock.now();
      const { audit, org, sso, directory, mfa, broker, config, applications, op } = await composeSignin(
        db,
        secrets,
        vaultId,
        now,
        options.defaultSigninPort,
      );
      services = {
        vault: service,
        migration: new MigrationImportService(service, clock),
        org,
        sso,
        audit,
        directory,
        mfa,
        broker,
        config,
        applications,
        op,
        settings: new AuthenticatorSettingsService(db),
        // Guesses at the lock password are slowed like sign-ins, but with no admin to reset it,
        // never locked for good.
        lock: new AppLockService(db, new Throttle(db, now, Infinity), now),
        clockCheck: new ClockCheckService({ now }),
        alerts: composeAlerts({
          db,
          secrets,
          vaultId,
          clock,
          audit,
          org,
          directory,
          timers: options.alertTimers,
          mail: options.mail,
        }),
      };
      services.alerts.alerts.onNotification((notification) => {
        let shown = false;
        for (const listener of notificationListeners) shown = listener(notification) || shown;
        return shown;
      });
      // A one-off command (config export, --disable-sso …) neither raises alerts nor sends mail.
      if (options.listen !== false) services.alerts.scheduler.start();
      services.sso.sp.onSwitch = () => services?.alerts.scheduler.poke();
      await listenForSignIns(broker, op, org.get().signinPort);
      // Replaced signing keys leave the JWKS once their tokens expired; expired records go.
      opMaintenance = setInterval(() => {
        void services?.op
          .maintain()
          .catch((error: unknown) => log.warn('OpenID Provider upkeep failed', error));
      }, OP_MAINTENANCE_EVERY_MS);
      opMaintenance.unref();
      problem = null;
    } catch (error) {
      db?.close();
      db = null;
      releaseDataFolder();
      const before = problem?.detail;
      if (error instanceof AppError && error.code === ErrorCode.KeychainUnavailable) {
        // When our own session keyring could not start, that is the reason to show.
        problem = keyring?.problem ?? {
          code: keychainProblemOf(error),
          detail: error.params?.detail?.toString() ?? error.message,
        };
      } else if (error instanceof AppError && error.reason === 'dataFolderInUse') {
        problem = { code: 'dataFolderInUse', detail: error.message };
      } else if (error instanceof AppError) {
        problem = { code: 'storeFailed', detail: error.message };
      } else {
        log.error('Opening the store failed', error);
        problem = {
          code: 'storeFailed',
          detail: 'Tessera could not open its data folder; see the log for details.',
        };
      }
      // Each call retries (the keychain may come back); say the same thing only once.
      if (problem.detail !== before) log.warn(`Tessera's store is not open: ${problem.detail}`);
    }
  }

  async function ready(): Promise<NonNullable<typeof services>> {
    if (!services) {
      opening ??= open().finally(() => (opening = null));
      await opening;
    }
    if (!services) {
      const { code, detail } = problem ?? { code: 'failed', detail: 'the keychain is not available.' };
      // A store that failed for another reason is still not usable; the code says which it was.
      throw new AppError(
        ErrorCode.KeychainUnavailable,
        `Tessera's store is not open: ${detail}`,
        `keychain.${code}`,
        {
          detail,
        },
      );
    }
    return services;
  }

  async function status(): Promise<AppStatus> {
    await ready().catch(() => undefined);
    return {
      version: options.version,
      keychain: {
        available: services !== null,
        problem: services ? null : (problem?.code ?? 'failed'),
        detail: services ? null : (problem?.detail ?? null),
      },
      lock: services?.lock.status() ?? null,
    };
  }

  const handlers: HandlerTable = {
    'app:status:get': () => status(),
    'app:lock:unlock': async ({ password }) => (await ready()).lock.unlock(password),
    'app:lock:lock': async () => (await ready()).lock.lock(),
    'app:lock:activity': async () => {
      (await ready()).lock.activity();
      return {};
    },
    'app:lock:set-password': async ({ currentPassword, newPassword }) =>
      (await ready()).lock.setPassword(currentPassword, newPassword),
    'app:lock:set-auto-lock': async ({ minutes, password }) =>
      (await ready()).lock.setAutoLock(minutes, password),
    'app:lock:disable': async ({ password }) => (await ready()).lock.disable(password),
    'totp:account:list': async () => (await ready()).vault.list(),
    'totp:account:add': async (request) => (await ready()).vault.add(request),
    'totp:account:update': async ({ id, issuer, accountName }) =>
      (await ready()).vault.update(id, issuer, accountName),
    'totp:account:reorder': async ({ ids }) => (await ready()).vault.reorder(ids),
    'totp:account:export-qr': async ({ id }) => {
      const uri = (await ready()).vault.exportUri(id);
      log.info("An account was exported as a QR code at the person's request.");
      return { png: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 4, width: 320 }) };
    },
    'totp:account:delete': async ({ id }) => (await ready()).vault.delete(id),
    'totp:counter:increment': async ({ id }) => (await ready()).vault.incrementCounter(id),
    'totp:code:list': async () => (await ready()).vault.codes(),
    'totp:migration:preview': async ({ uris }) => (await ready()).migration.preview(uris),
    'totp:backup:create': async ({ password }) => {
      const { vault } = await ready();
      const date = new Date(clock.now()).toISOString().slice(0, 10);
      return {
        fileName: `tessera-backup-${date}.json`,
        content: await createBackup(vault.exportAll(), password),
      };
    },
    'totp:settings:get': async () => (await ready()).settings.get(),
    'totp:settings:set': async (settings) => (await ready()).settings.set(settings),
    'totp:clock:check': async ({ fresh }) => {
      const { settings, clockCheck } = await ready();
      const { timeServer } = settings.get();
      if (timeServer === '') return null;
      clockCheck.setServer(timeServer);
      // "Check again" asks the server anew, but not more than every few seconds however often it is sent.
      return clockCheck.check({ maxAgeMs: fresh ? 5_000 : CLOCK_CHECK_EVERY_MS });
    },
    'totp:export:plain': async () => {
      const content = (await ready()).vault.exportUris();
      log.info("All accounts were exported as plain otpauth links at the person's request.");
      const date = new Date(clock.now()).toISOString().slice(0, 10);
      return { fileName: `tessera-accounts-${date}.txt`, content };
    },
    'totp:file:preview': async ({ content, password }) =>
      (await ready()).migration.previewFile(content, password || undefined),
    'totp:migration:import': async ({ batchId, indices }) =>
      (await ready()).migration.import(batchId, indices),
    'admin:org:get': async () => (await ready()).org.get(),
    'admin:org:update': async (change) => {
      const { org, broker, op } = await ready();
      const updated = org.update(change);
      await listenForSignIns(broker, op, updated.signinPort);
      return updated;
    },
    'admin:domain:add': async ({ name }) => (await ready()).org.addDomain(name),
    'admin:domain:verify': async ({ name }) => (await ready()).org.verifyDomain(name),
    'admin:domain:claim': async ({ name, claimed }) => (await ready()).org.setDomainClaimed(name, claimed),
    'admin:domain:delete': async ({ name }) => {
      (await ready()).org.deleteDomain(name);
      return {};
    },
    'admin:audit:list': async (filter) => (await ready()).audit.list(filter),
    'sso:sso:set-enabled': async ({ enabled }) => {
      const { sso, org } = await ready();
      sso.setSsoEnabled(enabled);
      return org.get();
    },
    'sso:sp-certificate:get': async () => (await ready()).sso.spCertificate(),
    'sso:sp-certificate:generate': async ({ keyType }) => (await ready()).sso.generateSpCertificate(keyType),
    'sso:sp-certificate:import': async (input) => (await ready()).sso.importSpCertificate(input),
    'sso:sp-metadata:get': async ({ signed }) => (await ready()).sso.spMetadata(signed),
    // The contract's response schema keeps only what the preview shows.
    'sso:saml-metadata:preview': async ({ xml, entityId }) =>
      (await ready()).sso.previewSamlMetadata(xml, entityId),
    'sso:saml-metadata:entities': async ({ xml }) => (await ready()).sso.samlMetadataEntities(xml),
    'sso:oidc:discover': async ({ discoveryUrl }) => (await ready()).sso.discoverOidc(discoveryUrl),
    'sso:idp:list': async () => (await ready()).sso.listIdps(),
    'sso:idp:save-saml': async ({ id, idp }) => (await ready()).sso.saveSamlIdp(id, idp),
    'sso:idp:save-oidc': async ({ id, idp }) => (await ready()).sso.saveOidcIdp(id, idp),
    'sso:idp:add-builtin': async ({ rule }) => {
      return (await ready()).sso.addBuiltin(rule);
    },
    'sso:idp:metadata': async ({ id }) => (await ready()).sso.idpMetadata(id),
    'sso:idp:set-activated': async ({ id, activated }) => (await ready()).sso.setActivated(id, activated),
    'sso:idp:delete': async ({ id, deleteRules }) => {
      await (await ready()).sso.deleteIdp(id, deleteRules);
      return {};
    },
    'sso:user:list': async () => (await ready()).sso.localUsers(),
    'sso:user:add': async (input) => (await ready()).sso.addLocalUser(input),
    'sso:user:delete': async ({ id }) => {
      (await ready()).sso.deleteLocalUser(id);
      return {};
    },
    'routing:rule:list': async () => (await ready()).sso.listRules(),
    'routing:rule:save': async ({ id, rule, acknowledged }) =>
      (await ready()).sso.saveRule(id, rule, acknowledged),
    'routing:rule:set-active': async ({ id, active, acknowledged }) =>
      (await ready()).sso.setRuleActive(id, active, acknowledged),
    'routing:rule:delete': async ({ id, acknowledged }) => {
      (await ready()).sso.deleteRule(id, acknowledged);
      return {};
    },
    'routing:rule:reorder': async ({ ids }) => (await ready()).sso.reorderRules(ids),
    'routing:default:set-idp': async ({ idpId, acknowledged }) =>
      (await ready()).sso.setDefaultIdp(idpId, acknowledged),
    'routing:simulate': async (input) => (await ready()).sso.simulate(input),
    'mfa:policy:get': async () => (await ready()).org.mfaPolicy(),
    'mfa:policy:set': async (policy) => (await ready()).org.setMfaPolicy(policy),
    'mfa:application:list': async () => (await ready()).org.applications(),
    // The gate has parsed the request; parsing again gives the schema's output type (defaults filled).
    'mfa:application:save': async ({ id, application }) =>
      (await ready()).applications.save(id, ApplicationInputSchema.parse(application)),
    'mfa:application:delete': async ({ id }) => {
      await (await ready()).applications.delete(id);
      return {};
    },
    'mfa:application:new-secret': async ({ id }) => (await ready()).applications.newSecret(id),
    'op:provider:get': async () => (await ready()).op.info(signin.running !== null),
    'op:signing-key:rotate': async () => {
      const { op } = await ready();
      await op.rotateSigningKey();
      return await op.info(signin.running !== null);
    },
    'sso:broker:get': async () => {
      const { org } = await ready();
      const port = org.get().signinPort;
      return {
        url: `http://127.0.0.1:${port}/`,
        running: signin.running?.port === port,
        problem: signin.problem,
      };
    },
    'sso:test:start': async ({ idpId }) => {
      const { broker, org } = await ready();
      if (!signin.running) {
        throw new AppError(
          ErrorCode.Internal,
          signin.problem ?? 'The sign-in service is not running.',
          'signin.notRunning',
        );
      }
      return broker.startTest(idpId, org.get().signinPort);
    },
    'sso:test:get': async ({ id }) => (await ready()).broker.test(id),
    'sso:jit:get': async ({ idpId }) => (await ready()).sso.jitSettings(idpId),
    'sso:jit:set': async ({ idpId, jit }) => (await ready()).sso.setJitSettings(idpId, jit),
    'directory:settings:get': async () => (await ready()).org.directorySettings(),
    'directory:settings:set': async (settings) => (await ready()).org.setDirectorySettings(settings),
    'admin:config:export': async () => (await ready()).config.export(),
    'admin:config:diff': async ({ content }) => (await ready()).config.diff(content),
    'admin:config:apply': async ({ content, fingerprint }) => {
      const { config, org, broker, op } = await ready();
      const diff = await config.apply(content, fingerprint);
      // The file may move the sign-in service (organization.signinPort).
      await listenForSignIns(broker, op, org.get().signinPort);
      return diff;
    },
    'directory:user:list': async ({ query }) => (await ready()).directory.list(query, 500),
    'directory:user:reset-mfa': async ({ id }) => {
      const { directory, mfa, audit } = await ready();
      const user = directory.user(id);
      await mfa.reset(id);
      audit.record(
        'directory.user.reset-mfa',
        user.email,
        { enrolled: user.mfa.enrolled },
        { enrolled: false },
      );
      return directory.user(id);
    },
    'directory:mapping:preview': async ({ idpId, source }) => {
      const { sso, broker, directory } = await ready();
      const attributes =
        source.kind === 'attributes'
          ? attributeMap(Object.entries(source.claims))
          : source.kind === 'saml'
            ? attributesOfPastedSaml(source.xml)
            : broker.lastTestClaims(idpId);
      if (!attributes) {
        throw new AppError(
          ErrorCode.InvalidInput,
          'There is no successful test of this identity provider yet; run Test SSO, or paste attributes.',
          'preview.noTest',
        );
      }
      const idp = sso.idp(idpId);
      try {
        const jit = sso.jitSettings(idpId);
        return directory.plan(mapAttributes(attributes, jit, sso.userIdAttribute(idp)), jit, idp).plan;
      } catch (error) {
        if (error instanceof MappingError)
          throw new AppError(ErrorCode.InvalidInput, error.message, `preview.${error.reason}`);
        throw error;
      }
    },
    ...certificateHandlers({
      ready: async () => ({ ...(await ready()), db: db! }),
      signin: () =>
        signin.running
          ? { port: signin.running.port }
          : { problem: signin.problem ?? 'The sign-in service is not running.' },
      now: () => clock.now(),
    }),
    'alerts:smtp:get': async () => (await ready()).alerts.mail.settings(),
    'alerts:smtp:set': async (input) => {
      const { alerts } = await ready();
      const saved = await alerts.mail.save(input);
      // A server that works now delivers what waited for it, at once.
      alerts.alerts.retryEmailsNow();
      alerts.welcome.retryNow();
      alerts.scheduler.poke();
      return saved;
    },
    'alerts:smtp:test': async ({ smtp, to }) => (await ready()).alerts.mail.test(smtp, to),
    'alerts:rule:list': async () => (await ready()).alerts.alerts.rules(),
    'alerts:rule:set': async (rule) => {
      const { alerts } = await ready();
      const saved = alerts.alerts.setRule(rule);
      alerts.scheduler.poke();
      return saved;
    },
    'alerts:alert:list': async () => (await ready()).alerts.alerts.list(),
    'alerts:alert:acknowledge': async ({ id }) => (await ready()).alerts.alerts.acknowledge(id),
    'alerts:alert:notified': async ({ ids }) => {
      (await ready()).alerts.alerts.markNotified(ids);
      return {};
    },
    'admin:new-user-email:get': async () => {
      const { welcome } = (await ready()).alerts;
      return { settings: welcome.settings(), status: welcome.status() };
    },
    'admin:new-user-email:set': async (settings) => {
      const { welcome } = (await ready()).alerts;
      welcome.setSettings(settings);
      return { settings: welcome.settings(), status: welcome.status() };
    },
  };

  await ready().catch(() => undefined);
  const gate = createGate(handlers);
  const quickCopy = options.clipboard
    ? new QuickCopy(options.clipboard, (error) =>
        log.warn(`The clipboard could not be cleared: ${String(error)}`),
      )
    : null;

  return {
    // The lock is checked before the gate, for every transport: while locked, nothing but the
    // status and an unlock answers (fail closed: a store that cannot open answers nothing either).
    async dispatch(channel, request) {
      if (isChannel(channel) && !OPEN_WHILE_LOCKED.has(channel)) {
        let open: Awaited<ReturnType<typeof ready>>;
        try {
          open = await ready();
        } catch (error) {
          // Answered here, not by the handler: its own ready() could open the store (the keychain
          // came back meanwhile) and answer without the lock having been asked.
          return error instanceof AppError
            ? { ok: false, error: error.toShape() }
            : {
                ok: false,
                error: { code: ErrorCode.Internal, message: 'Something went wrong inside Tessera.' },
              };
        }
        if (open.lock.isLocked()) {
          return {
            ok: false,
            error: {
              code: ErrorCode.Locked,
              message: 'Tessera is locked; unlock it first.',
              reason: 'lock.locked',
            },
          };
        }
      }
      const result = await gate(channel, request);
      // A changed IdP or SP certificate may bring an alert due now (or stop one); reads change nothing.
      if (result.ok && typeof channel === 'string' && CERTIFICATE_CHANGES.test(channel)) {
        services?.alerts.scheduler.poke();
      }
      return result;
    },
    status,
    dispatchFromMachine: gate,
    async resetAppLock() {
      (await ready()).lock.reset();
    },
    clearClipboard: () => quickCopy?.clearNow() ?? Promise.resolve(),
    lock() {
      services?.lock.lock();
      void quickCopy?.clearNow();
    },
    async trayMenu() {
      const open = await ready().catch(() => null);
      if (!open) return null;
      const locked = open.lock.isLocked();
      return trayMenuModel(locked, locked ? [] : open.vault.list());
    },
    async quickCopy(id) {
      const { lock, vault, settings } = await ready();
      if (!quickCopy) throw new AppError(ErrorCode.Internal, 'There is no clipboard to copy to.');
      if (lock.isLocked())
        throw new AppError(ErrorCode.Locked, 'Tessera is locked; unlock it first.', 'lock.locked');
      // Using the tray is using Tessera: it keeps auto-lock away like input in the window.
      lock.activity();
      await quickCopy.copy(vault.codes(), id, settings.get().clipboardClearSeconds);
    },
    onAlertNotification(listener) {
      notificationListeners.add(listener);
      services?.alerts.scheduler.poke();
      return () => notificationListeners.delete(listener);
    },
    async checkAlertsNow() {
      await (await ready()).alerts.scheduler.runNow();
    },
    close() {
      if (opMaintenance) clearInterval(opMaintenance);
      services?.sso.sp.close();
      services?.alerts.scheduler.stop();
      void quickCopy?.clearNow();
      void signin.running?.close();
      db?.close();
      // The daemons first: once the folder is free, another Tessera may start its own on the keyring.
      keyring?.stop();
      try {
        unlock?.();
      } catch {
        // Already removed by hand: nothing to keep.
      }
      unlock = null;
    },
  };
}
