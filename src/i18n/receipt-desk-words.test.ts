import { describe, expect, it } from 'vitest';
import { DISPLAY_LINE_WIDTH } from '../core/bridge/bridge-methods';
import { i18n, LANGUAGES } from './i18n';

describe('receipt desk words', () => {
  it.each(LANGUAGES)('%s: the shortcuts P, Q, N are the first letters of the answers', (lng) => {
    const t = i18n.getFixedT(lng);
    expect([t('receiptDesk.paper'), t('receiptDesk.qr'), t('receiptDesk.none')].map((w) => w[0])).toEqual([
      'P',
      'Q',
      'N',
    ]);
  });

  it.each(LANGUAGES)('%s: the pole display lines fit its 20 characters', (lng) => {
    const t = i18n.getFixedT(lng);
    expect(t('receiptDesk.displayScanQr.upper').length).toBeLessThanOrEqual(DISPLAY_LINE_WIDTH);
    expect(t('receiptDesk.displayScanQr.lower').length).toBeLessThanOrEqual(DISPLAY_LINE_WIDTH);
    expect(t('display.receiptOnRequest').length).toBeLessThanOrEqual(DISPLAY_LINE_WIDTH);
  });
});
