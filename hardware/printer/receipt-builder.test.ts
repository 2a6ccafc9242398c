import { readFileSync } from 'node:fs';
import thermal from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { receiptToPlainText } from '../../src/core/receipts';
import { decodePrinterBytes } from '../simulators/escpos-printer/escpos-decoder';
import { selectCodePage, statusQuery } from './printer-commands';
import { buildReceipt, drawerKick, type ReceiptLayout } from './receipt-builder';
import { aSmallReceipt } from './test-receipt';

// The bytes we send, pinned: each library fault we work around has one test
// showing the library still does it (so a fixed release is noticed) and one
// showing what goes to the printer instead.

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim();
const LOGO = readFileSync(new URL('../../assets/logos/logo-lenoir.png', import.meta.url));
const EPSON: ReceiptLayout = { model: 'epson', codePage: 16, charset: 'windows-1252', widthChars: 42 };
const STAR: ReceiptLayout = { model: 'star', codePage: 32, charset: 'windows-1252', widthChars: 42 };

/** The library on its own, as its README uses it. */
function library(model: 'epson' | 'star', characterSet?: string) {
  const p = new thermal.ThermalPrinter({
    type: model === 'epson' ? thermal.PrinterTypes.EPSON : thermal.PrinterTypes.STAR,
    interface: undefined as unknown as string,
    ...(characterSet ? { characterSet: characterSet as thermal.CharacterSet } : {}),
  });
  const bytes = () => hex(p.getBuffer());
  return { p, bytes };
}

const cafe = aSmallReceipt({
  blocks: [
    { type: 'text', text: 'Café', align: 'center', bold: true, size: 'double' },
    { type: 'columns', left: 'Thé', right: '2,50\u202F€', indent: 0, bold: false, size: 'double-height' },
    { type: 'cut' },
  ],
});

