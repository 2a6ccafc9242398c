import type { Queryable } from '../db/database';

// Many rows of one table in one statement: the rows travel as one JSON array
// and jsonb_to_recordset turns them back into typed columns. One round trip
// per table and push, however many entries the push holds, and the same SQL
// on PostgreSQL and PGlite.

export type SqlType = 'text' | 'integer' | 'bigint' | 'boolean' | 'timestamptz';
export type SqlValue = string | number | boolean | null;

export interface TableSpec<Row extends Record<string, SqlValue>> {
  /** A constant from this folder, never user input: it is spliced into the SQL. */
  readonly name: string;
  readonly columns: { readonly [C in keyof Row]: SqlType };
  /** The primary key: a row whose key is already there is skipped, any other violation fails. */
  readonly key: readonly (keyof Row & string)[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts `rows`, skipping those whose key is already stored, and returns the
 * `returning` columns of the rows actually inserted: what a caller does next
 * (moving stock) can then follow exactly what was new.
 */
export async function insertRows<Row extends Record<string, SqlValue>, K extends keyof Row & string = never>(
  tx: Queryable,
  table: TableSpec<Row>,
  rows: readonly Row[],
  returning: readonly K[] = [],
): Promise<Pick<Row, K>[]> {
  if (rows.length === 0) return [];
  const columns: [string, SqlType][] = Object.entries(table.columns);
  for (const name of [table.name, ...columns.map(([column]) => column)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`insertRows: unsafe identifier ${name}`);
  }
  const names = columns.map(([column]) => column).join(', ');
  const recordType = columns.map(([column, type]) => `${column} ${type}`).join(', ');
  const result = await tx.query<Pick<Row, K>>(
    `INSERT INTO ${table.name} (${names})
     SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})
     ON CONFLICT (${table.key.join(', ')}) DO NOTHING
     RETURNING ${returning.length > 0 ? returning.join(', ') : '1 AS inserted'}`,
    [JSON.stringify(rows)],
  );
  return result.rows;
}
