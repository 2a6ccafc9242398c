import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXAMPLE_IDS,
  exampleHandover,
  exampleKioskOrder,
  exampleReadyOrder,
} from '../core/orders/example-orders';
import { recordHandover } from '../core/orders/record-handover';
import { createJournalWriter, type JournalWriter } from './journal-writer';
import { recordOrderHandover } from './order-handover';
import { watchOutbox } from './outbox-state';
import { createTillDatabase, type TillDatabase } from './till-database';

const till = { storeCode: 'PAR01', tillCode: '02', tillId: 'till-PAR01-2' };
const stamp = (n: number) => ({
  id: `0195509d-0000-7000-8000-${String(n).padStart(12, '0')}`,
  recordedAt: '2025-03-02T15:30:00.000+01:00',
});

describe('recording a handover at the till', () => {
  let db: TillDatabase;
  afterEach(() => db?.close());

  const open = async () => {
    db = await createTillDatabase(`handover-${Math.random()}`, getRxStorageMemory());
    await db.orders.insert(exampleReadyOrder());
    return createJournalWriter(db, till);
  };

  it('journals the handover, updates the order and marks it pending', async () => {
    const journal = await open();
    const handover = exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 1 }]);
    const result = await recordOrderHandover(db, journal, handover, stamp(1));
    expect(result.ok && result.value.status).toBe('partially-handed-over');

    const stored = (await db.orders.findOne(EXAMPLE_IDS.clickCollectOrder).exec())?.toJSON();
    expect(stored?.kind === 'click-and-collect' && stored.handovers).toEqual([handover]);
    const entries = await db.journal.find().exec();
    expect(entries.map((e) => [e.kind, e.id])).toEqual([['order.handover', stamp(1).id]]);
    expect(entries[0]?.payload).toEqual(handover);
    // Both wait for the server: the journal entry (after the upload's cursor) and the order's row.
    const outbox = await firstValueFrom(watchOutbox(db, till.tillId));
    expect(outbox.pending).toBe(2);
    expect(outbox.items.map((item) => item.id).sort()).toEqual(
      [`journal:${stamp(1).id}`, `orders:${EXAMPLE_IDS.clickCollectOrder}`].sort(),
    );
  });

  it('refuses, as values, what the desk must not do, and then writes nothing', async () => {
    const journal = await open();
    const tooMuch = exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l1', quantity: 2 }]);
    expect(await recordOrderHandover(db, journal, tooMuch, stamp(1))).toMatchObject({
      ok: false,
      error: { code: 'handover-refused', reason: { code: 'exceeds-remaining' } },
    });
    const unknown = { ...tooMuch, orderId: EXAMPLE_IDS.kioskOrder };
    expect(await recordOrderHandover(db, journal, unknown, stamp(2))).toMatchObject({
      ok: false,
      error: { code: 'unknown-order' },
    });
    await db.orders.insert(exampleKioskOrder());
    expect(await recordOrderHandover(db, journal, unknown, stamp(3))).toMatchObject({
      ok: false,
      error: { code: 'not-click-and-collect' },
    });
    expect(await db.journal.count().exec()).toBe(0);
    expect(await db.outbox.count().exec()).toBe(0);
  });

  it('adds to what another till handed over, pulled while this one was journaling, instead of replacing it', async () => {
    const journal = await open();
    const theirs = recordHandover(
      exampleReadyOrder(),
      exampleHandover(EXAMPLE_IDS.handoverA, [{ lineId: 'l2', quantity: 1 }], { tillId: 'till-other' }),
    );
    if (!theirs.ok) throw new Error('fixture');
    // The pull lands between reading the order and saving it.
    const racing: JournalWriter = {
      async append(draft) {
        await db.orders.upsert(theirs.value.order);
        return journal.append(draft);
      },
    };
    const mine = exampleHandover(EXAMPLE_IDS.handoverB, [{ lineId: 'l2', quantity: 2 }]);
    const result = await recordOrderHandover(db, racing, mine, stamp(1));
    expect(result.ok && result.value.handovers.map((h) => h.id)).toEqual([
      EXAMPLE_IDS.handoverA,
      EXAMPLE_IDS.handoverB,
    ]);
    expect(result.ok && result.value.status).toBe('partially-handed-over');
  });
});
