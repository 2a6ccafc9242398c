import type { Product } from '../../core/catalog/product';

// The catalog in memory on the till's screen thread, compact at 1,000,000
// products: no object per product, only a few typed arrays (which a Web
// Worker builds and hands over without copying, see catalog-engine.ts).
//
// - `records`: every product's JSON, UTF-8, back to back (`recordStart[i]` ..
//   `recordStart[i + 1]`), decoded only when asked for: about 300 B each;
// - `barcodes`: each product's barcode as a number (8 to 14 digits fit a
//   double exactly), and `byBarcode`, positions in barcode order;
// - `ids` (UTF-8, with `idStart`) and `byId`, positions in id order.
// A lookup is a binary search (about 20 steps at 1M) and one JSON.parse.

export interface CatalogColumns {
  readonly count: number;
  readonly records: Uint8Array;
  readonly recordStart: Int32Array;
  readonly ids: Uint8Array;
  readonly idStart: Int32Array;
  readonly barcodes: Float64Array;
  readonly byBarcode: Int32Array;
  readonly byId: Int32Array;
}

export const emptyColumns = (): CatalogColumns => ({
  count: 0,
  records: new Uint8Array(0),
  recordStart: new Int32Array(1),
  ids: new Uint8Array(0),
  idStart: new Int32Array(1),
  barcodes: new Float64Array(0),
  byBarcode: new Int32Array(0),
  byId: new Int32Array(0),
});

/** The buffers to transfer (postMessage) rather than copy. */
export const columnBuffers = (c: CatalogColumns): ArrayBuffer[] =>
  [c.records, c.recordStart, c.ids, c.idStart, c.barcodes, c.byBarcode, c.byId].map(
    (a) => a.buffer as ArrayBuffer,
  );

/** Bytes held by the columns (for the bench's memory figure). */
export const columnBytes = (c: CatalogColumns): number =>
  columnBuffers(c).reduce((sum, buffer) => sum + buffer.byteLength, 0);

/** Grows a byte buffer as products are appended (doubling). */
class ByteHeap {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  private readonly encoder = new TextEncoder();
  private reserve(need: number): void {
    if (need <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(this.length + text.length * 3);
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }
  /** Bytes already UTF-8 (a product's record in a page kept as the server sent it). */
  appendBytes(bytes: Uint8Array): void {
    this.reserve(this.length + bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

type Order = (a: number, b: number) => number;

/** Two runs of positions, each sorted by `order`, as one. */
function mergeRuns(a: Int32Array, b: Int32Array, order: Order): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (order(x, y) <= 0) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  out.set(a.subarray(i), k);
  out.set(b.subarray(j), k + a.length - i);
  return out;
}

/**
 * Positions sorted by an order, a run at a time: each run (a page's
 * products) is sorted as it comes and merged with the runs before it of no
 * greater size (as a binary counter), so building the columns at the end of
 * a first sync only merges a few runs instead of sorting every product
 * (100,000 ids sorted at once: 80-280 ms in the worker).
 */
class SortedRuns {
  private readonly runs: Int32Array[] = [];
  constructor(private readonly order: Order) {}
  add(from: number, to: number): void {
    let run: Int32Array = Int32Array.from({ length: to - from }, (_, i) => from + i).sort(this.order);
    while (this.runs.length > 0 && (this.runs.at(-1) as Int32Array).length <= run.length)
      run = mergeRuns(this.runs.pop() as Int32Array, run, this.order);
    this.runs.push(run);
  }
  take(): Int32Array {
    let all = this.runs.pop() ?? new Int32Array(0);
    while (this.runs.length > 0) all = mergeRuns(this.runs.pop() as Int32Array, all, this.order);
    return all;
  }
}

/** Builds the columns from products appended one by one (in a worker). */
export class ColumnsBuilder {
  private readonly records = new ByteHeap();
  private readonly ids = new ByteHeap();
  private readonly recordStart: number[] = [0];
  private readonly idStart: number[] = [0];
  private readonly idList: string[] = [];
  private readonly barcodeList: number[] = [];
  private sealed = 0;
  // Ties keep position order, so the last product stored under a barcode wins (as a Map would).
  private readonly byBarcode = new SortedRuns(
    (a, b) => (this.barcodeList[a] as number) - (this.barcodeList[b] as number) || a - b,
  );
  private readonly byId = new SortedRuns((a, b) => {
    const x = this.idList[a] as string;
    const y = this.idList[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });

  /**
   * `record`: the product's JSON when the caller already holds it (a snapshot
   * page's line), as text or as its UTF-8 bytes.
   */
  add(product: Product, record?: string | Uint8Array): void {
    if (record instanceof Uint8Array) this.records.appendBytes(record);
    else this.records.append(record ?? JSON.stringify(product));
    this.recordStart.push(this.records.length);
    this.ids.append(product.id);
    this.idStart.push(this.ids.length);
    this.idList.push(product.id);
    this.barcodeList.push(Number(product.barcode));
  }

  /** Sorts the products added since the last call (a page, while the next one downloads). */
  seal(): void {
    const count = this.idList.length;
    if (count === this.sealed) return;
    this.byBarcode.add(this.sealed, count);
    this.byId.add(this.sealed, count);
    this.sealed = count;
  }

  get count(): number {
    return this.idList.length;
  }

  build(): CatalogColumns {
    this.seal();
    return {
      count: this.idList.length,
      records: this.records.take(),
      recordStart: Int32Array.from(this.recordStart),
      ids: this.ids.take(),
      idStart: Int32Array.from(this.idStart),
      barcodes: Float64Array.from(this.barcodeList),
      byBarcode: this.byBarcode.take(),
      byId: this.byId.take(),
    };
  }
}

const decoder = new TextDecoder();

export function productAt(c: CatalogColumns, position: number): Product {
  return JSON.parse(
    decoder.decode(
      c.records.subarray(c.recordStart[position] as number, c.recordStart[position + 1] as number),
    ),
  ) as Product;
}

const idAt = (c: CatalogColumns, position: number): string =>
  decoder.decode(c.ids.subarray(c.idStart[position] as number, c.idStart[position + 1] as number));

/**
 * The product a barcode names (the last one stored, if several), or undefined.
 * "012345678905" and "0012345678905" are one number: the stored text decides.
 */
export function productOfBarcode(c: CatalogColumns, barcode: string): Product | undefined {
  if (!/^\d{1,15}$/.test(barcode)) return undefined;
  const key = Number(barcode);
  // Upper bound: the first entry past `key`; the ones before it that equal it are candidates, last first.
  let lo = 0;
  let hi = c.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.barcodes[c.byBarcode[mid] as number] as number) <= key) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const position = c.byBarcode[i] as number;
    if (c.barcodes[position] !== key) return undefined;
    const product = productAt(c, position);
    if (product.barcode === barcode) return product;
  }
  return undefined;
}

/** The position of the product with this id, or -1. */
export function positionOfId(c: CatalogColumns, id: string): number {
  let lo = 0;
  let hi = c.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (idAt(c, c.byId[mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= c.count) return -1;
  const position = c.byId[lo] as number;
  return idAt(c, position) === id ? position : -1;
}
