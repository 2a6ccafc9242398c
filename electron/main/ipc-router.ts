import type { BridgeError } from '../../src/core/bridge/bridge-error';
import {
  type BridgeEvent,
  type BridgeMethod,
  bridgeMethods,
  isBridgeMethod,
} from '../../src/core/bridge/bridge-methods';
import { err, type Result } from '../../src/core/result';
import { isAllowedNavigation } from './security';

// The IPC side of the bridge in the main process: one `pos:<method>` channel
// per bridge method, each refusing senders other than our own top-level
// app:// page and params that fail the method's schema, before anything
// reaches the hardware host. Electron objects come in as parameters so this
// runs in unit tests without the Electron binary.

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** The part of Electron's IpcMainInvokeEvent the router reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's ipcMain the router uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of Electron's WebContents events go to. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export const bridgeChannel = (method: BridgeMethod): string => `pos:${method}`;
export const BRIDGE_EVENT_CHANNEL = 'pos:event';

const forbidden: BridgeError = {
  code: 'forbidden',
  message: 'only the till app itself may use the devices',
  retryable: false,
};

/**
 * Our page and nothing else: the top frame (an iframe is never ours) showing
 * an app://till URL. A detached frame (navigated away or destroyed) is refused.
 */
export function isTrustedSender(event: InvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAllowedNavigation(frame.url);
}

export type ForwardCall = (method: BridgeMethod, params: unknown) => Promise<Result<unknown, BridgeError>>;

/** Validates one invoke and forwards it; exported for the tests' table of cases. */
export async function routeBridgeCall(
  method: BridgeMethod,
  event: InvokeEvent,
  params: unknown,
  forward: ForwardCall,
): Promise<Result<unknown, BridgeError>> {
  if (!isTrustedSender(event)) return err(forbidden);
  const parsed = bridgeMethods[method].params.safeParse(params);
  if (!parsed.success)
    return err({
      code: 'bad-request',
      message: `${method}: ${parsed.error.issues[0]?.message ?? 'bad params'}`,
      retryable: false,
    });
  return forward(method, parsed.data);
}

/** Registers every bridge channel; returns the function that removes them. */
export function registerBridgeChannels(ipcMain: IpcMainLike, forward: ForwardCall): () => void {
  const methods = Object.keys(bridgeMethods).filter(isBridgeMethod);
  for (const method of methods) {
    ipcMain.handle(bridgeChannel(method), (event, params) => routeBridgeCall(method, event, params, forward));
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(bridgeChannel(method));
  };
}

/** Sends a (validated) host event to the window, if it is still there. */
export function sendBridgeEvent(target: EventTarget | undefined, event: BridgeEvent, payload: unknown): void {
  if (target && !target.isDestroyed()) target.send(BRIDGE_EVENT_CHANNEL, event, payload);
}
