/**
 * Composition root of the desktop app: lifecycle, the hardened window, and IPC registration through
 * the core's gate. Everything else lives in electron/core and runs without Electron.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  desktopCapturer,
  powerMonitor,
  ipcMain,
  net,
  Notification,
  protocol,
  session,
  type WebContents,
} from 'electron';
import { join, normalize, relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { ErrorCode } from '../../shared/ipc/errors';
import { createCore, type Core } from '../core/app-core';
import { createLogger } from '../core/logger';
import { CONTENT_SECURITY_POLICY } from '../core/server';
import { takeKeyringPassword } from '../core/secrets/session-keyring';
import { randomUUID } from 'node:crypto';
import { APP_HOST, APP_SCHEME, isTestSsoUrl, isTrustedRendererUrl } from './trust';
import { ScreenRotation } from './screen-sources';
import { createTray } from './tray';

// The desktop app never takes a keyring password from the environment (its renderers would
// inherit it); it is only removed. A desktop session brings its own keyring.
takeKeyringPassword();

const log = createLogger('main');
const SCHEME = APP_SCHEME;
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
const RENDERER_DIR = join(__dirname, '../renderer');
/** electron-vite's dev server, only in `electron-vite dev`. */
const DEV_URL = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
if (dataDirArg ?? process.env.TESSERA_DATA_DIR)
  app.setPath('userData', (dataDirArg ?? process.env.TESSERA_DATA_DIR)!);

function isTrustedSender(contents: WebContents, frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && contents.getType() === 'window' && isTrustedUrl(frameUrl);
}

function registerIpc(core: Core, afterCall: () => void): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(event.sender, frame.url, frame === event.sender.mainFrame)) {
        log.warn(`Refused ${channel} from an untrusted frame.`);
        return {
          ok: false,
          error: { code: ErrorCode.Forbidden, message: 'Refused: not Tessera’s own window.' },
        };
      }
      const result = await core.dispatch(channel, request);
      // Accounts or the lock may have changed: the tray menu follows.
      afterCall();
      return result;
    });
  }
}

/** Serves the built renderer under tessera://app/ so it has a real origin, with the CSP on every file. */
function registerRendererProtocol(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const path = normalize(
      join(RENDERER_DIR, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)),
    );
    const rel = relative(RENDERER_DIR, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function isTrustedUrl(url: string | undefined): boolean {
  return isTrustedRendererUrl(url, DEV_URL);
}

function harden(): void {
  // Deny every permission by default. Our own page may write the clipboard (copy a code) and read it
  // (to clear it later only if it still holds that code); nothing else, and no other origin.
  // Display capture: "Scan the screen" (getDisplayMedia, granted below).
  const allowed = new Set(['clipboard-sanitized-write', 'clipboard-read', 'display-capture']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    // The camera, for "Use the camera" — video only, never the microphone.
    const cameraOnly =
      permission === 'media' &&
      'mediaTypes' in details &&
      (details.mediaTypes ?? []).every((type) => type === 'video');
    callback((allowed.has(permission) || cameraOnly) && isTrustedUrl(details.requestingUrl));
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => allowed.has(permission) && isTrustedUrl(requestingOrigin),
  );
  // getDisplayMedia from our own page gets a screen without a picker: the person asked for it by
  // pressing "Scan the screen", and the frame is decoded in memory and dropped. Others get nothing.
  // Each request of one scan gets the next monitor, so a scan can look at all of them.
  const screens = new ScreenRotation();
  session.defaultSession.setDisplayMediaRequestHandler((request, callback) => {
    if (!isTrustedUrl(request.frame?.url ?? request.securityOrigin)) return callback({});
    desktopCapturer
      .getSources({ types: ['screen'], thumbnailSize: { width: 0, height: 0 } })
      .then((sources) => {
        const source = screens.pick(sources);
        callback(source ? { video: source } : {});
      })
      .catch(() => callback({}));
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Test SSO (S6): our page may open our sign-in service's test link, in an isolated window.
      if (isTrustedUrl(contents.getURL()) && isTestSsoUrl(url)) openTestWindow(url);
      return { action: 'deny' };
    });
    // A Test SSO window goes wherever the IdP sends it; every other window stays on our pages.
    contents.on('will-navigate', (event, url) => {
      if (!testWindows.has(contents.id) && !isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!testWindows.has(contents.id) && !isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** webContents ids of Test SSO windows. */
const testWindows = new Set<number>();

/**
 * Test SSO's window (S6, ARCHITECTURE §2): no preload (it never reaches the api), sandboxed, and its
 * own in-memory session partition, so no cookie or IdP session of an earlier test is reused and
 * nothing it stores outlives it. It may ask for no permission.
 */
function openTestWindow(url: string): void {
  const partition = `test-sso-${randomUUID()}`;
  session
    .fromPartition(partition)
    .setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    width: 900,
    height: 720,
    title: 'Tessera — Test SSO',
    webPreferences: { partition, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  const id = window.webContents.id;
  testWindows.add(id);
  window.on('closed', () => testWindows.delete(id));
  void window.loadURL(url);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    title: 'Tessera',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(DEV_URL ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  harden();
  registerRendererProtocol();
  const core = await createCore({ dataDir: app.getPath('userData'), version: app.getVersion(), clipboard });
  let window = createWindow();
  const show = () => {
    if (window.isDestroyed()) window = createWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const tray = createTray(core, {
    show,
    quit: () => app.quit(),
    // Locked (by hand, idle time, the OS): Test SSO windows close, and the window starts afresh
    // on the lock screen, keeping nothing it showed or was given.
    locked: () => {
      for (const other of BrowserWindow.getAllWindows()) {
        if (testWindows.has(other.webContents.id)) other.close();
        else other.webContents.reload();
      }
    },
  });
  registerIpc(core, tray.refresh);
  // The screen locks or the machine sleeps: Tessera locks too (when an app lock password is set).
  const lockNow = () => {
    core.lock();
    tray.refresh();
  };
  powerMonitor.on('suspend', lockNow);
  powerMonitor.on('lock-screen', lockNow);
  // Certificate expiry alerts as desktop notifications (C4); clicking one opens the window.
  core.onAlertNotification(({ title, body }) => {
    if (!Notification.isSupported()) return false;
    const notification = new Notification({ title, body });
    notification.on('click', show);
    notification.show();
    return true;
  });
  // Timers sleep with the machine: a threshold passed meanwhile is caught up on at once.
  powerMonitor.on('resume', () => void core.checkAlertsNow().catch(() => undefined));
  // Linux reports no 'lock-screen' event; ask the session instead, every few seconds.
  setInterval(() => {
    if (powerMonitor.getSystemIdleState(60) === 'locked') lockNow();
  }, 5_000).unref();
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // A code copied from the tray leaves the clipboard with Tessera (at most a second's wait).
    event.preventDefault();
    quitting = true;
    tray.destroy();
    void Promise.race([core.clearClipboard(), new Promise((done) => setTimeout(done, 1_000))]).finally(() => {
      core.close();
      app.quit();
    });
  });
}

start().catch((error: unknown) => {
  log.error('Tessera could not start', error);
  app.exit(1);
});
