/**
 * The tray icon and its menu (issue #4, "tray menu with quick copy"). The menu's content and the
 * copy itself live in the core (electron/core/totp/quick-copy.ts, tested there); this only turns
 * them into Electron's menu. It is rebuilt when accounts or the lock may have changed: after every
 * call from the window, and every few seconds (auto-lock happens without a call) — which is also
 * how main learns that Tessera locked itself.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import trayIconPath from '../../build/tray.png?asset';
import type { Core } from '../core/app-core';
import { trayMenuItems, type TrayMenuItem } from '../core/totp/quick-copy';
import { createLogger } from '../core/logger';

const log = createLogger('tray');
const REFRESH_EVERY_MS = 5_000;

export function createTray(
  core: Core,
  actions: { show(): void; quit(): void; /** Tessera went from unlocked to locked. */ locked(): void },
) {
  const tray = new Tray(nativeImage.createFromPath(trayIconPath));
  tray.setToolTip('Tessera');
  let shown = '';
  /** Unknown until the first look (a start that is locked is not a lock). */
  let wasLocked: boolean | null = null;

  const toElectron = (item: TrayMenuItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: item.label, enabled: false };
      case 'copy':
        // "&" marks a keyboard accelerator on Windows; an issuer may contain one.
        return { label: item.label.replace(/&/g, '&&'), click: () => void copy(item.id) };
      case 'show':
        return { label: item.label, click: actions.show };
      case 'lock':
        return { label: item.label, click: () => (core.lock(), void refresh()) };
      case 'quit':
        return { label: item.label, click: actions.quit };
    }
  };

  async function refresh(): Promise<void> {
    const model = await core.trayMenu().catch(() => null);
    const locked = model?.locked ?? false;
    if (locked && wasLocked === false) actions.locked();
    wasLocked = locked;
    const items = trayMenuItems(model);
    // Rebuilding an open menu closes it on some desktops: only when something changed.
    const key = JSON.stringify(items);
    if (key === shown || tray.isDestroyed()) return;
    shown = key;
    tray.setContextMenu(Menu.buildFromTemplate(items.map(toElectron)));
  }

  async function copy(id: string): Promise<void> {
    try {
      await core.quickCopy(id);
    } catch (error) {
      log.warn(`Quick copy failed: ${(error as Error).message}`);
      void refresh();
    }
  }

  const timer = setInterval(() => void refresh(), REFRESH_EVERY_MS);
  tray.on('click', actions.show);
  void refresh();
  return {
    refresh: () => void refresh(),
    destroy() {
      clearInterval(timer);
      tray.destroy();
    },
  };
}
