import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { deviceStatusSchema } from '../../src/core/bridge/device-status';
import type { PosBridge } from '../../src/core/bridge/pos-bridge';

// The sandboxed preload exposes one object, `window.pos`, satisfying the same
// PosBridge the browser-mode agent client implements. Raw ipcRenderer never
// reaches the page, and the IPC event object is never passed to callbacks.

const bridge = {
  host: 'electron',
  async deviceStatuses() {
    const answer: unknown = await ipcRenderer.invoke('pos:devices.status');
    const parsed = deviceStatusSchema.array().safeParse((answer as { value?: unknown } | undefined)?.value);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : {
          ok: false,
          error: {
            code: 'bad-response',
            message: 'unexpected answer from the main process',
            retryable: false,
          },
        };
  },
  onDeviceStatus(listener) {
    const handler = (_event: IpcRendererEvent, status: unknown) => {
      const parsed = deviceStatusSchema.safeParse(status);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on('pos:device-status', handler);
    return () => {
      ipcRenderer.off('pos:device-status', handler);
    };
  },
  onHostConnection(listener) {
    listener(true);
    return () => undefined;
  },
} satisfies PosBridge;

contextBridge.exposeInMainWorld('pos', bridge);
