import type { PosBridge } from '../core/bridge/pos-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in a plain browser. */
    readonly pos?: PosBridge;
  }
}

export function electronBridge(): PosBridge | undefined {
  return window.pos;
}
