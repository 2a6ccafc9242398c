import { describe, expect, it } from 'vitest';
import { receiptToPlainText } from '../../src/core/receipts';
import { EscPosDecoder, type PrintedReceipt } from '../simulators/escpos-printer/escpos-decoder';
import { renderReceipt } from './render-receipt';
import { aSmallReceipt } from './test-receipt';

function decode(
  bytes: Uint8Array,
  width: number,
  wpc1252Page = 16,
): { receipts: PrintedReceipt[]; unknown: readonly string[] } {
  const receipts: PrintedReceipt[] = [];
  const decoder = new EscPosDecoder(width, wpc1252Page, {
    statusQuery: () => {},
    drawerKick: () => {},
    cut: (r) => receipts.push(r),
  });
  decoder.write(bytes, () => true);
  return { receipts, unknown: decoder.unknownCommands() };
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim();

describe('renderReceipt', () => {
  it('renders a small receipt to exact bytes (golden)', () => {
    const doc = aSmallReceipt({
      blocks: [
        { type: 'text', text: 'Café', align: 'center', bold: true, size: 'double' },
        { type: 'columns', left: 'Thé', right: '2,50\u202F€', indent: 0, bold: false, size: 'normal' },
        { type: 'cut' },
      ],
    });
    expect(hex(renderReceipt(doc, { widthChars: 16 }))).toBe(
      [
        '1b 40 1b 74 10', // init, WPC1252
        '1b 61 01 1b 45 01 1d 21 11', // centre, bold, double width and height
        '43 61 66 e9 0a', // "Café" LF
        '1b 61 00 1b 45 00 1d 21 00', // back to plain
        '1b 61 00 1b 45 00 1d 21 00', // columns: left, not bold, normal
        '54 68 e9 20 20 20 20 20 20 20 32 2c 35 30 a0 80 0a', // "Thé        2,50 €" with a no-break space
        '1b 61 00 1b 45 00 1d 21 00',
        '1d 56 42 00', // feed to cutter and cut, no ESC @ after it
      ].join(' '),
    );
  });

  it('uses the configured code page number and appends a cut when missing', () => {
    const doc = aSmallReceipt({ blocks: [{ type: 'rule' }] });
    const bytes = hex(renderReceipt(doc, { widthChars: 16, codePage: 19 }));
    expect(bytes.startsWith('1b 40 1b 74 13')).toBe(true);
    expect(bytes.endsWith('0a 1d 56 42 00')).toBe(true);
  });

  it.each([32, 42, 48])('prints at width %i what receiptToPlainText shows', (width) => {
    const doc = aSmallReceipt();
    const { receipts, unknown } = decode(renderReceipt(doc, { widthChars: width }), width);
    expect(unknown).toEqual([]);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toBe(receiptToPlainText(doc, width, { charset: 'windows-1252' }));
    expect(receipts[0]?.qr).toEqual(['POS1:R:PAR01-03-000123']);
    expect(receipts[0]?.barcodes).toEqual(['3017620422003']);
  });

  it('keeps French letters and the euro on paper', () => {
    const { receipts } = decode(renderReceipt(aSmallReceipt()), 42);
    expect(receipts[0]?.text).toContain('Bœuf & crème brûlée');
    expect(receipts[0]?.text).toContain('Œufs “plein air” — boîte de 6');
    expect(receipts[0]?.text).toContain('10,90 €');
  });

  it('prints garbage if the printer numbers WPC1252 differently (why the number is configurable)', () => {
    const { receipts } = decode(renderReceipt(aSmallReceipt()), 42, 19);
    expect(receipts[0]?.text).not.toContain('crème');
    expect(receipts[0]?.text).toContain('cr\uFFFDme');
  });
});
