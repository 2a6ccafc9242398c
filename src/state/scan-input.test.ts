import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../core/bridge/bridge-methods';
import { type DialogOnTop, routeScan } from './scan-input';

const scan: ScanEvent = { deviceId: 'keyboard-wedge', source: 'keyboard-wedge', data: '3017620422003' };

/** A dialog on top that takes codes or not, and records what it was told. */
function dialog(takesCodes: boolean) {
  const seen: string[] = [];
  const top: DialogOnTop = {
    takeScan: (s) => {
      seen.push(`offered ${s.data}`);
      return takesCodes;
    },
    scanIgnored: () => seen.push('told ignored'),
  };
  return { top, seen };
}

describe('where a scan goes', () => {
  it('to the sale when no modal dialog is open', () => {
    const sale: string[] = [];
    expect(routeScan(scan, undefined, (s) => sale.push(s.data))).toBe('sale');
    expect(sale).toEqual(['3017620422003']);
  });

  it('never to the sale under a modal dialog: into its code field, or ignored and said so', () => {
    const sale: string[] = [];
    const withField = dialog(true);
    expect(routeScan(scan, withField.top, (s) => sale.push(s.data))).toBe('dialog');
    expect(withField.seen).toEqual(['offered 3017620422003']);

    const withoutField = dialog(false);
    expect(routeScan(scan, withoutField.top, (s) => sale.push(s.data))).toBe('ignored');
    expect(withoutField.seen).toEqual(['offered 3017620422003', 'told ignored']);
    expect(sale).toEqual([]);
  });
});
