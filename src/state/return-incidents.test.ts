import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { type StoreSale, type StoreSaleIncident, storeSaleOf } from '../core/returns/store-sale';
import { aSaleAt } from '../core/returns/store-sale-test-builders';
import { markIncidentsSeen, readSeenIncidents, watchFlaggedSales } from '../data/return-incidents';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import {
  createReturnIncidentsStore,
  incidentsToShow,
  markIncidentSeen,
  type ReturnIncidentServices,
  startReturnIncidents,
} from './return-incidents';

const TILL = { storeCode: 'PAR01', tillCode: '01' };

function incident(incidentId: number, recordedAt: string, lineId: string): StoreSaleIncident {
  return {
    incidentId,
    recordedAt,
    lines: [{ lineId, name: 'Yaourt nature', sold: 1, returned: 2 }],
    returns: [
      {
        returnId: '0193f0c0-0000-7000-8000-000000000001',
        receiptNumber: 'PAR01-02-000004',
        tillCode: '02',
        createdAt: recordedAt,
      },
      {
        returnId: '0193f0c0-0000-7000-8000-000000000002',
        receiptNumber: 'PAR01-03-000009',
        tillCode: '03',
        createdAt: recordedAt,
      },
    ],
  };
}

function flagged(sequence: number, incidents: StoreSaleIncident[]): StoreSale {
  const sale = aSaleAt(TILL, new Date().toISOString());
  const doc = storeSaleOf({ ...TILL, sequence }, sale, new Date(Date.now() + 86_400_000).toISOString());
  return { ...doc, incidents, incidentCount: incidents.length };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('double returns shown at the till', () => {
  let db: TillDatabase;
  afterEach(() => db?.close());

  it('lists the incidents of the feed, newest first, to supervisors and managers until seen', async () => {
    db = await createTillDatabase(`incidents-${Math.random()}`, getRxStorageMemory());
    const services: ReturnIncidentServices = {
      watchFlaggedSales: (listener) => watchFlaggedSales(db, listener),
      readSeenIncidents: () => readSeenIncidents(db),
      markIncidentsSeen: (ids) => markIncidentsSeen(db, ids),
    };
    const plain = flagged(1, []);
    await db.sales?.insert(plain as never);
    const store = createReturnIncidentsStore();
    const stop = startReturnIncidents(store, services);
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().incidents).toEqual([]);

    const older = flagged(2, [incident(4, '2026-12-01T10:00:00.000Z', 'l1')]);
    const newer = flagged(3, [incident(7, '2026-12-02T10:00:00.000Z', 'l2')]);
    await db.sales?.bulkInsert([older, newer] as never);
    await until(() => store.getState().incidents.length === 2);
    expect(store.getState().incidents.map((i) => [i.incidentId, i.receiptNumber])).toEqual([
      [7, 'PAR01-01-000003'],
      [4, 'PAR01-01-000002'],
    ]);
    expect(incidentsToShow(store.getState(), 'cashier')).toEqual([]);
    expect(incidentsToShow(store.getState(), undefined)).toEqual([]);
    expect(incidentsToShow(store.getState(), 'manager').map((i) => i.incidentId)).toEqual([7, 4]);

    await markIncidentSeen(store, services, 7);
    expect(incidentsToShow(store.getState(), 'supervisor').map((i) => i.incidentId)).toEqual([4]);
    // Seen survives a restart of the screen: it is kept in the till's database.
    expect(await readSeenIncidents(db)).toEqual([7]);
    const again = createReturnIncidentsStore();
    const stopAgain = startReturnIncidents(again, services);
    await until(() => again.getState().seen.length === 1 && again.getState().incidents.length === 2);
    expect(incidentsToShow(again.getState(), 'manager').map((i) => i.incidentId)).toEqual([4]);
    stop();
    stopAgain();
  });
});
