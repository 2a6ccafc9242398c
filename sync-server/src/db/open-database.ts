import type { Database } from './database';
import { openPostgres } from './pg-database';
import { openPglite } from './pglite-database';

/**
 * `postgres://…` or `postgresql://…` opens a pool on a PostgreSQL server;
 * `pglite:<dir>` opens embedded PGlite with its files in <dir>;
 * `pglite:memory` keeps PGlite in memory.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  if (url.startsWith('pglite:')) {
    const location = url.slice('pglite:'.length);
    return openPglite(location === 'memory' ? undefined : location);
  }
  throw new Error(`TILL_DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url}")`);
}
