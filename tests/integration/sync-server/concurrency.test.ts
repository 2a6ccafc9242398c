import { randomFillSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StockLevel, stockLevelId } from '../../../src/core/catalog/stock-level';
import { createUuidV7Generator } from '../../../src/core/ids';
import { appendEntry } from '../../../src/core/journal/append-entry';
import type { ChainHead, JournalEntry } from '../../../src/core/journal/journal-entry';
import { aPlainSale } from '../../../src/core/journal/test-builders';
import { lockScope, writeDocuments } from '../../../sync-server/src/sync/document-store';
import { asNewRows, TestJournal } from '../../support/journal-builder';
import {
  DATABASE_KINDS,
  type EnrolledTill,
  startTestServer,
  type TestServer,
} from '../../support/sync-server-harness';

// The checkpoint race (shared/notes/rxdb.md): with concurrent writers, a
// puller that tails the sequence must never skip a row that commits after
// it has read past that row's number. 8 writers, each committing 50
// transactions of 4 documents, hold their transaction open a random moment
// after taking their sequence numbers (so a later number can try to commit
// first); a till pulls in small pages all along. Checked to fail: with a
// plain nextval() sequence instead of the locked counter, the puller missed
// 444 of 1,600 documents on PostgreSQL 15.
const WRITERS = 8;

// The tails pull in process (app.inject), where an answer can come back
// without the event loop turning (a cached token, PGlite in memory): a
// remote puller waits on the network between requests, so the tails let
// timers and other requests run between theirs, or they would starve them.
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

const TRANSACTIONS_PER_WRITER = 50;
const DOCS_PER_TRANSACTION = 4;

describe.each(DATABASE_KINDS)('concurrent writers and a tailing puller on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '01');
  });
  afterAll(() => t?.close());

  it(`misses nothing of ${WRITERS * TRANSACTIONS_PER_WRITER * DOCS_PER_TRANSACTION} documents`, async () => {
    const written = new Set<string>();
    let writersDone = false;

    const writer = async (w: number) => {
      for (let n = 0; n < TRANSACTIONS_PER_WRITER; n++) {
        const docs: StockLevel[] = Array.from({ length: DOCS_PER_TRANSACTION }, (_, d) => {
          const productId = `prd-w${w}-t${n}-d${d}`;
          return {
            id: stockLevelId('PAR01', 'PAR01', productId),
            storeCode: 'PAR01',
            productId,
            location: { kind: 'this-store', code: 'PAR01' },
            quantity: d,
            updatedAt: new Date().toISOString(),
          };
        });
        await t.db.transaction(async (tx) => {
          await lockScope(tx, 'inventory', 'PAR01');
          await writeDocuments(
            tx,
            'inventory',
            'PAR01',
            docs.map((doc) => ({ id: doc.id, doc: { ...doc }, deleted: false })),
          );
          // Keep the transaction open after numbering: the window in which a
          // naive design lets a later number commit first.
          await tx.query('SELECT pg_sleep(random() * 0.008)');
        });
        for (const doc of docs) written.add(doc.id);
      }
    };

    const pulled = new Set<string>();
    let duplicates = 0;
    const puller = async () => {
      let checkpoint = 0;
      for (;;) {
        await yieldToEventLoop();
        const caughtUpAfterWriters = writersDone;
        const response = await till.request(
          'GET',
          `/sync/v1/inventory/pull?checkpoint=${checkpoint}&limit=25`,
        );
        expect(response.statusCode).toBe(200);
        const body = response.json() as { documents: { id: string }[]; checkpoint: { seq: number } };
        for (const doc of body.documents) {
          if (pulled.has(doc.id)) duplicates++;
          pulled.add(doc.id);
        }
        checkpoint = body.checkpoint.seq;
        if (caughtUpAfterWriters && body.documents.length < 25) return;
      }
    };

    const tail = puller();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writersDone = true;
    await tail;

    expect(written.size).toBe(WRITERS * TRANSACTIONS_PER_WRITER * DOCS_PER_TRANSACTION);
    const missed = [...written].filter((id) => !pulled.has(id));
    expect(missed).toEqual([]);
    expect(duplicates).toBe(0);
  });
});

// Stock levels under concurrent pushes (docs/projections.md, Stock): the
// tills of one store push sales at once; each level must end at exactly the
// sum of the movements recorded (no lost update), and a till tailing the
// store's inventory must see every level's last version. Checked to fail on
// PostgreSQL with the levels read before taking the store's lock (PGlite runs
// one transaction at a time, so there it cannot fail).
const TILLS = 4;
const SALES_PER_TILL = 12;

