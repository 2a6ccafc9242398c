import type { MigrationStrategies } from 'rxdb';

/**
 * How each collection's stored documents move to the next schema version.
 * Every schema is at version 0 (the first release), so every map is empty.
 * To change a schema: raise its `version` by one and add the step here,
 * `{ 1: (oldDoc) => newDoc }`; RxDB runs the steps on the till's next start.
 * The pull checkpoints are not migrated: the server accepts every checkpoint
 * it ever issued (docs/sync-protocol.md section 1).
 */
export const MIGRATION_STRATEGIES = {
  products: {},
  inventory: {},
  orders: {},
  staff: {},
  settings: {},
  journal: {},
  outbox: {},
} as const satisfies Record<string, MigrationStrategies>;
