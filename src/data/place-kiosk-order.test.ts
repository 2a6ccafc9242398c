import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { journalEntrySchema } from '../core/journal/journal-entry';
import { EXAMPLE_KIOSK_INPUT } from '../core/orders/example-orders';
import { createJournalWriter } from './journal-writer';
import { watchOutbox } from './outbox-state';
import { placeKioskOrder } from './place-kiosk-order';
import { createTillDatabase, type TillDatabase } from './till-database';

const kiosk = { storeCode: 'PAR01', tillCode: 'K1', tillId: 'kiosk-1' };
const AT = '2026-11-23T09:00:00.000+01:00';
const stamp = (n: number) => ({
  id: `0192f0c0-0000-7000-8000-${String(n).padStart(12, '0')}`,
  recordedAt: AT,
});

describe('placeKioskOrder (data)', () => {
  let db: TillDatabase;
  afterEach(() => db?.close());

  const open = async () => {
    db = await createTillDatabase(
      `kiosk-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
    return createJournalWriter(db, kiosk);
  };

  it('journals the placed order, pending in the outbox, and leaves the server-owned orders alone', async () => {
    const journal = await open();
    const placed = await placeKioskOrder(
      journal,
      { ...EXAMPLE_KIOSK_INPUT, kioskId: kiosk.tillId },
      { placedAt: AT, payment: { type: 'kiosk-card', cardReference: 'TPE-0042-7781' } },
      stamp(1),
    );
    expect(placed.ok && placed.value.status).toBe('paid');
    const entries = (await db.journal.find().exec()).map((doc) =>
      journalEntrySchema.parse(doc.toMutableJSON()),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'kiosk-order.placed',
      sequence: 1,
      payload: { id: EXAMPLE_KIOSK_INPUT.id },
    });
    expect(placed.ok && entries[0]?.payload).toEqual(placed.ok && placed.value);
    expect((await firstValueFrom(watchOutbox(db, kiosk.tillId))).pending).toBe(1);
    expect(await db.orders.count().exec()).toBe(0);
  });

  it('returns every problem of a bad order as a value and journals nothing', async () => {
    const journal = await open();
    const refused = await placeKioskOrder(
      journal,
      { ...EXAMPLE_KIOSK_INPUT, lines: [], contact: { name: 'X' } },
      { placedAt: AT },
      stamp(2),
    );
    expect(
      refused.ok ? [] : refused.error.code === 'invalid-order' && refused.error.issues.map((i) => i.code),
    ).toEqual(['empty-order', 'missing-email-and-phone']);
    // A card proof on an order the customer chose to pay at a till: refused, not journaled.
    const mismatch = await placeKioskOrder(
      journal,
      { ...EXAMPLE_KIOSK_INPUT, paymentMethod: 'at-till' },
      { placedAt: AT, payment: { type: 'kiosk-card', cardReference: 'TPE-1' } },
      stamp(3),
    );
    expect(mismatch.ok || mismatch.error.code).toBe('refused-move');
    expect(await db.journal.count().exec()).toBe(0);
  });
});
