import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { type ProductCollection, productCollectionSchema } from './collections/products';
import { MIGRATION_STRATEGIES } from './migrations';
import { registerTillPlugins, type TillCollections } from './till-database';

describe('schema migrations', () => {
  it('every collection has a strategy map, and every schema is at the version its steps reach', () => {
    expect(Object.keys(MIGRATION_STRATEGIES).sort()).toEqual([
      'inventory',
      'journal',
      'orders',
      'outbox',
      'products',
      'sales',
      'settings',
      'staff',
    ] satisfies (keyof TillCollections)[]);
    expect(productCollectionSchema.version).toBe(Object.keys(MIGRATION_STRATEGIES.products).length);
  });

  it('a version bump with a step migrates the stored documents on the next start', async () => {
    registerTillPlugins();
    const storage = getRxStorageMemory();
    const name = `migration-${Date.now()}`;
    const first = await createRxDatabase<{ products: ProductCollection }>({
      name,
      storage,
      multiInstance: false,
    });
    await first.addCollections({
      products: { schema: productCollectionSchema, migrationStrategies: MIGRATION_STRATEGIES.products },
    });
    await first.products.insert({
      id: 'p1',
      barcode: '3017620422003',
      name: 'Pâte à tartiner',
      searchName: 'pate a tartiner',
      category: 'Épicerie sucrée',
      priceMinor: 449,
      currency: 'EUR',
      vatRateBps: 550,
      unit: 'piece',
      active: true,
    });
    await first.close();

    // The next release renames a category: one version up, with one step.
    const second = await createRxDatabase<{ products: ProductCollection }>({
      name,
      storage,
      multiInstance: false,
    });
    await second.addCollections({
      products: {
        schema: { ...productCollectionSchema, version: productCollectionSchema.version + 1 },
        migrationStrategies: {
          ...MIGRATION_STRATEGIES.products,
          [productCollectionSchema.version + 1]: (doc: { category: string }) => ({
            ...doc,
            category: doc.category.toUpperCase(),
          }),
        },
      },
    });
    const migrated = await second.products.findOne('p1').exec();
    expect(migrated?.category).toBe('ÉPICERIE SUCRÉE');
    await second.close();
  });
});
