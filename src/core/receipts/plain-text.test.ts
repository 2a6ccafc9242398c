import { describe, expect, it } from 'vitest';
import { receiptToPlainText } from './plain-text';
import { type ReceiptBlock, type ReceiptDocument, receiptDocumentSchema } from './receipt-document';
import { layoutVatTable } from './vat-table-layout';

const NBSP = '\u00A0';

const documentOf = (...blocks: ReceiptBlock[]): ReceiptDocument =>
  receiptDocumentSchema.parse({
    format: 'receipt-document/1',
    kind: 'sale',
    receiptNumber: 'PAR01-03-000123',
    locale: 'fr-FR',
    duplicate: false,
    blocks,
  });

const text = (
  t: string,
  align: 'left' | 'center' | 'right',
  size: 'normal' | 'double' = 'normal',
): ReceiptBlock => ({
  type: 'text',
  text: t,
  align,
  bold: false,
  size,
});

const VAT_TABLE = {
  type: 'vat-table',
  headings: { rateLabel: 'Taux', net: 'HT', vat: 'TVA', gross: 'TTC' },
  rows: [
    { rateLabel: `20${NBSP}%`, net: '16,12', vat: '3,23', gross: '19,35' },
    { rateLabel: `5,5${NBSP}%`, net: '10,76', vat: '0,59', gross: '11,35' },
  ],
  total: { rateLabel: 'Total', net: '26,88', vat: '3,82', gross: '30,70' },
} as const satisfies ReceiptBlock;

describe('receiptToPlainText', () => {
  it('renders each kind of block', () => {
    const doc = documentOf(
      { type: 'logo', assetId: 'logo-lenoir' },
      text('Maison Lenoir', 'center'),
      { type: 'rule' },
      { type: 'columns', left: 'Yaourt', right: `1,20${NBSP}€`, indent: 0, bold: false, size: 'normal' },
      { type: 'columns', left: '3 x 0,40 €', right: '', indent: 2, bold: false, size: 'normal' },
      text('fin', 'right'),
      { type: 'feed', lines: 2 },
      { type: 'barcode', symbology: 'qr', data: 'POS1:R:PAR01-03-000123' },
      { type: 'cut' },
    );
    expect(receiptToPlainText(doc, 24)).toBe(
      [
        '     Maison Lenoir',
        '------------------------',
        'Yaourt            1,20 €',
        '  3 x 0,40 €',
        '                     fin',
        '',
        '',
        ' POS1:R:PAR01-03-000123',
      ].join('\n'),
    );
  });

  it('wraps double-width text at half the width, as it prints', () => {
    expect(receiptToPlainText(documentOf(text('DUPLICATA DU TICKET', 'center', 'double')), 32)).toBe(
      ['          DUPLICATA DU', '             TICKET'].join('\n'),
    );
  });

  it('maps text to the code page before laying it out', () => {
    const doc = documentOf(text('Merci… à bientôt', 'left'));
    expect(receiptToPlainText(doc, 32, { charset: 'iso-8859-15' })).toBe('Merci... à bientôt');
    expect(receiptToPlainText(doc, 32, { charset: 'windows-1252' })).toBe('Merci… à bientôt');
  });

  it('refuses widths no receipt has', () => {
    const doc = documentOf({ type: 'rule' });
    expect(() => receiptToPlainText(doc, 8)).toThrow(RangeError);
    expect(() => receiptToPlainText(doc, 42.5)).toThrow(RangeError);
  });
});

describe('layoutVatTable', () => {
  it('lays the table out in four columns across the width', () => {
    expect(layoutVatTable(VAT_TABLE, 32)).toEqual([
      'Taux         HT     TVA      TTC',
      `20${NBSP}%      16,12    3,23    19,35`,
      `5,5${NBSP}%     10,76    0,59    11,35`,
      'Total     26,88    3,82    30,70',
    ]);
  });

  it('stacks each rate when the amounts cannot share a line, keeping net, VAT, gross in order', () => {
    const wide = {
      ...VAT_TABLE,
      rows: [{ rateLabel: `20${NBSP}%`, net: '8 333 333,33', vat: '1 666 666,67', gross: '10 000 000,00' }],
      total: { rateLabel: 'Total', net: '8 333 333,33', vat: '1 666 666,67', gross: '10 000 000,00' },
    };
    expect(layoutVatTable(wide, 32)).toEqual([
      `20${NBSP}%`,
      '  HT                8 333 333,33',
      '  TVA               1 666 666,67',
      '  TTC              10 000 000,00',
      'Total',
      '  HT                8 333 333,33',
      '  TVA               1 666 666,67',
      '  TTC              10 000 000,00',
    ]);
  });
});
