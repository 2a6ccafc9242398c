import { describe, expect, it } from 'vitest';
import { withGtinCheckDigit } from '../core/barcodes';
import type { Product } from '../core/catalog/product';
import { lookupScan } from './scan-lookup';

const product = (barcode: string, unit: Product['unit'] = 'piece'): Product => ({
  id: `prd-${barcode}`,
  barcode,
  name: 'Pommes Golden',
  searchName: 'pommes golden',
  category: 'Fruits et légumes',
  priceMinor: 249,
  currency: 'EUR',
  vatRateBps: 550,
  unit,
  active: true,
});

describe('scan lookup', () => {
  const packaged = product('3017620422003');
  const loose = product(withGtinCheckDigit('261234500000'), 'kg');
  const catalog = new Map([packaged, loose].map((p) => [p.barcode, p]));
  const find = async (barcode: string) => catalog.get(barcode);

  it('finds a packaged product by its EAN-13, with scanner terminators', async () => {
    expect(await lookupScan('3017620422003\r\n', find)).toEqual({
      kind: 'product',
      product: packaged,
      measure: undefined,
    });
  });

  it('finds a loose product from a scale label, with the weight', async () => {
    const label = withGtinCheckDigit('261234501250');
    expect(await lookupScan(label, find)).toEqual({
      kind: 'product',
      product: loose,
      measure: { type: 'weight', grams: 1250 },
    });
  });

  it('rejects a wrong check digit before looking anything up', async () => {
    const result = await lookupScan('3017620422004', find);
    expect(result.kind).toBe('rejected');
  });

  it('reports a valid code that is not in the catalog', async () => {
    expect(await lookupScan('4006381333931', find)).toEqual({
      kind: 'unknown-product',
      code: '4006381333931',
    });
  });

  it('does not treat a receipt code as a product', async () => {
    expect(await lookupScan('POS1:R:PAR01-03-000123', find)).toEqual({
      kind: 'not-a-product',
      scanKind: 'receipt',
    });
  });
});
