import { describe, expect, it } from 'vitest';
import { unwrap } from '../cart/test-builders';
import { receiptToPlainText } from './plain-text';
import { receiptDocumentSchema } from './receipt-document';
import { buildSaleReceipt } from './sale-receipt';
import { aReceiptContext, theWorkedSale } from './test-builders';
import { breakAtWidth } from './text-layout';

// The card terminal's slip (customer copy) printed after the till receipt:
// its lines as the terminal laid them out, each slip on its own piece of paper.

const SLIP = ['   CARTE BANCAIRE', 'MONTANT         EUR 12,34', '', 'PAIEMENT ACCEPTE'];

describe('sale receipt with the card terminal slip', () => {
  it('appends each slip after the receipt, after a cut, and ends on a cut', () => {
    const plain = unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext()));
    const withSlip = unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext({ terminalSlips: [SLIP] })));
    expect(withSlip.blocks.slice(0, plain.blocks.length)).toEqual(plain.blocks);
    expect(plain.blocks.at(-1)).toEqual({ type: 'cut' });
    expect(withSlip.blocks.slice(plain.blocks.length)).toEqual([
      ...SLIP.map((text) => ({ type: 'preformatted', text })),
      { type: 'cut' },
    ]);
    expect(receiptDocumentSchema.parse(JSON.parse(JSON.stringify(withSlip)))).toEqual(withSlip);
  });

  it('prints the slip lines as laid out by the terminal, spaces kept, below the till receipt', () => {
    const plain = receiptToPlainText(unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext())), 42);
    const doc = unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext({ terminalSlips: [SLIP] })));
    expect(receiptToPlainText(doc, 42)).toBe([plain, ...SLIP].join('\n'));
  });

  it('removes control characters a terminal line might carry, so none reaches the printer', () => {
    const hostile = ['A\x1b@B\x1dV\x00C', 'TAB\tHERE\r\n', 'ZERO\u200BWIDTH\u2028END'];
    const doc = unwrap(buildSaleReceipt(theWorkedSale(), aReceiptContext({ terminalSlips: [hostile] })));
    const lines = doc.blocks.filter((b) => b.type === 'preformatted').map((b) => b.text);
    expect(lines).toEqual(['A@BVC', 'TAB HERE  ', 'ZEROWIDTH END']);
    expect(lines.join('')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('prints two card payments as two slips and skips a payment the terminal gave no lines for', () => {
    const doc = unwrap(
      buildSaleReceipt(theWorkedSale(), aReceiptContext({ terminalSlips: [['ONE'], [], ['TWO']] })),
    );
    const tail = doc.blocks.slice(doc.blocks.findIndex((b) => b.type === 'preformatted'));
    expect(tail).toEqual([
      { type: 'preformatted', text: 'ONE' },
      { type: 'cut' },
      { type: 'preformatted', text: 'TWO' },
      { type: 'cut' },
    ]);
  });

  it('breaks a line wider than the paper at the width, not at words', () => {
    expect(breakAtWidth('AB  CD  EF', 4)).toEqual(['AB  ', 'CD  ', 'EF']);
    expect(breakAtWidth('', 32)).toEqual(['']);
    const doc = unwrap(
      buildSaleReceipt(theWorkedSale(), aReceiptContext({ terminalSlips: [['X'.repeat(40)]] })),
    );
    expect(receiptToPlainText(doc, 32).split('\n').slice(-2)).toEqual(['X'.repeat(32), 'X'.repeat(8)]);
  });
});
