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

/** The rows for one table, in a multi-table insert. */
export interface TableRows {
  readonly table: TableSpec<Record<string, SqlValue>>;
  readonly rows: readonly Record<string, SqlValue>[];
}

/** One table's rows for insertRowsOfTables, typed by the table. */
export const rowsOf = <Row extends Record<string, SqlValue>>(
  table: TableSpec<Row>,
  rows: readonly Row[],
): TableRows => ({
  table: table as unknown as TableSpec<Record<string, SqlValue>>,
  rows,
});

/** The insert of one table's rows from parameter `$param`, skipping stored keys. */
function insertStatement(
  table: TableSpec<Record<string, SqlValue>>,
  param: number,
  returning: string,
): string {
  const columns: [string, SqlType][] = Object.entries(table.columns);
  for (const name of [table.name, ...columns.map(([column]) => column)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`insertRows: unsafe identifier ${name}`);
  }
  const names = columns.map(([column]) => column).join(', ');
  const recordType = columns.map(([column, type]) => `${column} ${type}`).join(', ');
  return `INSERT INTO ${table.name} (${names})
     SELECT ${names} FROM jsonb_to_recordset($${param}::jsonb) AS r(${recordType})
     ON CONFLICT (${table.key.join(', ')}) DO NOTHING
     RETURNING ${returning}`;
}

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
  for (const column of returning) {
    if (!IDENTIFIER.test(column)) throw new Error(`insertRows: unsafe identifier ${column}`);
  }
  const result = await tx.query<Pick<Row, K>>(
    insertStatement(
      table as unknown as TableSpec<Record<string, SqlValue>>,
      1,
      returning.length > 0 ? returning.join(', ') : '1 AS inserted',
    ),
    [JSON.stringify(rows)],
  );
  return result.rows;
}

/**
 * The rows of several tables in one statement (one INSERT per table, each in
 * its own WITH clause), so that a sale's header, lines and payments cost one
 * round trip, not three. The inserts cannot see each other's rows: use it for
 * tables no other part of the same insert reads.
 */
export async function insertRowsOfTables(tx: Queryable, parts: readonly TableRows[]): Promise<void> {
  const present = parts.filter((part) => part.rows.length > 0);
  if (present.length === 0) return;
  const clauses = present.map(
    (part, index) => `t${index} AS (${insertStatement(part.table, index + 1, '1 AS inserted')})`,
  );
  await tx.query(
    // PostgreSQL runs every data-modifying WITH clause to completion, read or not.
    `WITH ${clauses.join(',\n')}\nSELECT 1`,
    present.map((part) => JSON.stringify(part.rows)),
  );
}
