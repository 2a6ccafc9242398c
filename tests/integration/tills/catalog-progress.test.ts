import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { NEVER } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDemoPairingCodes } from '../../../scripts/lib/demo-enrolment';
import type { ServiceProcess } from '../../../scripts/lib/service-process';
import { replicateCollection } from '../../../src/data/sync/replicate-collection';
import { ensureTillIdentity, openTillSession } from '../../../src/data/sync/till-session';
import { createTillDatabase, type TillDatabase } from '../../../src/data/till-database';
import { generateFrenchCatalog } from '../../../sync-server/src/demo/french-catalog';
import { startSyncServer, stopAll, TEST_ADMIN_TOKEN } from '../../support/processes';

// The first catalog sync tells the till how much is left after every page,
// so the status bar can show progress; a page that is not full says 0.
describe('first catalog sync progress', () => {
  let server: ServiceProcess;
  let db: TillDatabase;

  beforeAll(async () => {
    server = await startSyncServer();
    db = await createTillDatabase(`progress-${Date.now()}`, getRxStorageMemory());
  });
  afterAll(async () => {
    await db?.close();
    await stopAll();
  });

  it('reports what is left after each page, down to 0', async () => {
    const { cashier } = await issueDemoPairingCodes(server.url, TEST_ADMIN_TOKEN, 'PAR01');
    const identity = await ensureTillIdentity(db, server.url, {
      pairingCode: cashier,
      deviceName: 'progress',
    });
    const session = openTillSession(server.url, identity);
    const seen: number[] = [];
    const replication = replicateCollection(db.products, {
      name: 'products',
      session,
      resync$: NEVER,
      pullBatchSize: 1000,
      onRemaining: (remaining) => seen.push(remaining),
    });
    await replication.awaitInitialReplication();
    await replication.cancel();

    const total = generateFrenchCatalog().length;
    expect(await db.products.count().exec()).toBe(total);
    // 2,556 products in pages of 1,000: 1,556 then 556 left, then a short last page.
    expect(seen).toEqual([total - 1000, total - 2000, 0]);
  });
});
