import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database';

// BIGINT columns (server sequence numbers) stay within 2^53 for the life of a
// store, so they are returned as JS numbers rather than strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * How many distinct statements are prepared by name. A named statement is
 * parsed (and, once PostgreSQL settles on a generic plan, planned) once per
 * connection instead of on every call: the push's statements are long CTEs,
 * and parsing and planning them again was a good part of PostgreSQL's work
 * per sale. Every SQL text in this server is a constant or built from a
 * small set of table specs, so the set is small; the cap only guards
 * against a caller that builds texts from data, which then run unnamed.
 */
const MAX_NAMED_STATEMENTS = 256;

function statementNamer() {
  const names = new Map<string, string>();
  return (sql: string): string | undefined => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= MAX_NAMED_STATEMENTS) return known;
    const name = `till_${names.size}`;
    names.set(sql, name);
    return name;
  };
}

export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle pooled connection can be closed by the server (a restart, an
  // administrator, a failover). The pool drops that client and opens a new
  // one on the next query; without this listener the event would be an
  // uncaught error that takes the whole process down.
  pool.on('error', () => undefined);
  const nameOf = statementNamer();
  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    // Statements with parameters go through the extended protocol anyway; naming them lets it reuse the parse.
    const result = params
      ? await client.query({ text: sql, values: [...params], name: nameOf(sql) })
      : await client.query(sql);
    return { rows: result.rows as Row[] } satisfies QueryResult<Row>;
  };
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, handler) => listenWithReconnect(connectionString, channel, handler),
    close: () => pool.end(),
  };
}

/**
 * LISTEN needs a connection of its own that stays open. If it drops, it is
 * reopened with back-off; the caller's handler is told with an empty payload
 * so it can resync everyone (notifications sent meanwhile are lost).
 */
async function listenWithReconnect(
  connectionString: string,
  channel: string,
  handler: (payload: string) => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`unsafe channel name: ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let attempt = 0;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) handler(message.payload ?? '');
    });
    next.on('error', () => {
      if (stopped) return;
      void next.end().catch(() => undefined);
      const delay = Math.min(30_000, 500 * 2 ** attempt++);
      setTimeout(
        () =>
          void connect()
            .then(() => handler(''))
            .catch(() => undefined),
        delay,
      );
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    attempt = 0;
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