describe('receipt bytes through node-thermal-printer (Epson)', () => {
  it('renders a small receipt to exact bytes (golden)', async () => {
    expect(hex(await buildReceipt(cafe, { ...EPSON, widthChars: 16 }))).toBe(
      [
        '1b 40 1b 74 10', // init, WPC1252 by our number
        '1b 61 01 1b 45 01 1d 21 11', // centre, bold, double width and height
        '43 61 66 e9 0a', // "Café" LF
        '1b 61 00 1b 45 00 1d 21 00', // back to plain
        '1b 61 00 1b 45 00 1d 21 01', // columns: left, not bold, double height only
        '54 68 e9 20 20 20 20 20 20 20 32 2c 35 30 a0 80 0a', // "Thé        2,50 €", no-break space kept
        '1b 61 00 1b 45 00 1d 21 00',
        '1b 64 04 1d 56 01 1b 40', // the library's partial cut: feed 4, cut, ESC @
        '1b 74 10', // ... and our code page again after its ESC @
      ].join(' '),
    );
  });

  it('works around setTextSize swapping width and height', async () => {
    // The library: setTextSize(height 1, width 0) should be double height, but sends GS ! 0x10 = double width.
    const { p, bytes } = library('epson');
    p.setTextSize(1, 0);
    expect(bytes()).toBe('1d 21 10');
    // Ours: double height is GS ! 0x01 (height in the low nibble).
    const doubleHeight = aSmallReceipt({
      blocks: [{ type: 'text', text: 'X', align: 'left', bold: false, size: 'double-height' }],
    });
    expect(hex(await buildReceipt(doubleHeight, EPSON))).toContain('1b 45 00 1d 21 01 58 0a');
  });

  it('works around openCashDrawer missing the pulse timing', () => {
    const { p, bytes } = library('epson');
    p.openCashDrawer();
    expect(bytes()).toBe('1b 70 00 1b 70 01');
    expect(hex(drawerKick('epson'))).toBe('1b 70 00 19 fa');
  });

  it('re-selects the code page after every ESC @ the library puts after a cut', async () => {
    const { p, bytes } = library('epson');
    p.partialCut();
    expect(bytes().endsWith('1b 40')).toBe(true);
    const twoCuts = aSmallReceipt({
      blocks: [
        { type: 'text', text: 'Reçu', align: 'left', bold: false, size: 'normal' },
        { type: 'cut' },
        { type: 'text', text: 'Duplicata é', align: 'left', bold: false, size: 'normal' },
        { type: 'cut' },
      ],
    });
    const bytesSent = await buildReceipt(twoCuts, EPSON);
    const afterInit = hex(bytesSent).split('1b 40').slice(1);
    expect(afterInit.length).toBe(3);
    for (const tail of afterInit) expect(tail.trim().startsWith('1b 74 10')).toBe(true);
    const decoded = decodePrinterBytes(bytesSent, { model: 'epson', widthChars: 42 });
    expect(decoded.receipts.map((r) => r.text)).toEqual(['Reçu', 'Duplicata é']);
  });

  it('keeps œ in WPC1252 where the library would switch code page mid-line', async () => {
    const { p, bytes } = library('epson', 'PC858_EURO');
    p.print('Bœuf');
    // PC858 (ESC t 19) has no œ: the library switches to WPC1252 (ESC t 16) in the middle of the word.
    expect(bytes()).toBe('1b 74 13 42 1b 74 10 9c 75 66');
    const bytesSent = hex(
      await buildReceipt(
        aSmallReceipt({
          blocks: [{ type: 'text', text: 'Bœuf', align: 'left', bold: false, size: 'normal' }],
        }),
        EPSON,
      ),
    );
    expect(bytesSent).toContain('42 9c 75 66 0a');
    expect(bytesSent.match(/1b 74/g)).toHaveLength(2); // after the first ESC @ and after the cut's
  });

  it('asks status with real-time DLE EOT, not the GS r the library sends', async () => {
    const { p, bytes } = library('epson');
    // getStatus() is in lib/core.js but not in the bundled typings.
    await (p as unknown as { getStatus(): Promise<void> }).getStatus();
    expect(bytes()).toBe('1d 72 01');
    expect([1, 2, 4].map((n) => hex(statusQuery(n as 1 | 2 | 4)))).toEqual([
      '10 04 01',
      '10 04 02',
      '10 04 04',
    ]);
  });

  it('uses the configured code page number (clones number pages differently)', async () => {
    const bytes = await buildReceipt(aSmallReceipt(), { ...EPSON, codePage: 19 });
    expect(hex(bytes).startsWith('1b 40 1b 74 13')).toBe(true);
    // A printer that numbers WPC1252 as 16 prints garbage for the accents: why the number is configurable.
    const { receipts } = decodePrinterBytes(bytes, { model: 'epson', widthChars: 42 });
    expect(receipts[0]?.text).toContain('cr\uFFFDme');
  });

  it('prints EAN-13 with its digits and a QR code of the receipt number', async () => {
    const bytes = hex(await buildReceipt(aSmallReceipt(), EPSON));
    // GS H 2 (digits below), GS k 67 12 + the first 12 digits: the printer adds the check digit.
    expect(bytes).toContain(
      '1d 48 02 1d 66 00 1d 77 03 1d 68 50 1d 6b 43 0c 33 30 31 37 36 32 30 34 32 32 30 30',
    );
    const qr = [...Buffer.from('POS1:R:PAR01-03-000123')].map((b) => b.toString(16)).join(' ');
    expect(bytes).toContain(`1d 28 6b 19 00 31 50 30 ${qr} 1d 28 6b 03 00 31 51 30`);
  });
});

describe('receipt bytes through node-thermal-printer (Star Line Mode)', () => {
  it('renders a small receipt to exact bytes (golden)', async () => {
    expect(hex(await buildReceipt(cafe, { ...STAR, widthChars: 16 }))).toBe(
      [
        '1b 40 1b 1d 74 20', // init, WPC1252 is 32 on Star
        '1b 1d 61 01 1b 45 1b 69 01 01', // centre, bold, ESC i 1 1 (double height and width)
        '43 61 66 e9 0a',
        '1b 1d 61 00 1b 46 1b 69 00 00',
        '1b 1d 61 00 1b 46 1b 69 01 00', // double height only
        '54 68 e9 20 20 20 20 20 20 20 32 2c 35 30 a0 80 0a',
        '1b 1d 61 00 1b 46 1b 69 00 00',
        '0b 1b 64 03 1b 40 1b 1d 74 20', // the library's cut with its ESC @, then our code page
      ].join(' '),
    );
  });

  it('kicks the drawer with the library’s ESC BEL n1 n2 BEL, which is right for Star', () => {
    expect(hex(drawerKick('star'))).toBe('1b 07 0b 37 07');
  });

  it('sends the QR data command header the library leaves out', async () => {
    const { p, bytes } = library('star');
    p.printQR('AB', {});
    expect(bytes()).toContain('1b 1d 79 53 32 04 02 00 41 42'); // length and data straight after the cell size
    const ours = hex(
      await buildReceipt(aSmallReceipt({ blocks: [{ type: 'barcode', symbology: 'qr', data: 'AB' }] }), STAR),
    );
    expect(ours).toContain('1b 1d 79 44 31 00 02 00 41 42 1b 1d 79 50');
    expect(hex(selectCodePage('star', 32))).toBe('1b 1d 74 20');
  });
});

