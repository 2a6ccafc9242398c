import type { CatalogManifest } from '../../../src/core/sync/catalog-wire';
import type { Queryable } from '../db/database';

// The catalog snapshot (docs/sync-protocol.md, 5.2) read from the document
// store: products are one global scope ('*') of `sync_documents`, ordered by
// `seq`. A page is a range of `seq`, so its content can only shrink as
// products change (a changed product takes a new `seq` past the snapshot and
// comes through the pull instead): a page fetched twice is the same page or
// a smaller one, never a different product list.

const SCOPE = '*';

/** The pages of a snapshot of every live product up to the current sequence. */
export async function catalogManifest(db: Queryable, pageSize: number): Promise<CatalogManifest> {
  const counter = await db.query<{ last: string | number | null }>(
    `SELECT last FROM sync_sequences WHERE collection = 'products' AND scope = $1`,
    [SCOPE],
  );
  const upTo = Number(counter.rows[0]?.last ?? 0);
  // Every pageSize-th live seq closes a page: one pass over the pull index.
  const ends = await db.query<{ seq: string | number; n: string | number }>(
    `SELECT seq, n FROM (
       SELECT seq, row_number() OVER (ORDER BY seq) AS n, count(*) OVER () AS total FROM sync_documents
       WHERE collection = 'products' AND scope = $1 AND seq <= $2 AND NOT deleted
     ) numbered WHERE n % $3 = 0 OR n = total ORDER BY seq`,
    [SCOPE, upTo, pageSize],
  );
  const pages: CatalogManifest['pages'] = [];
  let after = 0;
  let counted = 0;
  for (const row of ends.rows) {
    const n = Number(row.n);
    if (n === counted) continue;
    const end = Number(row.seq);
    pages.push({ after, upTo: end, count: n - counted });
    after = end;
    counted = n;
  }
  // The last page reaches the snapshot's checkpoint (tombstones past its last product are nobody's).
  const last = pages.at(-1);
  if (last) pages[pages.length - 1] = { ...last, upTo };
  return { upTo, pageSize, total: counted, pages };
}

/**
 * The JSON text of one page: `{"after":…,"upTo":…,"products":[…]}`, the
 * documents as PostgreSQL prints them (never parsed here), at most `max`
 * of them: undefined when the range holds more (a client asking for a range
 * the manifest never named).
 */
export async function catalogPageText(
  db: Queryable,
  after: number,
  upTo: number,
  max: number,
): Promise<{ text: string; count: number } | undefined> {
  const result = await db.query<{ doc: string }>(
    `SELECT doc::text AS doc FROM sync_documents
     WHERE collection = 'products' AND scope = $1 AND seq > $2 AND seq <= $3 AND NOT deleted
     ORDER BY seq LIMIT $4`,
    [SCOPE, after, upTo, max + 1],
  );
  if (result.rows.length > max) return undefined;
  const docs = result.rows.map((row) => row.doc);
  return { text: `{"after":${after},"upTo":${upTo},"products":[${docs.join(',')}]}`, count: docs.length };
}
