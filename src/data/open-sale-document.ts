import type { TillDatabase } from './till-database';

// The sale open on this till, kept in a local document of the till's own
// database (IndexedDB), so a reload or a crash of the renderer finds it
// again. Local documents are not replicated and count against no collection
// limit. The state layer says what goes in and checks what comes out.

const OPEN_SALE_DOC = 'open-sale';
const UNREADABLE_DOC = 'open-sale-unreadable';

/** The stored value, unchecked (the caller parses it). */
export async function readOpenSaleDocument(db: TillDatabase): Promise<unknown> {
  const doc = await db.getLocal<{ value: unknown }>(OPEN_SALE_DOC);
  return doc ? doc.toJSON().data.value : undefined;
}

export async function writeOpenSaleDocument(db: TillDatabase, value: unknown): Promise<void> {
  await db.upsertLocal<{ value: unknown }>(OPEN_SALE_DOC, { value: structuredClone(value) });
}

/** A stored sale the till can no longer read (an older shape) is set aside, never overwritten. */
export async function setAsideOpenSaleDocument(db: TillDatabase, value: unknown): Promise<void> {
  const previous = await db.getLocal<{ values: unknown[] }>(UNREADABLE_DOC);
  const values = previous ? previous.toJSON().data.values : [];
  await db.upsertLocal<{ values: unknown[] }>(UNREADABLE_DOC, {
    values: [...values, structuredClone(value)],
  });
}
