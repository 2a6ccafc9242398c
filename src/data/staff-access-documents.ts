import type { TillDatabase } from './till-database';

// What the till remembers of who may use it, in local documents of its own
// database (not replicated): the wrong-PIN counts and locks, and the lock of
// the till when a cashier stepped away, so that neither is undone by a
// reload. The state layer (pin-guard.ts, session-lock-store.ts) says what goes
// in and checks what comes out.

const PIN_LOCKOUTS_DOC = 'pin-lockouts';
const SESSION_LOCK_DOC = 'session-lock';

/** The stored value, unchecked (the caller parses it). */
async function readValue(db: TillDatabase, id: string): Promise<unknown> {
  const doc = await db.getLocal<{ value: unknown }>(id);
  return doc ? doc.toJSON().data.value : undefined;
}

async function writeValue(db: TillDatabase, id: string, value: unknown): Promise<void> {
  await db.upsertLocal<{ value: unknown }>(id, { value: structuredClone(value) });
}

export const readPinLockouts = (db: TillDatabase) => readValue(db, PIN_LOCKOUTS_DOC);
export const writePinLockouts = (db: TillDatabase, value: unknown) => writeValue(db, PIN_LOCKOUTS_DOC, value);
export const readSessionLock = (db: TillDatabase) => readValue(db, SESSION_LOCK_DOC);
/** `null` = the till is not locked. */
export const writeSessionLock = (db: TillDatabase, value: unknown) => writeValue(db, SESSION_LOCK_DOC, value);