describe.each(DATABASE_KINDS)('concurrent sales and the store inventory on $name', (kind) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  it(`loses no stock movement of ${TILLS * SALES_PER_TILL} sales pushed at once`, async () => {
    const tills = await Promise.all(
      Array.from({ length: TILLS }, (_, i) => t.enrol('PAR01', String(i + 1).padStart(2, '0'))),
    );
    const reader = await t.enrol('PAR01', '90');
    let done = false;
    const latest = new Map<string, number>();
    let checkpoint = 0;
    const tail = (async () => {
      for (;;) {
        await yieldToEventLoop();
        const finished = done;
        const response = await reader.request(
          'GET',
          `/sync/v1/inventory/pull?checkpoint=${checkpoint}&limit=5`,
        );
        expect(response.statusCode).toBe(200);
        const body = response.json() as {
          documents: (StockLevel & { _deleted: boolean })[];
          checkpoint: { seq: number };
        };
        for (const doc of body.documents) latest.set(doc.productId, doc.quantity);
        checkpoint = body.checkpoint.seq;
        if (finished && body.documents.length < 5) return;
      }
    })();
    // A failed push fails the test at once; the tail stops either way.
    await Promise.all(
      tills.map(async (till, index) => {
        const journal = new TestJournal(till);
        for (let n = 0; n < SALES_PER_TILL; n++) {
          const entry = journal.append({ kind: 'sale.completed', payload: aPlainSale(index * 100 + n) });
          const response = await till.request('POST', '/sync/v1/journal/push', asNewRows([entry]));
          expect(response.statusCode, response.body).toBe(200);
        }
      }),
    ).finally(() => {
      done = true;
    });
    await tail;

    const moved = await t.db.query<{ product_id: string; total: number; n: number }>(
      'SELECT product_id, sum(delta)::int AS total, count(*)::int AS n FROM stock_movements GROUP BY product_id',
    );
    expect(moved.rows.length).toBeGreaterThan(0);
    expect(moved.rows.reduce((sum, row) => sum + row.n, 0)).toBe(TILLS * SALES_PER_TILL * 3);
    const stored = await t.db.query<{ product_id: string; quantity: number }>(
      `SELECT doc->>'productId' AS product_id, (doc->>'quantity')::int AS quantity
       FROM sync_documents WHERE collection = 'inventory' AND scope = 'PAR01'`,
    );
    const expected = Object.fromEntries(moved.rows.map((row) => [row.product_id, row.total]));
    expect(Object.fromEntries(stored.rows.map((row) => [row.product_id, row.quantity]))).toEqual(expected);
    expect(Object.fromEntries([...latest])).toEqual(expected);
  });
});

// The per-scope lock (lockScope in push.ts): two pushes of the same new
// journal entry id at once must store it once. The later one must see the
// earlier one's row: an identical copy is a no-op, a different one a
// conflict that returns the stored entry; never two rows, never an
// overwrite, never a projection of the entry that lost. On PostgreSQL the
// two pushes really overlap (a pool of connections); checked to fail with
// lockScope removed from handlePush.
const ROUNDS = 12;

describe.each(DATABASE_KINDS)('two concurrent pushes of the same new id on $name', (kind) => {
  let t: TestServer;
  let till: EnrolledTill;

  beforeAll(async () => {
    t = await startTestServer(kind);
    till = await t.enrol('PAR01', '05');
  });
  afterAll(() => t?.close());

  const floatIn = (head: ChainHead | null, id: string, minor: number): JournalEntry => {
    const appended = appendEntry(
      head,
      {
        kind: 'cash.movement',
        id,
        recordedAt: new Date().toISOString(),
        payload: { type: 'float-in', amount: { minor, currency: 'EUR' }, staffId: 'staff-camille' },
      },
      { storeCode: till.storeCode, tillCode: till.tillCode, tillId: till.tillId },
    );
    if (!appended.ok) throw new Error(JSON.stringify(appended.error));
    return appended.value.entry;
  };
  const push = (entry: JournalEntry) => till.request('POST', '/sync/v1/journal/push', asNewRows([entry]));

  it(`stores one row; the other push gets the no-op or the conflict (${ROUNDS} rounds each)`, async () => {
    const newId = createUuidV7Generator({
      now: () => Date.now(),
      randomBytes: (n) => randomFillSync(new Uint8Array(n)),
    });
    let head: ChainHead | null = null;
    for (let round = 0; round < 2 * ROUNDS; round++) {
      const id = newId();
      const identical = round % 2 === 0;
      const mine = floatIn(head, id, 100 + round);
      const theirs = identical ? mine : floatIn(head, id, 9_000 + round);
      const answers = await Promise.all([push(mine), push(theirs)]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      const bodies = answers.map((a) => a.json() as JournalEntry[]);
      const stored = await t.db.query<{ doc: JournalEntry }>(
        "SELECT doc FROM sync_documents WHERE collection = 'journal' AND id = $1",
        [id],
      );
      expect(stored.rows).toHaveLength(1);
      const kept = stored.rows[0]?.doc as JournalEntry;
      const cash = await t.db.query<{ amount_minor: number }>(
        'SELECT amount_minor FROM cash_movements WHERE entry_id = $1',
        [id],
      );
      expect(cash.rows.map((row) => Number(row.amount_minor))).toEqual([
        (kept.payload as { amount: { minor: number } }).amount.minor,
      ]);
      if (identical) {
        expect(bodies).toEqual([[], []]);
      } else {
        // Exactly one was stored (answered []); the other got the stored entry back as a conflict.
        const winner = bodies[0]?.length === 0 ? mine : theirs;
        expect(bodies.filter((b) => b.length === 0)).toHaveLength(1);
        expect(bodies.find((b) => b.length === 1)).toEqual([{ ...winner, _deleted: false }]);
        expect(kept.hash).toBe(winner.hash);
      }
      head = { sequence: kept.sequence, hash: kept.hash };
    }
    const duplicates = await t.db.query(
      `SELECT doc->>'sequence' FROM sync_documents WHERE collection = 'journal' AND scope = $1
       GROUP BY doc->>'sequence' HAVING count(*) > 1`,
      [till.tillId],
    );
    expect(duplicates.rows).toEqual([]);
  });
});
