/**
 * The only bridge between the sandboxed renderer and the main process: one `tessera` object with
 * one method. ipcRenderer itself is never exposed; unknown channels are refused here and again by
 * the gate in main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';

const allowed = new Set<string>(CHANNEL_NAMES);

contextBridge.exposeInMainWorld('tessera', {
  invoke(channel: string, request: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } });
    }
    return ipcRenderer.invoke(channel, request);
  },
});
