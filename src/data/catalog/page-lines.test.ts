import { describe, expect, it } from 'vitest';
import { pageOfProducts, productLineRanges } from './page-lines';

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

describe('productLineRanges: the records of a page sent one product a line, in its UTF-8 bytes', () => {
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

describe('pageOfProducts: a page written on the till (compaction), laid out as the server lays out its pages', () => {
  it('holds the products as JSON, and each one’s record where productLineRanges finds it', () => {
    const products = [JSON.parse(a), JSON.parse(b), { id: 'p3', name: 'Line\nbreak "quoted"' }];
    const page = pageOfProducts(products);
    expect(JSON.parse(decoder.decode(page)).products).toEqual(products);
    expect(recordsOf(page, productLineRanges(page, 3))?.map((record) => JSON.parse(record))).toEqual(
      products,
    );
    const one = pageOfProducts([JSON.parse(a)]);
    expect(recordsOf(one, productLineRanges(one, 1))?.map((record) => JSON.parse(record))).toEqual([
      JSON.parse(a),
    ]);
  });
});
