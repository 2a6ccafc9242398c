import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceProcess } from '../../scripts/lib/service-process';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres';
import { startSyncServer, stopAll } from '../support/processes';

// The built sync server against the machine's real PostgreSQL (the default
// is embedded PGlite; both run the same migrations and queries).
describe('sync server on PostgreSQL', () => {
  let database: ScratchDatabase;
  let first: ServiceProcess;

  beforeAll(async () => {
    database = await createScratchDatabase();
    first = await startSyncServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await stopAll();
    await database?.drop();
  });

  it('reports PostgreSQL in its health check', async () => {
    const response = await fetch(`${first.url}/health`);
    expect(await response.json()).toEqual({ status: 'ok', database: 'postgres' });
  });

  it('seeds the demo catalog once, even with a second instance starting on the same database', async () => {
    const second = await startSyncServer({ databaseUrl: database.url });
    const pull = async (url: string) => {
      const response = await fetch(`${url}/sync/v1/products/pull?limit=5000`);
      return ((await response.json()) as { documents: { id: string }[] }).documents;
    };
    const [fromFirst, fromSecond] = await Promise.all([pull(first.url), pull(second.url)]);
    expect(fromFirst.length).toBeGreaterThanOrEqual(2000);
    expect(fromSecond.map((d) => d.id)).toEqual(fromFirst.map((d) => d.id));
    expect(new Set(fromFirst.map((d) => d.id)).size).toBe(fromFirst.length);
  });
});
