import type { CatalogManifest } from '../../../src/core/sync/catalog-wire';
import type { Queryable } from '../db/database';
import { autoPageCounts, evenPageCounts, PAGE_GRAIN } from './catalog-page-plan';

// The catalog snapshot (docs/sync-protocol.md, 5.2) read from the document
// store: products are one global scope ('*') of `sync_documents`, ordered by
// `seq`. A page is a range of `seq`, so its content can only shrink as
// products change (a changed product takes a new `seq` past the snapshot and
// comes through the pull instead): a page fetched twice is the same page or
// a smaller one, never a different product list.

const SCOPE = '*';

/**
 * The pages of a snapshot of every live product up to the current sequence:
 * of `pageSize` products each, or with 'auto' of the sizes the server
 * chooses from the catalog's size (catalog-page-plan.ts).
 */
export async function catalogManifest(db: Queryable, pageSize: number | 'auto'): Promise<CatalogManifest> {
  const counter = await db.query<{ last: string | number | null }>(
    `SELECT last FROM sync_sequences WHERE collection = 'products' AND scope = $1`,
    [SCOPE],
  );
  const upTo = Number(counter.rows[0]?.last ?? 0);
  // Every step-th live seq (a page can only end there) and the last one: one
  // pass over the pull index, streamed (lead looks one row ahead; a count
  // over the whole window would hold every row first: 1M rows in a tuplestore).
  const step = pageSize === 'auto' ? PAGE_GRAIN : pageSize;
  const grid = await db.query<{ seq: string | number; n: string | number }>(
    `SELECT seq, n FROM (
       SELECT seq, row_number() OVER w AS n, lead(seq) OVER w AS next FROM sync_documents
       WHERE collection = 'products' AND scope = $1 AND seq <= $2 AND NOT deleted
       WINDOW w AS (ORDER BY seq)
     ) numbered WHERE n % $3 = 0 OR next IS NULL ORDER BY seq`,
    [SCOPE, upTo, step],
  );
  const seqAt = new Map(grid.rows.map((row) => [Number(row.n), Number(row.seq)]));
  const total = Number(grid.rows.at(-1)?.n ?? 0);
  const counts = pageSize === 'auto' ? autoPageCounts(total) : evenPageCounts(total, pageSize);
  const pages: CatalogManifest['pages'] = [];
  let after = 0;
  let counted = 0;
  for (const count of counts) {
    counted += count;
    const end = seqAt.get(counted);
    if (end === undefined) throw new Error(`catalog manifest: no product numbered ${counted}`);
    pages.push({ after, upTo: end, count });
    after = end;
  }
  // The last page reaches the snapshot's checkpoint (tombstones past its last product are nobody's).
  const last = pages.at(-1);
  if (last) pages[pages.length - 1] = { ...last, upTo };
  return { upTo, pageSize: pageSize === 'auto' ? Math.max(PAGE_GRAIN, ...counts) : pageSize, total, pages };
}

/**
 * The JSON text of one page: `{"after":…,"upTo":…,"products":[…]}`, the
 * documents as PostgreSQL prints them (no line break inside one), one a
 * line (the till stores each line as the product's record), joined by PostgreSQL itself (one row
 * back, never parsed or held product by product here), at most `max` of
 * them: undefined when the range holds more (a client asking for a range the
 * manifest never named).
 */
export async function catalogPageText(
  db: Queryable,
  after: number,
  upTo: number,
  max: number,
): Promise<{ text: string; count: number } | undefined> {
  // One range scan of the pull index, at most max + 1 rows read.
  const result = await db.query<{ docs: string | null; n: string | number }>(
    `SELECT string_agg(doc, E',\n' ORDER BY seq) AS docs, count(*) AS n FROM (
       SELECT seq, doc::text AS doc FROM sync_documents
       WHERE collection = 'products' AND scope = $1 AND seq > $2 AND seq <= $3 AND NOT deleted
       ORDER BY seq LIMIT $4
     ) page`,
    [SCOPE, after, upTo, max + 1],
  );
  const row = result.rows[0];
  const count = Number(row?.n ?? 0);
  if (count > max) return undefined;
  return { text: `{"after":${after},"upTo":${upTo},"products":[${row?.docs ?? ''}]}`, count };
}
