/**
 * Quick copy from the tray menu (issue #4): the desktop app's tray lists the accounts, and a click
 * copies that account's current code without opening the window. The code is computed and put on
 * the clipboard here, in the main process — it never goes through a renderer — and is cleared after
 * the person's clipboard delay, but only if the clipboard still holds it (like the window's copy).
 * Electron's clipboard is the port; tests use a fake one, since Electron cannot run there.
 */
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { TotpAccount, TotpCode } from '../../../shared/ipc/contract';

/** Electron's clipboard (asynchronous, like the web's). */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

/** What the tray menu shows; built again whenever accounts or the lock change. */
export interface TrayMenuModel {
  locked: boolean;
  accounts: { id: string; label: string }[];
  /** Accounts beyond the menu's length, reachable in the window. */
  more: number;
}

/** A menu longer than this is no quicker than the window's search. */
export const TRAY_MAX_ACCOUNTS = 25;
const LABEL_MAX = 60;

export function accountLabel(account: Pick<TotpAccount, 'issuer' | 'accountName'>): string {
  const label = account.issuer ? `${account.issuer} (${account.accountName})` : account.accountName;
  // One line of plain text: an issuer is whatever the setup link said, so no control or format
  // characters (bidi overrides) and no line or paragraph separators.
  const clean = label.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  // Cut by code points, so no surrogate pair is split.
  const chars = Array.from(clean);
  return chars.length > LABEL_MAX ? `${chars.slice(0, LABEL_MAX - 1).join('')}…` : clean;
}

export function trayMenuModel(locked: boolean, accounts: readonly TotpAccount[]): TrayMenuModel {
  if (locked) return { locked, accounts: [], more: 0 };
  return {
    locked,
    accounts: accounts.slice(0, TRAY_MAX_ACCOUNTS).map((a) => ({ id: a.id, label: accountLabel(a) })),
    more: Math.max(0, accounts.length - TRAY_MAX_ACCOUNTS),
  };
}

export class QuickCopy {
  private pending: ReturnType<typeof setTimeout> | null = null;
  private copied: string | null = null;
  /** Copies and clears run one after another, so two quick clicks cannot leave a code behind. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly clipboard: Clipboard,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(step);
    this.queue = run.catch(this.onError);
    return run;
  }

  /** Copies the account's current code; cleared after `clearAfterSeconds` if still there. */
  copy(codes: readonly TotpCode[], id: string, clearAfterSeconds: number): Promise<void> {
    const code = codes.find((c) => c.id === id)?.code;
    if (!code) throw new AppError(ErrorCode.NotFound, 'That account no longer exists.', 'account.notFound');
    return this.enqueue(async () => {
      await this.clear();
      this.copied = code;
      await this.clipboard.writeText(code);
      this.pending = setTimeout(() => void this.clearNow(), clearAfterSeconds * 1000);
      // A pending clear must not keep a quitting app alive; clearNow() runs on quit instead.
      this.pending.unref?.();
    });
  }

  /** Clears our code from the clipboard now (locking, quitting) if it is still there; never rejects. */
  clearNow(): Promise<void> {
    return this.enqueue(() => this.clear()).catch(this.onError);
  }

  private async clear(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    const copied = this.copied;
    this.copied = null;
    if (copied !== null && (await this.clipboard.readText()) === copied) await this.clipboard.writeText('');
  }
}

/** The tray menu, as data: main turns each item into an Electron menu item and its action. */
export type TrayMenuItem =
  | { kind: 'separator' }
  | { kind: 'note'; label: string }
  | { kind: 'copy'; label: string; id: string }
  | { kind: 'show' | 'lock' | 'quit'; label: string };

export function trayMenuItems(model: TrayMenuModel | null): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  if (!model) items.push({ kind: 'note', label: 'Tessera cannot open its store; open it to see why' });
  else if (model.locked) items.push({ kind: 'note', label: 'Tessera is locked' });
  else if (model.accounts.length === 0) items.push({ kind: 'note', label: 'No accounts yet' });
  else {
    items.push({ kind: 'note', label: 'Copy a code' });
    for (const { id, label } of model.accounts) items.push({ kind: 'copy', label, id });
    if (model.more > 0) items.push({ kind: 'show', label: `${model.more} more in the window…` });
  }
  items.push(
    { kind: 'separator' },
    { kind: 'show', label: model?.locked ? 'Unlock Tessera…' : 'Open Tessera' },
  );
  if (model && !model.locked) items.push({ kind: 'lock', label: 'Lock Tessera' });
  items.push({ kind: 'separator' }, { kind: 'quit', label: 'Quit Tessera' });
  return items;
}
