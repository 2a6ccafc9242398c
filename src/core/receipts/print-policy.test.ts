import { describe, expect, it } from 'vitest';
import { decideReceiptPrint } from './print-policy';

describe('decideReceiptPrint (loi AGEC)', () => {
  it('asks by default, and follows the store setting otherwise', () => {
    expect(decideReceiptPrint('ask', [])).toEqual({ action: 'ask' });
    expect(decideReceiptPrint('never', [])).toEqual({ action: 'none' });
    expect(decideReceiptPrint('always', [])).toEqual({ action: 'print', exception: null });
  });

  it.each(['legal-guarantee', 'card-refund', 'card-cancelled', 'collection-ticket'] as const)(
    'prints a paper with the legal exception %s whatever the setting',
    (exception) => {
      for (const mode of ['ask', 'never', 'always'] as const) {
        expect(decideReceiptPrint(mode, [exception])).toEqual({ action: 'print', exception });
      }
    },
  );
});
