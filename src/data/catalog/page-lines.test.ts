import { describe, expect, it } from 'vitest';
import { productLines } from './page-lines';

describe('productLines: the records of a snapshot page sent one product a line', () => {
  const a = '{"id": "p1", "name": "Crème, brûlée", "barcode": "3017620422003"}';
  const b = '{"id": "p2", "name": "Pain {complet}", "barcode": "3017620422010"}';

  it('gives each product its own text, as sent', () => {
    const page = `{"after":0,"upTo":2,"products":[${a},\n${b}]}`;
    expect(JSON.parse(page).products).toHaveLength(2);
    expect(productLines(page, 2)).toEqual([a, b]);
    expect(productLines(`{"after":0,"upTo":1,"products":[${a}]}`, 1)).toEqual([a]);
  });

  it('answers undefined for a page written otherwise, so its products are written out one by one', () => {
    // A compacted page: JSON.stringify, one line for every product.
    expect(productLines(JSON.stringify({ products: [JSON.parse(a), JSON.parse(b)] }), 2)).toBeUndefined();
    expect(productLines(`{"products":[]}`, 0)).toBeUndefined();
    expect(productLines(`{"after":0,"upTo":2,"items":[${a},\n${b}]}`, 2)).toBeUndefined();
  });
});
