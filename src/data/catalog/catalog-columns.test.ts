import { describe, expect, it } from 'vitest';
import type { Product } from '../../core/catalog/product';
import { ColumnsBuilder, positionOfId, productOfBarcode } from './catalog-columns';

const product = (id: string, barcode: string): Product => ({
  id,
  barcode,
  name: `Article ${id}`,
  searchName: `article ${id}`,
  category: 'epicerie',
  priceMinor: 100,
  currency: 'EUR',
  vatRateBps: 550,
  unit: 'piece',
  active: true,
});

describe('ColumnsBuilder', () => {
  it('sorts pages as they are sealed and merges them: the same orders as one sort of everything, ties in position order', () => {
    // A fixed pseudo-random sequence: ids and barcodes in no order, some barcodes repeated.
    let x = 12_345;
    const next = () => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      return x;
    };
    const products = Array.from({ length: 2_345 }, (_, i) =>
      product(`p${next().toString(36)}-${i}`, String(3_000_000_000_000 + (next() % 1_500))),
    );
    const builder = new ColumnsBuilder();
    // Pages of uneven sizes, as a first sync's come.
    const sizes = [1, 500, 7, 1_000, 300, 37];
    let at = 0;
    for (let page = 0; at < products.length; page++) {
      const size = sizes[page % sizes.length] as number;
      for (const p of products.slice(at, at + size)) builder.add(p);
      builder.seal();
      at += size;
    }
    const columns = builder.build();
    const byId = [...products.keys()].sort((a, b) => {
      const p = (products[a] as Product).id;
      const q = (products[b] as Product).id;
      return p < q ? -1 : p > q ? 1 : a - b;
    });
    const byBarcode = [...products.keys()].sort(
      (a, b) => Number((products[a] as Product).barcode) - Number((products[b] as Product).barcode) || a - b,
    );
    expect([...columns.byId]).toEqual(byId);
    expect([...columns.byBarcode]).toEqual(byBarcode);
    for (const [i, p] of products.entries()) expect(positionOfId(columns, p.id)).toBe(i);
    // A repeated barcode names the last product stored under it.
    const last = new Map(products.map((p) => [p.barcode, p.id]));
    for (const [barcode, id] of last) expect(productOfBarcode(columns, barcode)?.id).toBe(id);
  });

  it('builds the same columns with or without seals, and from nothing', () => {
    const products = ['c', 'a', 'b'].map((id, i) => product(id, String(3_000_000_000_003 - i)));
    const sealed = new ColumnsBuilder();
    const unsealed = new ColumnsBuilder();
    for (const p of products) {
      sealed.add(p);
      sealed.seal();
      unsealed.add(p);
    }
    expect(sealed.build()).toEqual(unsealed.build());
    expect(new ColumnsBuilder().build().count).toBe(0);
  });
});
