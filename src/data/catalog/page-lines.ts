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
  const opening = first.indexOf('"products":[');
  if (opening < 0) return undefined;
  lines[0] = first.slice(opening + '"products":['.length);
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
