import type { KioskShell } from '../core/runtime/kiosk-exit';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser, where there is no kiosk mode to leave. */
    readonly kioskShell?: KioskShell;
  }
}

/** The manager exit of Electron's kiosk mode, when the app runs in it. */
export function kioskShell(): KioskShell | undefined {
  return window.kioskShell;
}
