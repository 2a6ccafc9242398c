const utf8 = new TextEncoder();

/**
 * A page written here (compaction) in the layout the server sends its pages
 * in (docs/sync-protocol.md, 5.2): `{"products":[` then one product a line,
 * as UTF-8 bytes, so that productLineRanges finds its records as it does in
 * the server's pages (JSON.stringify never writes a raw line break).
 */
export function pageOfProducts(products: readonly unknown[]): Uint8Array {
  return utf8.encode(`{"products":[${products.map((product) => JSON.stringify(product)).join(',\n')}]}`);
}

const PRODUCTS_OPENING = '"products":[';
const OPENING_BYTES = Array.from(PRODUCTS_OPENING, (c) => c.charCodeAt(0));
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Where each product's record starts and ends in a page's UTF-8 bytes
 * (`[start0, end0, start1, end1, …]`), for a page laid out one product a
 * line as the server sends its pages and compaction writes them, so the
 * records are copied into the columns as bytes, never decoded and encoded
 * again; undefined for a page written otherwise (an older version's
 * compacted page: one line), whose products are written out one by one.
 */
export function productLineRanges(bytes: Uint8Array, count: number): Int32Array | undefined {
  if (count === 0) return undefined;
  const ranges = new Int32Array(count * 2);
  const firstEnd = bytes.indexOf(NEWLINE);
  const opening = indexOfBytes(bytes, OPENING_BYTES, firstEnd < 0 ? bytes.length : firstEnd);
  if (opening < 0) return undefined;
  let start = opening + OPENING_BYTES.length;
  for (let i = 0; i < count; i++) {
    const newline = bytes.indexOf(NEWLINE, start);
    const last = i === count - 1;
    // Every line but the last ends in `},` and a line break; the last, with no line break, in `}]}`.
    if (last !== newline < 0) return undefined;
    const end = last ? bytes.length : newline;
    if (last) {
      if (
        end - start < 3 ||
        bytes[end - 3] !== CLOSE_BRACE ||
        bytes[end - 2] !== CLOSE_BRACKET ||
        bytes[end - 1] !== CLOSE_BRACE
      )
        return undefined;
      ranges[i * 2 + 1] = end - 2;
    } else {
      if (end - start < 2 || bytes[end - 2] !== CLOSE_BRACE || bytes[end - 1] !== COMMA) return undefined;
      ranges[i * 2 + 1] = end - 1;
    }
    ranges[i * 2] = start;
    start = end + 1;
  }
  return ranges;
}

/** Where `pattern` first occurs in `bytes` before `before`, or -1 (a short pattern, searched once a page). */
function indexOfBytes(bytes: Uint8Array, pattern: readonly number[], before: number): number {
  const first = pattern[0] as number;
  for (
    let at = bytes.indexOf(first);
    at >= 0 && at + pattern.length <= before;
    at = bytes.indexOf(first, at + 1)
  ) {
    let i = 1;
    while (i < pattern.length && bytes[at + i] === pattern[i]) i++;
    if (i === pattern.length) return at;
  }
  return -1;
}
