import { describe, expect, it } from 'vitest';
import { productLineRanges, productLines } from './page-lines';

const a = '{"id": "p1", "name": "Crème, brûlée – réf. 1", "barcode": "3017620422003"}';
const b = '{"id": "p2", "name": "Pain {complet}", "barcode": "3017620422010"}';
const utf8 = new TextEncoder();
const decoder = new TextDecoder();

/** The records the ranges point at, decoded. */
const recordsOf = (bytes: Uint8Array, ranges: Int32Array | undefined) =>
  ranges &&
  Array.from({ length: ranges.length / 2 }, (_, i) =>
    decoder.decode(bytes.subarray(ranges[i * 2] as number, ranges[i * 2 + 1] as number)),
  );

describe('productLines: the records of a snapshot page sent one product a line', () => {
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

describe('productLineRanges: the same records in the page as UTF-8 bytes', () => {
  it('points at each product’s bytes as sent, accents and all', () => {
    const two = utf8.encode(`{"after":0,"upTo":2,"products":[${a},\n${b}]}`);
    expect(recordsOf(two, productLineRanges(two, 2))).toEqual([a, b]);
    const one = utf8.encode(`{"after":0,"upTo":1,"products":[${a}]}`);
    expect(recordsOf(one, productLineRanges(one, 1))).toEqual([a]);
  });

  it('answers undefined for a page written otherwise, or cut short', () => {
    const compacted = utf8.encode(JSON.stringify({ products: [JSON.parse(a), JSON.parse(b)] }));
    expect(productLineRanges(compacted, 2)).toBeUndefined();
    expect(productLineRanges(utf8.encode(`{"products":[]}`), 0)).toBeUndefined();
    expect(productLineRanges(utf8.encode(`{"after":0,"upTo":2,"items":[${a},\n${b}]}`), 2)).toBeUndefined();
    // More lines than products, or fewer.
    const page = utf8.encode(`{"after":0,"upTo":2,"products":[${a},\n${b}]}`);
    expect(productLineRanges(page, 1)).toBeUndefined();
    expect(productLineRanges(page, 3)).toBeUndefined();
    expect(productLineRanges(page.subarray(0, page.length - 1), 2)).toBeUndefined();
  });
});
