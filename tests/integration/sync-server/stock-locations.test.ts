import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StockLevel, stockLevelId, stockLevelSchema } from '../../../src/core/catalog/stock-level';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { generateFrenchCatalog } from '../../../sync-server/src/demo/french-catalog';
import {
  DEMO_OTHER_STORE,
  DEMO_WAREHOUSE,
  seedDemoStockNetwork,
} from '../../../sync-server/src/demo/seed-stock-network';
import { registerStockLocation, setOwnStockLevels } from '../../../sync-server/src/stock/stock-locations';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// Stock per location (docs/sync-protocol.md section 4): every store of a
// region receives, in its own inventory scope, read-only copies of the
// other stores' and the warehouses' levels; a store of another region
// receives none; no till can push or change them; a sale in Lyon moves
// Lyon's level and Paris's copy of it follows.

const AT = '2026-11-23T08:00:00.000Z';
const SALE = aPlainSale();
const SOLD = [...new Set(SALE.lines.map((line) => line.productId))];

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(DATABASE_KINDS)('stock of other locations ($name)', (kind) => {
  let t: TestServer;
  let paris: EnrolledTill;
  let lyon: EnrolledTill;
  let geneva: EnrolledTill;

  beforeAll(async () => {
    t = await startTestServer(kind);
    paris = await t.enrol('PAR01', '01');
    lyon = await t.enrol('LYO01', '01');
    geneva = await t.enrol('GVA01', '01');
    for (const [code, kindOf, region] of [
      ['PAR01', 'store', 'FR'],
      ['LYO01', 'store', 'FR'],
      ['WH01', 'warehouse', 'FR'],
      ['GVA01', 'store', 'CH'],
    ] as const) {
      await registerStockLocation(t.db, { code, kind: kindOf, name: code, region });
    }
    const levels = (base: number) => SOLD.map((productId, i) => ({ productId, quantity: base + i }));
    await t.db.transaction(async (tx) => {
      await setOwnStockLevels(tx, { code: 'PAR01', kind: 'store' }, levels(10), AT);
      await setOwnStockLevels(tx, { code: 'LYO01', kind: 'store' }, levels(3), AT);
      await setOwnStockLevels(tx, { code: 'WH01', kind: 'warehouse' }, levels(20), AT);
      await setOwnStockLevels(tx, { code: 'GVA01', kind: 'store' }, levels(50), AT);
    });
  });
  afterAll(() => t?.close());

  const inventoryOf = async (till: EnrolledTill, checkpoint = 0) => {
    const response = await till.request('GET', `/sync/v1/inventory/pull?checkpoint=${checkpoint}&limit=1000`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { documents: Record<string, unknown>[]; checkpoint: { seq: number } };
    return {
      levels: body.documents.map(({ _deleted, ...doc }) => stockLevelSchema.parse(doc)),
      checkpoint: body.checkpoint.seq,
    };
  };
  const where = (levels: readonly StockLevel[], productId: string) =>
    levels
      .filter((level) => level.productId === productId)
      .map((level) => `${level.location.kind} ${level.location.code} ${level.quantity}`)
      .sort();

  it("gives each store the region's other stores and warehouse, read-only copies in its own scope", async () => {
    const [first] = SOLD as [string];
    const seen = await until(async () => {
      const { levels } = await inventoryOf(paris);
      return levels.length === SOLD.length * 3 ? levels : undefined;
    }, "Paris's copies");
    expect(where(seen, first)).toEqual(['other-store LYO01 3', 'this-store PAR01 10', 'warehouse WH01 20']);
    expect(seen.every((level) => level.storeCode === 'PAR01')).toBe(true);
    const fromLyon = await until(async () => {
      const { levels } = await inventoryOf(lyon);
      return levels.length === SOLD.length * 3 ? levels : undefined;
    }, "Lyon's copies");
    expect(where(fromLyon, first)).toEqual([
      'other-store PAR01 10',
      'this-store LYO01 3',
      'warehouse WH01 20',
    ]);
    // Geneva is in another region: only its own levels, and nobody in France sees Geneva.
    expect(where((await inventoryOf(geneva)).levels, first)).toEqual(['this-store GVA01 50']);
    expect(seen.some((level) => level.location.code === 'GVA01')).toBe(false);
  });

  it('refuses any till write to inventory, own level or copy, and nothing changes', async () => {
    const before = await inventoryOf(paris);
    const copy = before.levels.find((level) => level.location.code === 'LYO01');
    const own = before.levels.find((level) => level.location.code === 'PAR01');
    for (const level of [copy, own]) {
      if (!level) throw new Error('no level');
      const response = await paris.request('POST', '/sync/v1/inventory/push', [
        {
          assumedMasterState: { ...level, _deleted: false },
          newDocumentState: { ...level, quantity: 999, _deleted: false },
        },
      ]);
      expect(response.statusCode).toBe(403);
    }
    expect((await inventoryOf(paris, before.checkpoint)).levels).toEqual([]);
  });

  it("follows a sale in Lyon: Lyon's level drops, Paris's copy of it follows, Paris's own stays", async () => {
    const journal = new TestJournal(lyon);
    const pushed = await lyon.request(
      'POST',
      '/sync/v1/journal/push',
      asNewRows([journal.append({ kind: 'sale.completed', payload: SALE })]),
    );
    expect(pushed.statusCode).toBe(200);
    const lyonOwn = (await inventoryOf(lyon)).levels.filter((level) => level.location.kind === 'this-store');
    expect(lyonOwn.some((level) => level.quantity < 3)).toBe(true);
    const expected = lyonOwn.map((level) => `other-store LYO01 ${level.productId} ${level.quantity}`).sort();
    await until(async () => {
      const copies = (await inventoryOf(paris)).levels
        .filter((level) => level.location.code === 'LYO01')
        .map((level) => `${level.location.kind} LYO01 ${level.productId} ${level.quantity}`)
        .sort();
      return JSON.stringify(copies) === JSON.stringify(expected) ? true : undefined;
    }, "Paris's copy of Lyon's level");
    const parisOwn = (await inventoryOf(paris)).levels.filter(
      (level) => level.location.kind === 'this-store',
    );
    expect(parisOwn.map((level) => level.quantity)).toEqual(SOLD.map((_, i) => 10 + i));
    // One document per (viewing store, location, product): the copies never pile up.
    const ids = (await inventoryOf(paris)).levels.map((level) => level.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(stockLevelId('PAR01', 'LYO01', SOLD[0] ?? ''));
  });

  it('seeds the demo network on a fresh server: Paris sees Lyon and the warehouse', async () => {
    const fresh = await startTestServer(kind);
    try {
      const till = await fresh.enrol('PAR01', '02');
      const catalog = generateFrenchCatalog().slice(0, 12);
      await seedDemoStockNetwork(fresh.db, catalog);
      await seedDemoStockNetwork(fresh.db, catalog);
      // Product 2 is carried by Lyon (two in three) and the warehouse (every other one).
      const product = catalog[2]?.id ?? '';
      const levels = await until(async () => {
        const found = (await inventoryOf(till)).levels.filter((level) => level.productId === product);
        return found.length === 2 ? found : undefined;
      }, 'demo copies');
      expect(levels.map((level) => level.location.kind).sort()).toEqual(['other-store', 'warehouse']);
      expect(levels.map((level) => level.location.code).sort()).toEqual([
        DEMO_OTHER_STORE.code,
        DEMO_WAREHOUSE.code,
      ]);
    } finally {
      await fresh.close();
    }
  });
});
