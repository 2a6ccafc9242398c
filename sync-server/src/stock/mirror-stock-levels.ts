import { type StockLevel, stockLevelId, stockLevelSchema } from '../../../src/core/catalog/stock-level';
import type { Database, Queryable } from '../db/database';
import { type DocumentWrite, lockScope, readDocuments, writeDocuments } from '../sync/document-store';
import { sameDocument } from '../sync/same-document';

// Copies each location's own stock levels to the other stores of its region,
// as inventory documents of the viewing store (location kind other-store or
// warehouse), so a till pulls them with its own inventory and can answer
// "3 in Lyon, 20 at the warehouse" offline. The copies are the server's:
// inventory is push 'none', so no till can change them.
//
// Why a separate pass and not the push that moved the stock: writing into
// another store's scope from a push that holds its own store's inventory
// lock would let two stores' pushes wait on each other in a cycle. A pass
// holds no push's lock: it reads each location's scope past its checkpoint
// (seq order is commit order, so nothing is skipped), then takes the
// viewing stores' locks one at a time in code order, and moves the
// checkpoints in the same transaction, so a crash only means the copy
// happens on the next pass.

interface LocationRow {
  readonly code: string;
  readonly kind: 'store' | 'warehouse';
  readonly region: string;
  readonly mirrored_seq: number;
}

export interface MirrorPass {
  /** Copies written (unchanged ones are skipped). */
  readonly written: number;
  /** True when a location had more changes than one pass takes: run again. */
  readonly more: boolean;
}

export async function mirrorStockLevels(db: Database, batch = 2_000): Promise<MirrorPass> {
  return db.transaction(async (tx) => {
    // Locking every location row makes passes (of any instance) run one at a time.
    const locations = (
      await tx.query<LocationRow>(
        'SELECT code, kind, region, mirrored_seq FROM stock_locations ORDER BY code FOR UPDATE',
      )
    ).rows;
    const byViewer = new Map<string, DocumentWrite[]>();
    const checkpoints: [string, number][] = [];
    let more = false;
    for (const location of locations) {
      const changed = await tx.query<{ doc: unknown; deleted: boolean; seq: number }>(
        `SELECT doc, deleted, seq FROM sync_documents
         WHERE collection = 'inventory' AND scope = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [location.code, Number(location.mirrored_seq), batch],
      );
      const last = changed.rows.at(-1);
      if (!last) continue;
      checkpoints.push([location.code, Number(last.seq)]);
      if (changed.rows.length === batch) more = true;
      const viewers = locations.filter(
        (other) => other.kind === 'store' && other.region === location.region && other.code !== location.code,
      );
      for (const row of changed.rows) {
        const level = stockLevelSchema.safeParse(row.doc);
        // Only the location's own levels: its scope also holds the copies it views.
        if (!level.success || level.data.location.code !== location.code) continue;
        for (const viewer of viewers) {
          const copy = copyFor(viewer.code, location.kind, level.data);
          const writes = byViewer.get(viewer.code) ?? [];
          writes.push({ id: copy.id, doc: copy, deleted: row.deleted });
          byViewer.set(viewer.code, writes);
        }
      }
    }
    let written = 0;
    for (const viewer of [...byViewer.keys()].sort()) {
      written += await writeChanged(tx, viewer, latestPerId(byViewer.get(viewer) ?? []));
    }
    for (const [code, seq] of checkpoints) {
      await tx.query('UPDATE stock_locations SET mirrored_seq = $2 WHERE code = $1', [code, seq]);
    }
    return { written, more };
  });
}

function copyFor(viewer: string, sourceKind: LocationRow['kind'], level: StockLevel): StockLevel {
  return {
    id: stockLevelId(viewer, level.location.code, level.productId),
    storeCode: viewer,
    productId: level.productId,
    location: { kind: sourceKind === 'warehouse' ? 'warehouse' : 'other-store', code: level.location.code },
    quantity: level.quantity,
    updatedAt: level.updatedAt,
  };
}

/** A level changed twice within one pass: only its last state is copied. */
function latestPerId(writes: readonly DocumentWrite[]): DocumentWrite[] {
  return [...new Map(writes.map((write) => [write.id, write])).values()];
}

async function writeChanged(
  tx: Queryable,
  viewer: string,
  writes: readonly DocumentWrite[],
): Promise<number> {
  await lockScope(tx, 'inventory', viewer);
  const stored = await readDocuments(
    tx,
    'inventory',
    writes.map((write) => write.id),
  );
  const changed = writes.filter((write) => {
    const current = stored.get(write.id);
    return !current || current.deleted !== write.deleted || !sameDocument(current.doc, write.doc);
  });
  for (let start = 0; start < changed.length; start += 500) {
    await writeDocuments(tx, 'inventory', viewer, changed.slice(start, start + 500));
  }
  return changed.length;
}
