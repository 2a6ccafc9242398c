import { MAX_CATALOG_PAGE_SIZE } from '../../../src/core/sync/catalog-wire';

// The page sizes the server chooses for a snapshot when the till asks for
// `pageSize=auto` (docs/sync-protocol.md, 5.2). A till fetches pages a few at
// a time and reads each into its catalog in one worker, one after the other:
// - the first pages are small, so the worker has a page to read one small
//   request after the manifest (rather than after a page of 5,000) while the
//   larger ones download;
// - the bulk are as large as allowed (each page costs a request, a gzip
//   stream and an IndexedDB transaction whatever its size);
// - the last ones are small again, so what is left to read once the last
//   byte has arrived is little.
// Every page but the last holds a multiple of PAGE_GRAIN products: the
// manifest query only numbers every PAGE_GRAIN-th product.

export const PAGE_GRAIN = 500;
const HEAD = [500, 1_000, 2_000, 3_500] as const;
const TAIL = [2_000, 1_000] as const;

/** The products of each page, in order, for a snapshot of `total` live products. */
export function autoPageCounts(total: number, max: number = MAX_CATALOG_PAGE_SIZE): number[] {
  if (total <= 0) return [];
  const ramps = [...HEAD, ...TAIL].reduce((sum, n) => sum + n, 0);
  if (total < ramps + max) {
    // A small catalog: about eight even pages (four lanes, twice), of at least a grain.
    const even = Math.min(max, Math.max(PAGE_GRAIN, Math.ceil(total / 8 / PAGE_GRAIN) * PAGE_GRAIN));
    return evenPageCounts(total, even);
  }
  // The bulk between the ramps, a multiple of the grain: the last page takes what is left over.
  const bulk = Math.floor((total - ramps) / PAGE_GRAIN) * PAGE_GRAIN;
  const leftOver = total - ramps - bulk;
  // Even bulk pages (a multiple of the grain, at most max), the last of them taking the rest.
  const size = Math.ceil(bulk / Math.ceil(bulk / max) / PAGE_GRAIN) * PAGE_GRAIN;
  return [...HEAD, ...evenPageCounts(bulk, size), ...TAIL.slice(0, -1), (TAIL.at(-1) as number) + leftOver];
}

/** `total` in pages of `size`, the last one holding what is left. */
export function evenPageCounts(total: number, size: number): number[] {
  const counts: number[] = [];
  for (let left = total; left > 0; left -= size) counts.push(Math.min(size, left));
  return counts;
}
