import type { KeyboardWedgeConfig } from '../core/barcodes/keyboard-wedge';
import type { ScanEvent } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { listenForKeyboardWedge } from '../platform/keyboard-wedge-listener';

/**
 * Every scanner feeds one path: keyboard-wedge bursts detected in this window
 * and HID or serial scans from the hardware host arrive as the same
 * ScanEvent, whose `data` the sale hands to parseScan. Returns the stop function.
 */
export function listenForScans(
  bridge: PosBridge | undefined,
  onScan: (scan: ScanEvent) => void,
  wedge: Partial<KeyboardWedgeConfig> = {},
): () => void {
  const stops = [listenForKeyboardWedge(onScan, { config: wedge })];
  if (bridge) stops.push(bridge.onScan(onScan));
  return () => {
    for (const stop of stops) stop();
  };
}

/** The modal dialog on top of the screen, as a scan sees it (the kit's modal stack, src/ui/kit/modal-stack.ts). */
export interface DialogOnTop {
  /** Offers the scan to the dialog; true when it took it (a code field: receipt, voucher card). */
  takeScan(scan: ScanEvent): boolean;
  /** Says in the dialog that the scan was ignored. */
  scanIgnored(): void;
}

export type ScanRoute = 'sale' | 'dialog' | 'ignored';

/**
 * Where one scan goes. With a modal dialog open the basket behind it is never
 * touched: the dialog takes the code if it has a field for one, otherwise the
 * scan is ignored and the dialog says so. With none open, it goes to the sale.
 */
export function routeScan(
  scan: ScanEvent,
  dialog: DialogOnTop | undefined,
  toSale: (scan: ScanEvent) => void,
): ScanRoute {
  if (!dialog) {
    toSale(scan);
    return 'sale';
  }
  if (dialog.takeScan(scan)) return 'dialog';
  dialog.scanIgnored();
  return 'ignored';
}
