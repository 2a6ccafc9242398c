import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { type StaffCollection, staffCollectionSchema } from './collections/staff';
import { MIGRATION_STRATEGIES } from './migrations';
import { registerTillPlugins, type TillCollections } from './till-database';

describe('schema migrations', () => {
  it('every collection has a strategy map, and every schema is at the version its steps reach', () => {
    expect(Object.keys(MIGRATION_STRATEGIES).sort()).toEqual([
      'inventory',
      'journal',
      'orders',
      'outbox',
      'sales',
      'settings',
      'staff',
    ] satisfies (keyof TillCollections)[]);
    expect(staffCollectionSchema.version).toBe(Object.keys(MIGRATION_STRATEGIES.staff).length);
  });

  it('a version bump with a step migrates the stored documents on the next start', async () => {
    registerTillPlugins();
    const storage = getRxStorageMemory();
    const name = `migration-${Date.now()}`;
    const first = await createRxDatabase<{ staff: StaffCollection }>({
      name,
      storage,
      multiInstance: false,
    });
    await first.addCollections({
      staff: { schema: staffCollectionSchema, migrationStrategies: MIGRATION_STRATEGIES.staff },
    });
    await first.staff.insert({
      id: 's1',
      storeCode: 'PAR01',
      displayName: 'Camille Martin',
      role: 'cashier',
      pin: {},
      active: true,
    } as never);
    await first.close();

    // The next release changes how names are kept: one version up, with one step.
    const second = await createRxDatabase<{ staff: StaffCollection }>({
      name,
      storage,
      multiInstance: false,
    });
    await second.addCollections({
      staff: {
        schema: { ...staffCollectionSchema, version: staffCollectionSchema.version + 1 },
        migrationStrategies: {
          ...MIGRATION_STRATEGIES.staff,
          [staffCollectionSchema.version + 1]: (doc: { displayName: string }) => ({
            ...doc,
            displayName: doc.displayName.toUpperCase(),
          }),
        },
      },
    });
    const migrated = await second.staff.findOne('s1').exec();
    expect(migrated?.displayName).toBe('CAMILLE MARTIN');
    await second.close();
  });
});
