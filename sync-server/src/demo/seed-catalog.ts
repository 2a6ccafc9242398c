import type { Product } from '../../../src/core/catalog/product';
import type { Database } from '../db/database';
import { generateFrenchCatalog } from './french-catalog';

const SEED_BATCH = 500;

/**
 * Seeds the demo catalog on first start only: an existing catalog (seeded or
 * edited) is never touched. Returns how many products were inserted.
 */
export async function seedDemoCatalog(db: Database, catalog: readonly Product[] = generateFrenchCatalog()) {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('products'))");
    const existing = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM products');
    if ((existing.rows[0]?.count ?? 0) > 0) return 0;
    for (let start = 0; start < catalog.length; start += SEED_BATCH) {
      const batch = catalog.slice(start, start + SEED_BATCH);
      await tx.query(
        `INSERT INTO products (id, doc, server_seq)
         SELECT d->>'id', d, $2::bigint + ordinality
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, ordinality)`,
        [JSON.stringify(batch), start],
      );
    }
    return catalog.length;
  });
}
