import { performance } from 'node:perf_hooks';
import type { Product } from '../../src/core/catalog/product';
import { appendEntry } from '../../src/core/journal/append-entry';
import type { ChainHead, JournalEntry } from '../../src/core/journal/journal-entry';
import { GENESIS_PREV_HASH } from '../../src/core/journal/journal-values';
import { verifyContinuation } from '../../src/core/journal/verify-chain';
import { SYNC_COLLECTIONS } from '../../src/core/sync/collections';
import { journalUploadBodySchema } from '../../src/core/sync/wire';
import type { Database, Queryable } from '../../sync-server/src/db/database';
import { openPostgres } from '../../sync-server/src/db/pg-database';
import { pullDocuments } from '../../sync-server/src/sync/document-store';
import { handleJournalUpload } from '../../sync-server/src/sync/journal-upload';
import { nodeSha256Hex } from '../../sync-server/src/sync/node-sha256';
import { benchIdGenerator, buildSale, saleDraft } from './sales';
import type { NodeTill } from './server';

// Where a journal push spends its time on the server: the server's own
// handlePush, called in-process on the same PostgreSQL with a database
// wrapper that times every statement, then the CPU parts timed alone
// (schema validation of the rows, hash-chain verification). The push runs
// with the server's default hook, the back-office projections.

export function chainOfSales(
  count: number,
  products: readonly Product[],
  till: Pick<NodeTill, 'storeCode' | 'tillCode' | 'tillId'>,
): JournalEntry[] {
  const newId = benchIdGenerator(count * 31 + till.tillCode.length);
  const identity = { storeCode: till.storeCode, tillCode: till.tillCode, tillId: till.tillId };
  const entries: JournalEntry[] = [];
  let head: ChainHead | null = null;
  for (let n = 0; n < count; n++) {
    const appended = appendEntry(head, saleDraft(buildSale(n, products, till, newId), newId), identity);
    if (!appended.ok) throw new Error(`append: ${JSON.stringify(appended.error)}`);
    entries.push(appended.value.entry);
    head = { sequence: appended.value.entry.sequence, hash: appended.value.entry.hash };
  }
  return entries;
}

function timed(db: Database, clock: { sqlMs: number; statements: number }): Database {
  const wrap = (q: Queryable): Queryable => ({
    async query(sql, params) {
      const started = performance.now();
      try {
        return await q.query(sql, params);
      } finally {
        clock.sqlMs += performance.now() - started;
        clock.statements++;
      }
    },
    exec: (sql) => q.exec(sql),
  });
  return {
    ...db,
    ...wrap(db),
    kind: db.kind,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    listen: (channel, handler) => db.listen(channel, handler),
    close: () => db.close(),
  };
}

export interface PushProfile {
  readonly rowsPerPush: number;
  readonly msPerPush: number;
  readonly sqlMsPerPush: number;
  readonly statementsPerPush: number;
  readonly validateMsPerPush: number;
  readonly verifyMsPerPush: number;
}

/**
 * Uploads `pushes` batches of `rowsPerPush` sales of `till` as the journal upload route stores them
 * (handleJournalUpload, after the body is decompressed and parsed) and splits the time. The SQL
 * figures count the statements inside the transaction, not its BEGIN and COMMIT.
 */
export async function profileJournalPush(
  databaseUrl: string,
  till: NodeTill,
  products: readonly Product[],
  rowsPerPush: number,
  pushes: number,
): Promise<PushProfile> {
  const entries = chainOfSales(rowsPerPush * pushes, products, till);
  const db = openPostgres(databaseUrl);
  const clock = { sqlMs: 0, statements: 0 };
  const instrumented = timed(db, clock);
  let totalMs = 0;
  let validateMs = 0;
  let verifyMs = 0;
  try {
    for (let p = 0; p < pushes; p++) {
      const batch = entries.slice(p * rowsPerPush, (p + 1) * rowsPerPush);
      // JSON round trip: the server gets the entries parsed from a request body.
      const body: unknown = JSON.parse(JSON.stringify({ entries: batch }));
      const started = performance.now();
      // With the server's default push hook: the entries queued for the projector (section 9).
      const { answer } = await handleJournalUpload(instrumented, till, body, { queueProjections: true });
      totalMs += performance.now() - started;
      if (answer.stored !== batch.length) throw new Error(`push profile: stored ${answer.stored}`);

      const validateStarted = performance.now();
      const { entries: uploaded } = journalUploadBodySchema.parse(body);
      for (const entry of uploaded) SYNC_COLLECTIONS.journal.schema.safeParse(entry);
      validateMs += performance.now() - validateStarted;
      const verifyStarted = performance.now();
      const previous =
        p === 0 ? { sequence: 0, hash: GENESIS_PREV_HASH } : (entries[p * rowsPerPush - 1] as JournalEntry);
      const identity = { storeCode: till.storeCode, tillCode: till.tillCode, tillId: till.tillId };
      const verified = verifyContinuation(
        { sequence: previous.sequence, hash: previous.hash },
        batch,
        identity,
        // The hash the server checks with (journal-arrival.ts).
        nodeSha256Hex,
      );
      if (!verified.ok) throw new Error('push profile: chain does not verify');
      verifyMs += performance.now() - verifyStarted;
    }
  } finally {
    await db.close();
  }
  return {
    rowsPerPush,
    msPerPush: totalMs / pushes,
    sqlMsPerPush: clock.sqlMs / pushes,
    statementsPerPush: clock.statements / pushes,
    validateMsPerPush: validateMs / pushes,
    verifyMsPerPush: verifyMs / pushes,
  };
}

/** One catalog pull of `limit` products as the server answers it: the query, then the JSON of the reply. */
export async function profileProductPull(databaseUrl: string, limit: number, pulls: number) {
  const db = openPostgres(databaseUrl);
  let queryMs = 0;
  let jsonMs = 0;
  let checkpoint = 0;
  try {
    for (let i = 0; i < pulls; i++) {
      const started = performance.now();
      const { documents, lastSeq } = await pullDocuments(db, 'products', '*', checkpoint, limit);
      queryMs += performance.now() - started;
      const jsonStarted = performance.now();
      JSON.stringify({ documents, checkpoint: { seq: lastSeq } });
      jsonMs += performance.now() - jsonStarted;
      checkpoint = lastSeq;
    }
  } finally {
    await db.close();
  }
  return { queryMsPerPull: queryMs / pulls, jsonMsPerPull: jsonMs / pulls };
}
