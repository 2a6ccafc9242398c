import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite-database';
import { seedDemoCatalog } from './demo/seed-catalog';

describe('sync server on in-memory PGlite', () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    db = await openPglite(undefined);
    expect(await migrate(db)).toEqual(['001-catalog']);
    app = await buildApp({ db, config: { corsOrigins: true, logLevel: 'silent' } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('applies migrations once', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('answers its health check with the database kind', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('seeds the demo catalog once and pulls it by checkpoint until caught up', async () => {
    const seeded = await seedDemoCatalog(db);
    expect(seeded).toBeGreaterThanOrEqual(2000);
    expect(await seedDemoCatalog(db)).toBe(0);

    const ids = new Set<string>();
    let after = 0;
    for (;;) {
      const response = await app.inject({
        method: 'GET',
        url: `/sync/v1/products/pull?after=${after}&limit=700`,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json() as { documents: { id: string }[]; checkpoint: { sequence: number } };
      for (const doc of body.documents) ids.add(doc.id);
      after = body.checkpoint.sequence;
      if (body.documents.length < 700) break;
    }
    expect(ids.size).toBe(seeded);
  });

  it('rejects a malformed pull with 400 saying what is wrong', async () => {
    const response = await app.inject({ method: 'GET', url: '/sync/v1/products/pull?after=-3&limit=abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/after/);
    expect(response.json().message).toMatch(/limit/);
  });
});
