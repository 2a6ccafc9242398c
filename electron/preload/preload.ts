import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { bridgeOverTransport } from '../../src/core/bridge/bridge-over-transport';
import type { BridgeTransport } from '../../src/core/bridge/pos-bridge';
import {
  KIOSK_EXIT_CHANNEL,
  type KioskExitAnswer,
  type KioskShell,
  kioskExitAnswerSchema,
} from '../../src/core/runtime/kiosk-exit';

// The sandboxed preload exposes one object, `window.pos`: the same PosBridge
// the browser-mode agent client builds, over IPC instead of a WebSocket.
// Raw ipcRenderer never reaches the page, the IPC event object is never
// passed on, and params and answers are checked against the bridge schemas
// on this side (and again in the main process).

const transport: BridgeTransport = {
  host: 'electron',
  async call(method, params) {
    const answer: unknown = await ipcRenderer.invoke(`pos:${method}`, params);
    const result = answer as { ok?: unknown; value?: unknown; error?: unknown } | undefined;
    if (result?.ok === true) return { ok: true, value: result.value };
    if (result?.ok === false && result.error && typeof result.error === 'object')
      return { ok: false, error: result.error as { code: string; message: string; retryable: boolean } };
    return {
      ok: false,
      error: { code: 'bad-response', message: 'unexpected answer from the main process', retryable: false },
    };
  },
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on('pos:event', handler);
    return () => {
      ipcRenderer.off('pos:event', handler);
    };
  },
  onHostConnection(listener) {
    listener(true);
    return () => undefined;
  },
};

contextBridge.exposeInMainWorld('pos', bridgeOverTransport(transport));

// The kiosk's manager exit: one function, the PIN in, a typed answer out.
// Main checks the PIN (the page never sees a hash) and quits on success;
// outside kiosk mode the channel is not registered and the answer says so.
async function requestKioskExit(pin: string): Promise<KioskExitAnswer> {
  try {
    const parsed = kioskExitAnswerSchema.safeParse(await ipcRenderer.invoke(KIOSK_EXIT_CHANNEL, { pin }));
    return parsed.success ? parsed.data : { ok: false, reason: 'bad-request' };
  } catch {
    return { ok: false, reason: 'not-configured' };
  }
}
contextBridge.exposeInMainWorld('kioskShell', { requestExit: requestKioskExit } satisfies KioskShell);
