import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { defaultScanConfig } from '../core/barcodes/scan-config';
import type { JournalEntry } from '../core/journal/journal-entry';
import type { StaffPolicy } from '../core/staff/permissions';
import { hashPin, type StaffMember, type StaffRole } from '../core/staff/staff-member';
import { createJournalWriter } from '../data/journal-writer';
import { createTillDatabase, type TillDatabase } from '../data/till-database';

// Shared by the staff-access tests (approvals, sign-in, lock, no-sale): a
// till database in memory with four people, and its journal read back.

export const identity = { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' };

export const member = (id: string, role: StaffRole, pin: string, active = true): StaffMember => ({
  id,
  storeCode: 'PAR01',
  displayName: id.charAt(0).toUpperCase() + id.slice(1),
  role,
  pin: hashPin(pin, new Uint8Array(16).fill(id.length), 1_000),
  active,
});
export const CAMILLE = member('camille', 'cashier', '1111');
export const SAMIA = member('samia', 'supervisor', '2222');
export const MARC = member('marc', 'manager', '3333');
export const GONE = member('gone', 'manager', '4444', false);
export const asSignedIn = (m: StaffMember) => ({ id: m.id, displayName: m.displayName, role: m.role });

export async function staffTill(name: string): Promise<TillDatabase> {
  const db = await createTillDatabase(`${name}-${Math.random()}`, getRxStorageMemory());
  await db.staff.bulkInsert([CAMILLE, SAMIA, MARC, GONE]);
  return db;
}

export const journalWriter = (db: TillDatabase) => createJournalWriter(db, identity);

export async function journalOf(db: TillDatabase): Promise<JournalEntry[]> {
  const docs = await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec();
  return docs.map((doc) => doc.toMutableJSON() as JournalEntry);
}

export const settingsWith = (db: TillDatabase, staffPolicy: StaffPolicy) =>
  db.settings.upsert({
    id: 'store:PAR01',
    storeCode: 'PAR01',
    storeName: 'Marché',
    addressLines: [],
    legalIds: ['SIRET 552 100 554 00021'],
    currency: 'EUR',
    receiptFooter: [],
    scanConfig: defaultScanConfig,
    promotions: [],
    orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
    staffPolicy,
  });

/** Waits (briefly) for `condition`, then asserts it. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never held');
}
