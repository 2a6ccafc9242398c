import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

/**
 * The till's storage: Dexie (IndexedDB), without RxDB's schema-validator
 * wrapper. Every document is validated where it is created, with the core's
 * zod schemas: server-owned ones by the server before it stores and serves
 * them, the till's own (journal entries, handovers) by the core before they
 * are inserted. The z-schema wrapper re-read the whole JSON schema for every
 * document and took 42 % of the first catalog sync (bench/README.md).
 */
export function tillStorage(): RxStorage<unknown, unknown> {
  return getRxStorageDexie();
}

/** The wrapped storage the till used before, kept for the benchmark's comparison. */
export async function validatedTillStorage(): Promise<RxStorage<unknown, unknown>> {
  const { wrappedValidateZSchemaStorage } = await import('rxdb/plugins/validate-z-schema');
  return wrappedValidateZSchemaStorage({ storage: getRxStorageDexie() }) as RxStorage<unknown, unknown>;
}
