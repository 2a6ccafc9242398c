import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../printer/receipt-builder';
import { aSmallReceipt } from '../../printer/test-receipt';
import { type DecodedReceipt, decodePrinterBytes, EscPosDecoder } from './escpos-decoder';

// The simulator's decoder: TCP and serial deliver bytes in arbitrary pieces,
// and an offline printer must still answer status but print nothing.

function decodeInPieces(bytes: Uint8Array, model: 'epson' | 'star', size: number): DecodedReceipt[] {
  const receipts: DecodedReceipt[] = [];
  const decoder = new EscPosDecoder(
    { model, widthChars: 42 },
    { statusQuery: () => {}, drawerKick: () => {}, cut: (r) => receipts.push(r) },
  );
  for (let at = 0; at < bytes.length; at += size) decoder.write(bytes.subarray(at, at + size), () => true);
  return receipts;
}

describe('EscPosDecoder', () => {
  it.each([
    ['epson', 16],
    ['star', 32],
  ] as const)('%s: decodes the same receipt whatever the chunking', async (model, codePage) => {
    const bytes = await buildReceipt(aSmallReceipt(), {
      model,
      codePage,
      charset: 'windows-1252',
      widthChars: 42,
    });
    const whole = decodePrinterBytes(bytes, { model, widthChars: 42 }).receipts;
    expect(whole).toHaveLength(1);
    for (const size of [1, 2, 3, 7, 64]) expect(decodeInPieces(bytes, model, size)).toEqual(whole);
  });

  it('answers DLE EOT but prints nothing while offline', () => {
    const queries: number[] = [];
    const receipts: DecodedReceipt[] = [];
    const decoder = new EscPosDecoder(
      { model: 'epson', widthChars: 42 },
      { statusQuery: (n) => queries.push(n), drawerKick: () => {}, cut: (r) => receipts.push(r) },
    );
    decoder.write(
      Uint8Array.from([0x10, 0x04, 0x01, 0x41, 0x0a, 0x1d, 0x56, 0x01, 0x10, 0x04, 0x04]),
      () => false,
    );
    expect(queries).toEqual([1, 4]);
    expect(receipts).toEqual([]);
  });

  it('reports commands it does not know instead of printing them', () => {
    const { unknown, receipts } = decodePrinterBytes(
      Uint8Array.from([0x1b, 0x7e, 0x41, 0x0a, 0x1d, 0x56, 0x01]),
      {
        model: 'epson',
        widthChars: 42,
      },
    );
    expect(unknown).toEqual(['1b7e']);
    expect(receipts.map((r) => r.text)).toEqual(['A']);
  });
});
