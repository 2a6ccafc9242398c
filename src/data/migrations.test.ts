import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { type JournalCollection, journalCollectionSchema } from './collections/journal';
import { type ProductCollection, productCollectionSchema } from './collections/products';
import { journalEntries } from './journal-query';
import { MIGRATION_STRATEGIES } from './migrations';
import { registerTillPlugins, type TillCollections, type TillDatabase } from './till-database';

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
    expect(journalCollectionSchema.version).toBe(Object.keys(MIGRATION_STRATEGIES.journal).length);
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

  it('a journal of the first release keeps every entry as it was, sealed, and is read by kind after the step', async () => {
    registerTillPlugins();
    const storage = getRxStorageMemory();
    const name = `migration-journal-${Date.now()}`;
    const entry = {
      id: '0190d6a0-0000-7000-8000-000000000001',
      storeCode: 'PAR01',
      tillCode: '01',
      tillId: 'till-a',
      sequence: 1,
      kind: 'shift.opened',
      recordedAt: '2026-11-02T09:00:00.000Z',
      payload: { shiftId: 's1' },
      prevHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    };
    const first = await createRxDatabase<{ journal: JournalCollection }>({
      name,
      storage,
      multiInstance: false,
    });
    await first.addCollections({
      journal: { schema: { ...journalCollectionSchema, version: 0, indexes: ['sequence'] } },
    });
    await first.journal.insert(entry as never);
    await first.close();

    const second = await createRxDatabase<{ journal: JournalCollection }>({
      name,
      storage,
      multiInstance: false,
    });
    await second.addCollections({
      journal: { schema: journalCollectionSchema, migrationStrategies: MIGRATION_STRATEGIES.journal },
    });
    const [migrated] = await journalEntries(second as unknown as TillDatabase, { kinds: ['shift.opened'] });
    expect(migrated).toEqual(entry);
    await second.close();
  });
});
