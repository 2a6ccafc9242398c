import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { err, ok, type Result } from '../../src/core/result';

// DLE EOT replies (n=1 printer, n=2 offline cause, n=4 paper sensors) decoded
// into what the till cares about. Real-time status is answered even while the
// printer is offline, unlike GS r, which the library's getStatus() uses.

export interface PrinterCondition {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperNearEnd: boolean;
  readonly paperOut: boolean;
  readonly error: boolean;
  /**
   * Drawer connector pin 3 high (DLE EOT 1, bit 2). Most drawers close that
   * switch when open; a few wire it the other way round (see docs/printer.md).
   */
  readonly drawerOpen: boolean;
}

export interface StatusReplies {
  readonly printer: number;
  readonly offlineCause: number;
  readonly paper: number;
}

/** Every DLE EOT reply has bits 1 and 4 set and bits 0 and 7 clear; anything else is not a status byte. */
export const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

export function decodePrinterStatus(replies: StatusReplies): Result<PrinterCondition, BridgeError> {
  const { printer, offlineCause, paper } = replies;
  if (![printer, offlineCause, paper].every(isStatusByte)) {
    return err({ code: 'printer-bad-reply', message: 'Réponse d’état illisible', retryable: true });
  }
  return ok({
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
    error: (offlineCause & 0x40) !== 0,
    drawerOpen: (printer & 0x04) !== 0,
  });
}

/** Why the printer cannot print now, most specific first; null when it can. */
export function conditionError(c: PrinterCondition): BridgeError | null {
  if (c.paperOut) return { code: 'paper-out', message: 'Plus de papier dans l’imprimante', retryable: true };
  if (c.coverOpen) return { code: 'cover-open', message: 'Capot de l’imprimante ouvert', retryable: true };
  if (c.error) return { code: 'printer-error', message: 'Erreur de l’imprimante', retryable: true };
  if (!c.online) return { code: 'printer-offline', message: 'Imprimante hors ligne', retryable: true };
  return null;
}

export interface PrinterIdentity {
  readonly deviceId: string;
  readonly name: string;
  readonly simulated: boolean;
}

export function toDeviceStatus(c: PrinterCondition, who: PrinterIdentity): DeviceStatus {
  const base = { ...who, kind: 'printer' } as const;
  const problem = conditionError(c);
  if (problem) return { ...base, state: 'disconnected', detail: problem.message };
  if (c.paperNearEnd) return { ...base, state: 'degraded', detail: 'Papier bientôt épuisé' };
  return { ...base, state: 'connected' };
}

/** The drawer's line as the cashier sees it: it hangs off the printer, so it is only known while the printer answers. */
export function toDrawerStatus(c: PrinterCondition | null, who: PrinterIdentity): DeviceStatus {
  const base = { ...who, kind: 'drawer' } as const;
  if (c === null)
    return { ...base, state: 'disconnected', detail: 'Imprimante injoignable : tiroir inconnu' };
  return { ...base, state: 'connected', detail: c.drawerOpen ? 'Tiroir ouvert' : 'Tiroir fermé' };
}