describe('what the printer makes of it (simulator decoder)', () => {
  const cases = [
    ['epson', EPSON],
    ['star', STAR],
  ] as const;

  it.each(cases.flatMap(([name, layout]) => [32, 42, 48].map((w) => [name, layout, w] as const)))(
    '%s at width %i prints what receiptToPlainText shows',
    async (model, layout, width) => {
      const doc = aSmallReceipt();
      const bytes = await buildReceipt(doc, { ...layout, widthChars: width, logo: () => LOGO });
      const { receipts, unknown } = decodePrinterBytes(bytes, { model, widthChars: width });
      expect(unknown).toEqual([]);
      expect(receipts).toHaveLength(1);
      expect(receipts[0]?.text).toBe(receiptToPlainText(doc, width, { charset: 'windows-1252' }));
      expect(receipts[0]?.qr).toEqual(['POS1:R:PAR01-03-000123']);
      expect(receipts[0]?.barcodes).toEqual(['3017620422003']);
      // The logo's dots arrive as drawn, whatever the command set (GS v 0 or Star ESC k bands).
      const [image] = receipts[0]?.images ?? [];
      expect(image).toMatchObject({ widthDots: 192, heightDots: 48 });
      expect(image?.rows).toHaveLength(48);
      expect(image?.rows[0]).toBe('#'.repeat(192)); // top of the frame
      expect(image?.rows[5]).toBe(`###${'.'.repeat(186)}###`); // the frame's sides, white inside
      expect(image?.rows[10]?.slice(0, 26)).toBe('############............##'); // the awning's stripes
    },
  );

  it('keeps French letters, œ and the euro on paper in ISO-8859-15 too', async () => {
    const doc = aSmallReceipt();
    const bytes = await buildReceipt(doc, { ...EPSON, charset: 'iso-8859-15', codePage: 40 });
    const { receipts } = decodePrinterBytes(bytes, { model: 'epson', widthChars: 42 });
    expect(receipts[0]?.text).toBe(receiptToPlainText(doc, 42, { charset: 'iso-8859-15' }));
    expect(receipts[0]?.text).toContain('Bœuf & crème brûlée');
    expect(receipts[0]?.text).toContain('10,90 €');
  });

  it('prints a receipt without its logo when the image is missing', async () => {
    const bytes = await buildReceipt(aSmallReceipt(), { ...EPSON, logo: () => undefined });
    expect(decodePrinterBytes(bytes, { model: 'epson', widthChars: 42 }).receipts[0]?.images).toEqual([]);
  });

  it.each(['epson', 'star'] as const)(
    '%s: the card slip comes after a cut, spaces kept, broken at the width',
    async (model) => {
      const slip = ['   CARTE BANCAIRE', 'MONTANT      12,34 €', '', `REF ${'9'.repeat(36)}`];
      const receipt = aSmallReceipt();
      const doc = aSmallReceipt({
        blocks: [
          ...receipt.blocks,
          ...slip.map((text) => ({ type: 'preformatted' as const, text })),
          { type: 'cut' as const },
        ],
      });
      const layout = model === 'epson' ? EPSON : STAR;
      const bytes = await buildReceipt(doc, { ...layout, widthChars: 32 });
      const { receipts, unknown } = decodePrinterBytes(bytes, { model, widthChars: 32 });
      expect(unknown).toEqual([]);
      expect(receipts).toHaveLength(2);
      expect(receipts[0]?.text).toBe(receiptToPlainText(receipt, 32, { charset: 'windows-1252' }));
      expect(receipts[1]?.text).toBe(
        ['   CARTE BANCAIRE', 'MONTANT      12,34 €', '', `REF ${'9'.repeat(28)}`, '9'.repeat(8)].join('\n'),
      );
    },
  );

  it('sends a slip line as plain text bytes, nothing the terminal sent as a command', async () => {
    const doc = aSmallReceipt({ blocks: [{ type: 'preformatted', text: 'A  é' }, { type: 'cut' }] });
    expect(hex(await buildReceipt(doc, { ...EPSON, widthChars: 16 }))).toBe(
      ['1b 40 1b 74 10', '41 20 20 e9 0a', '1b 64 04 1d 56 01 1b 40', '1b 74 10'].join(' '),
    );
  });
});
