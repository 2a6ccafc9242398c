/**
 * The JSON text of each product of a snapshot page as the server sends it,
 * one product a line (docs/sync-protocol.md, 5.2), or undefined for a page
 * written otherwise (compacted here, or a test's): the lines are the records,
 * so a product is not written back to JSON to be stored in the columns.
 */
export function productLines(text: string, count: number): string[] | undefined {
  const lines = text.split('\n');
  if (lines.length !== count || count === 0) return undefined;
  const first = lines[0] as string;
  const opening = first.indexOf(PRODUCTS_OPENING);
  if (opening < 0) return undefined;
  lines[0] = first.slice(opening + PRODUCTS_OPENING.length);
  for (let i = 0; i < count - 1; i++) {
    const line = lines[i] as string;
    if (!line.endsWith('},')) return undefined;
    lines[i] = line.slice(0, -1);
  }
  const last = lines[count - 1] as string;
  if (!last.endsWith('}]}')) return undefined;
  lines[count - 1] = last.slice(0, -2);
  return lines;
}

const PRODUCTS_OPENING = '"products":[';
const OPENING_BYTES = Array.from(PRODUCTS_OPENING, (c) => c.charCodeAt(0));
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * The same for a page kept as the server's UTF-8 bytes: where each product's
 * record starts and ends in them (`[start0, end0, start1, end1, …]`), so the
 * records are copied into the columns as bytes, never decoded and encoded
 * again; undefined for a page written otherwise.
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
