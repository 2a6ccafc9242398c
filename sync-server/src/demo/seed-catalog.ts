import type { Product } from '../../../src/core/catalog/product';
import type { Database } from '../db/database';
import { lockScope, writeDocuments } from '../sync/document-store';
import { generateFrenchCatalog } from './french-catalog';

const SEED_BATCH = 500;

/**
 * Seeds the demo catalog on first start only: an existing catalog (seeded or
 * edited) is never touched. Returns how many products were inserted.
 */
export async function seedDemoCatalog(db: Database, catalog: readonly Product[] = generateFrenchCatalog()) {
  return db.transaction(async (tx) => {
    await lockScope(tx, 'products', '*');
    const existing = await tx.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'products'",
    );
    if ((existing.rows[0]?.count ?? 0) > 0) return 0;
    for (let start = 0; start < catalog.length; start += SEED_BATCH) {
      const batch = catalog.slice(start, start + SEED_BATCH).map((product) => ({
        id: product.id,
        doc: { ...product },
        deleted: false,
      }));
      await writeDocuments(tx, 'products', '*', batch);
    }
    return catalog.length;
  });
}
