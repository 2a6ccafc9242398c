import type { TillDatabase } from './till-database';

// The sales parked on this till, kept in one local document of the till's
// own database (like the open sale, open-sale-document.ts): they survive a
// restart, stay on this till and are never replicated. The state layer says
// what goes in and checks what comes out.

const PARKED_SALES_DOC = 'parked-sales';

/** The stored list, unchecked (the caller parses it); empty when nothing was ever parked. */
export async function readParkedSalesDocument(db: TillDatabase): Promise<unknown[]> {
  const doc = await db.getLocal<{ values: unknown[] }>(PARKED_SALES_DOC);
  return doc ? [...doc.toJSON().data.values] : [];
}

export async function writeParkedSalesDocument(db: TillDatabase, values: readonly unknown[]): Promise<void> {
  await db.upsertLocal<{ values: unknown[] }>(PARKED_SALES_DOC, { values: structuredClone([...values]) });
}
