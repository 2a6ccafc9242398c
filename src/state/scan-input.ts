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
