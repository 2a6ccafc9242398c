import type { MigrationStrategies } from 'rxdb';

/**
 * How each collection's stored documents move to the next schema version.
 * Schemas start at version 0 (the first release). Orders are at 2 and settings at 5
 * (products left RxDB for the catalog pages, issue 15): each step added optional
 * fields, so it keeps the document as is.
 * To change a schema: raise its `version` by one and add the step here,
 * `{ 1: (oldDoc) => newDoc }`; RxDB runs the steps on the till's next start.
 * The pull checkpoints are not migrated: the server accepts every checkpoint
 * it ever issued (docs/sync-protocol.md section 1).
 */
export const MIGRATION_STRATEGIES = {
  inventory: {},
  orders: { 1: (doc: unknown) => doc, 2: (doc: unknown) => doc },
  staff: {},
  settings: {
    1: (doc: unknown) => doc,
    2: (doc: unknown) => doc,
    3: (doc: unknown) => doc,
    4: (doc: unknown) => doc,
    5: (doc: unknown) => doc,
  },
  journal: {},
  outbox: {},
  sales: {},
} as const satisfies Record<string, MigrationStrategies>;
