import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database';

/**
 * Embedded PostgreSQL (WASM) so a fresh machine needs no server.
 * `dataDir` undefined keeps everything in memory (tests).
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  const asQueryable = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async exec(sql: string) {
      await target.exec(sql);
    },
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<Row>(sql, params ? [...params] : undefined);
      return { rows: result.rows } satisfies QueryResult<Row>;
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(db),
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    async listen(channel, handler) {
      const stop = await db.listen(channel, handler);
      return async () => stop();
    },
    close: () => db.close(),
  };
}
