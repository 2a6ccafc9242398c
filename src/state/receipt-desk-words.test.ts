import { describe, expect, it } from 'vitest';
import { DISPLAY_LINE_WIDTH } from '../core/bridge/bridge-methods';
import { RECEIPT_DESK_WORDS } from './receipt-desk-words';

describe('receipt desk words', () => {
  it.each(Object.entries(RECEIPT_DESK_WORDS))(
    '%s: the shortcuts P, Q, N are the first letters of the answers',
    (_, words) => {
      expect([words.paper, words.qr, words.none].map((w) => w[0])).toEqual(['P', 'Q', 'N']);
    },
  );

  it.each(Object.entries(RECEIPT_DESK_WORDS))(
    '%s: the pole display lines fit its 20 characters',
    (_, words) => {
      expect(words.displayScanQr.upper.length).toBeLessThanOrEqual(DISPLAY_LINE_WIDTH);
      expect(words.displayScanQr.lower.length).toBeLessThanOrEqual(DISPLAY_LINE_WIDTH);
    },
  );
});
