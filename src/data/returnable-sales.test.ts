import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StoreSale, storeSaleOf } from '../core/returns/store-sale';
import { aReturnAt, aSaleAt } from '../core/returns/store-sale-test-builders';
import type { CompletedSale } from '../core/sale/completed-sale';
import { createJournalWriter, type JournalWriter } from './journal-writer';
import { findReturnableSale, type OnlineSaleLookup } from './returnable-sales';
import { createTillDatabase, type TillDatabase } from './till-database';

const HERE = { storeCode: 'PAR01', tillCode: '02', tillId: 'till-b' };
const OTHER_TILL = { storeCode: 'PAR01', tillCode: '01' };
const now = () => new Date().toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The feed document of a sale made on till 01 (its sequence `sequence`), as the server sends it. */
function feedDoc(sale: CompletedSale, sequence: number, patch: Partial<StoreSale> = {}): StoreSale {
  return { ...storeSaleOf({ ...OTHER_TILL, sequence }, sale, inDays(29)), ...patch };
}

describe('findReturnableSale', () => {
  let db: TillDatabase;
  let journal: JournalWriter;
  let ids = 0;
  const entryId = () => `0193f0c0-0000-7000-8000-${String(++ids).padStart(12, '0')}`;

  beforeEach(async () => {
    db = await createTillDatabase(`returnable-${Math.random()}`, getRxStorageMemory());
    await db.upsertLocal('till-identity', { ...HERE, credential: 'c'.repeat(43) });
    journal = createJournalWriter(db, HERE);
  });
  afterEach(() => db?.close());

  const insertFeed = async (doc: StoreSale) => {
    await db.sales?.insert(structuredClone(doc) as never);
  };
  const journalReturn = async (sale: CompletedSale, lineIndex: number, units = 1) => {
    const payload = aReturnAt(HERE, sale, lineIndex, now(), units);
    const appended = await journal.append({
      kind: 'return.completed',
      payload,
      id: entryId(),
      recordedAt: now(),
    });
    if (!appended.ok) throw new Error(JSON.stringify(appended.error));
    return payload;
  };

  it("finds another till's sale in the store feed with no network, by receipt number or sale id", async () => {
    const sale = aSaleAt(OTHER_TILL, now());
    await insertFeed(feedDoc(sale, 7));
    const byNumber = await findReturnableSale(db, { receiptNumber: ' par01-01-000007 ' });
    expect(byNumber).toMatchObject({
      ok: true,
      value: {
        foundIn: 'store-feed',
        receiptNumber: 'PAR01-01-000007',
        soldAt: sale.completedAt,
        alreadyReturned: {},
      },
    });
    if (!byNumber.ok) return;
    expect(byNumber.value.source.lines.map((l) => [l.name, l.quantity, l.netPaid.minor])).toEqual([
      ['Yaourt nature', 1, 250],
      ['Écharpe laine', 2, 5800],
      ['Tomme', 1, 640],
    ]);
    expect(byNumber.value.source.payments).toEqual([
      {
        tenderId: sale.tenders[0]?.tenderId,
        type: 'card',
        amount: { minor: 6690, currency: 'EUR' },
        accountId: null,
        reference: null,
      },
    ]);
    const byId = await findReturnableSale(db, { saleId: sale.saleId });
    expect(byId.ok && byId.value.receiptNumber).toBe('PAR01-01-000007');
  });

  it("adds this till's returns the server has not counted to the feed's, never twice", async () => {
    const sale = aSaleAt(OTHER_TILL, now());
    const counted = await journalReturn(sale, 1); // pushed, and counted by the server
    await journalReturn(sale, 1); // still pending
    await journalReturn(sale, 0);
    const lines = feedDoc(sale, 3).lines;
    await insertFeed(
      feedDoc(sale, 3, {
        lines: lines.map((l, i) => (i === 1 ? { ...l, returned: 1 } : i === 2 ? { ...l, returned: 1 } : l)),
        returnIds: [counted.returnId, '0193f0c0-0000-7000-8000-999999999999'],
      }),
    );
    const found = await findReturnableSale(db, { receiptNumber: 'PAR01-01-000003' });
    expect(found.ok && found.value.alreadyReturned).toEqual({
      [sale.lines[0]?.lineId ?? '']: 1,
      [sale.lines[1]?.lineId ?? '']: 2,
      [sale.lines[2]?.lineId ?? '']: 1,
    });
  });

  it("adds the card refunds the feed counted (other tills') to this till's uncounted ones", async () => {
    const sale = aSaleAt(OTHER_TILL, now());
    const card = sale.tenders[0]?.tenderId ?? '';
    const pending = await journalReturn(sale, 0); // this till's, not counted by the server yet
    const doc = feedDoc(sale, 4);
    await insertFeed(
      feedDoc(sale, 4, {
        // Another till refunded 29,00 € to that card; the server counted it.
        payments: doc.payments.map((p) => ({ ...p, refunded: 2900 })),
        returnIds: ['0193f0c0-0000-7000-8000-999999999998'],
      }),
    );
    const found = await findReturnableSale(db, { receiptNumber: 'PAR01-01-000004' });
    const refundedHere = pending.refunds.reduce((sum, r) => sum + r.amount.minor, 0);
    expect(refundedHere).toBeGreaterThan(0);
    expect(found.ok && found.value.alreadyRefunded).toEqual({ [card]: 2900 + refundedHere });
  });

  it("finds this till's own sale in its journal first, always offline", async () => {
    const sale = aSaleAt(HERE, now());
    const appended = await journal.append({
      kind: 'sale.completed',
      payload: sale,
      id: entryId(),
      recordedAt: now(),
    });
    expect(appended.ok).toBe(true);
    await journalReturn(sale, 2);
    const unreachable: OnlineSaleLookup = () => Promise.reject(new Error('offline'));
    const found = await findReturnableSale(db, { receiptNumber: 'PAR01-02-000001' }, unreachable);
    expect(found).toMatchObject({
      ok: true,
      value: { foundIn: 'journal', receiptNumber: 'PAR01-02-000001' },
    });
    expect(found.ok && found.value.alreadyReturned).toEqual({ [sale.lines[2]?.lineId ?? '']: 1 });
    const byId = await findReturnableSale(db, { saleId: sale.saleId });
    expect(byId.ok && byId.value.foundIn).toBe('journal');
  });

  it('asks the server for a sale it does not hold, and says why when it cannot', async () => {
    const old = aSaleAt(OTHER_TILL, '2025-01-10T10:00:00.000Z');
    const remote = feedDoc(old, 12, { expiresAt: '2025-02-09T10:00:00.000Z' });
    const asked: unknown[] = [];
    const server: OnlineSaleLookup = async (query) => {
      asked.push(query);
      return query.receiptNumber === 'PAR01-01-000012' ? remote : null;
    };
    expect(await findReturnableSale(db, { receiptNumber: 'PAR01-01-000012' })).toEqual({
      ok: false,
      error: { code: 'online-only' },
    });
    expect(
      await findReturnableSale(db, { receiptNumber: 'PAR01-01-000012' }, () =>
        Promise.reject(new Error('down')),
      ),
    ).toEqual({ ok: false, error: { code: 'online-only' } });
    const found = await findReturnableSale(db, { receiptNumber: 'PAR01-01-000012' }, server);
    expect(found).toMatchObject({ ok: true, value: { foundIn: 'online', soldAt: old.completedAt } });
    expect(await findReturnableSale(db, { receiptNumber: 'PAR01-01-000013' }, server)).toEqual({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(asked).toEqual([{ receiptNumber: 'PAR01-01-000012' }, { receiptNumber: 'PAR01-01-000013' }]);
  });

  it('leaves an expired feed copy to the server', async () => {
    const sale = aSaleAt(OTHER_TILL, '2025-01-10T10:00:00.000Z');
    await insertFeed(feedDoc(sale, 4, { expiresAt: '2025-02-09T10:00:00.000Z' }));
    expect(await findReturnableSale(db, { receiptNumber: 'PAR01-01-000004' })).toEqual({
      ok: false,
      error: { code: 'online-only' },
    });
  });

  it('refuses what is not a receipt of this store', async () => {
    expect(await findReturnableSale(db, { receiptNumber: 'LYO01-01-000004' })).toEqual({
      ok: false,
      error: { code: 'other-store' },
    });
    expect(await findReturnableSale(db, { receiptNumber: 'ticket 4' })).toEqual({
      ok: false,
      error: { code: 'query-malformed' },
    });
    expect(await findReturnableSale(db, { saleId: 'not-an-id' })).toEqual({
      ok: false,
      error: { code: 'query-malformed' },
    });
  });
});
