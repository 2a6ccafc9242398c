import type { ReceiptDocument } from '../../src/core/receipts';

// A small receipt with every block type, for the renderer's and the printer's tests.
export function aSmallReceipt(overrides: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return {
    format: 'receipt-document/1',
    kind: 'sale',
    receiptNumber: 'PAR01-03-000123',
    locale: 'fr-FR',
    duplicate: false,
    blocks: [
      { type: 'logo', assetId: 'logo-lenoir' },
      { type: 'text', text: 'Épicerie Lenoir', align: 'center', bold: true, size: 'double' },
      { type: 'text', text: 'Grande braderie de printemps', align: 'center', bold: false, size: 'double' },
      { type: 'text', text: '12 rue de la Paix, 75002 Paris', align: 'center', bold: false, size: 'normal' },
      { type: 'rule' },
      {
        type: 'columns',
        left: 'Bœuf & crème brûlée ×2',
        right: '7,80\u202F€',
        indent: 0,
        bold: false,
        size: 'normal',
      },
      {
        type: 'columns',
        left: 'Œufs “plein air” — boîte de 6',
        right: '3,10\u00A0€',
        indent: 0,
        bold: false,
        size: 'normal',
      },
      { type: 'columns', left: 'TOTAL', right: '10,90\u00A0€', indent: 0, bold: true, size: 'double-height' },
      {
        type: 'vat-table',
        headings: { rateLabel: 'Taux', net: 'HT', vat: 'TVA', gross: 'TTC' },
        rows: [{ rateLabel: '5,5 %', net: '10,33', vat: '0,57', gross: '10,90' }],
        total: { rateLabel: 'Total', net: '10,33', vat: '0,57', gross: '10,90' },
      },
      { type: 'barcode', symbology: 'ean13', data: '3017620422003' },
      { type: 'barcode', symbology: 'qr', data: 'POS1:R:PAR01-03-000123' },
      { type: 'text', text: 'Merci de votre visite…', align: 'right', bold: false, size: 'normal' },
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
    ...overrides,
  };
}
