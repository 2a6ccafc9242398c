import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type StoreSale, storeSaleOf } from '../../core/returns/store-sale';
import { aSaleAt } from '../../core/returns/store-sale-test-builders';
import type { StaffMember } from '../../core/staff/staff-member';
import { createTillDatabase, type TillDatabase } from '../till-database';
import { pullReplication, type ReplicationStatus } from './pull-replication';
import { createRetryPacer } from './retry-pacer';
import type { TillSession } from './till-session';

// The server's staff as the pull endpoint serves them: every write takes
// the next seq, as in sync_documents (docs/sync-protocol.md section 5).
interface ServedDocument {
  readonly doc: StaffMember & { _deleted: boolean };
  readonly seq: number;
}

function fakeServer() {
  let served: ServedDocument[] = [];
  let seq = 0;
  const asked: string[] = [];
  let failNext = 0;
  const put = (product: StaffMember, deleted = false) => {
    seq++;
    served = [
      ...served.filter((s) => s.doc.id !== product.id),
      { doc: { ...product, _deleted: deleted }, seq },
    ];
  };
  const session = {
    identity: { tillId: 'till-1' },
    pacer: createRetryPacer(() => 0),
    async request(method: string, path: string) {
      asked.push(`${method} ${path}`);
      if (failNext > 0) {
        failNext--;
        throw new Error('link down');
      }
      const url = new URL(path, 'http://server');
      const after = Number(url.searchParams.get('checkpoint'));
      const limit = Number(url.searchParams.get('limit'));
      const page = served.filter((s) => s.seq > after).slice(0, limit);
      return {
        documents: page.map((s) => s.doc),
        checkpoint: { seq: page.at(-1)?.seq ?? after },
        remaining: 0,
      };
    },
  } as unknown as TillSession;
  return {
    session,
    put,
    asked,
    failOnce() {
      failNext = 1;
    },
  };
}

const OTHER_TILL = { storeCode: 'PAR01', tillCode: '02' };

const products = (count: number): StaffMember[] =>
  Array.from(
    { length: count },
    (_, i) =>
      ({
        id: `s${i}`,
        storeCode: 'PAR01',
        displayName: `Caissier ${i}`,
        role: 'cashier',
        pin: {},
        active: true,
      }) as unknown as StaffMember,
  );

describe('pullReplication', () => {
  let db: TillDatabase;
  let replication: ReplicationStatus | undefined;
  afterEach(async () => {
    await replication?.cancel();
    replication = undefined;
    await db?.close();
  });
  const open = async () => {
    db = await createTillDatabase(
      `pull-${Math.random()}`,
      wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    );
  };
  type Delta = { from: number; to: number; documents: unknown[] };
  const start = (
    server: ReturnType<typeof fakeServer>,
    resync$ = new Subject<void>(),
    delta$?: Subject<Delta>,
    holdWhile$?: Subject<boolean>,
    maxHoldMs?: number,
  ) => {
    replication = pullReplication(db, db.staff, {
      name: 'staff',
      session: server.session,
      resync$,
      pullBatchSize: 2,
      ...(delta$ ? { delta$ } : {}),
      ...(holdWhile$ ? { holdWhile$ } : {}),
      ...(maxHoldMs ? { maxHoldMs } : {}),
    });
    return replication;
  };

  it('pulls page after page until a short page, and keeps the checkpoint for the next start', async () => {
    await open();
    const server = fakeServer();
    for (const product of products(5)) server.put(product);
    await start(server).awaitInitialReplication();
    expect(await db.staff.count().exec()).toBe(5);
    expect(server.asked).toEqual([
      'GET /sync/v1/staff/pull?checkpoint=0&limit=2',
      'GET /sync/v1/staff/pull?checkpoint=2&limit=2',
      'GET /sync/v1/staff/pull?checkpoint=4&limit=2',
    ]);

    // A restart (a new replication on the same database) asks from where the last one stopped.
    await replication?.cancel();
    server.asked.length = 0;
    await start(server).awaitInitialReplication();
    expect(server.asked).toEqual(['GET /sync/v1/staff/pull?checkpoint=5&limit=2']);
  });

  it('applies changes and tombstones on resync, and leaves a document pulled again unchanged', async () => {
    await open();
    const server = fakeServer();
    const [kept, changed, withdrawn] = products(3) as [StaffMember, StaffMember, StaffMember];
    for (const product of [kept, changed, withdrawn]) server.put(product);
    const resync$ = new Subject<void>();
    await start(server, resync$).awaitInitialReplication();
    const keptRevision = (await db.staff.findOne(kept.id).exec())?.revision;

    server.put(kept); // the same document under a new seq: nothing to store
    server.put({ ...changed, displayName: 'Camille' });
    server.put(withdrawn, true);
    resync$.next();
    await waitUntil(async () => (await db.staff.count().exec()) === 2);

    expect((await db.staff.findOne(changed.id).exec())?.displayName).toBe('Camille');
    expect(await db.staff.findOne(withdrawn.id).exec()).toBeNull();
    expect((await db.staff.findOne(kept.id).exec())?.revision).toBe(keptRevision);
  });

  it('applies a delta that follows its checkpoint without a pull, and pulls after one that does not', async () => {
    await open();
    const server = fakeServer();
    const [a, b, c] = products(3) as [StaffMember, StaffMember, StaffMember];
    server.put(a);
    const delta$ = new Subject<Delta>();
    await start(server, new Subject<void>(), delta$).awaitInitialReplication();
    server.asked.length = 0;

    // Seq 2: b changes on the server, and the stream brings it from seq 1 (the till's checkpoint).
    server.put(b);
    delta$.next({ from: 1, to: 2, documents: [{ ...b, _deleted: false }] });
    await waitUntil(async () => (await db.staff.count().exec()) === 2);
    expect(server.asked).toEqual([]);

    // Seq 3 is missed (a delta from 3 to 4 arrives): the till pulls from its checkpoint 2 instead.
    server.put(c);
    server.put({ ...a, displayName: 'Camille' });
    delta$.next({ from: 3, to: 4, documents: [{ ...a, displayName: 'Camille', _deleted: false }] });
    await waitUntil(async () => (await db.staff.count().exec()) === 3);
    expect(server.asked).toEqual([
      'GET /sync/v1/staff/pull?checkpoint=2&limit=2',
      'GET /sync/v1/staff/pull?checkpoint=4&limit=2',
    ]);
    expect((await db.staff.findOne(a.id).exec())?.displayName).toBe('Camille');
  });

  it('holds resyncs and deltas while told to (a journal backlog going up), then pulls once what it held', async () => {
    await open();
    const server = fakeServer();
    const [a, b, c, d] = products(4) as [StaffMember, StaffMember, StaffMember, StaffMember];
    server.put(a);
    const resync$ = new Subject<void>();
    const delta$ = new Subject<Delta>();
    const hold$ = new Subject<boolean>();
    await start(server, resync$, delta$, hold$).awaitInitialReplication();
    server.asked.length = 0;

    hold$.next(true);
    server.put(b);
    resync$.next();
    server.put(c);
    delta$.next({ from: 2, to: 3, documents: [{ ...c, _deleted: false }] });
    // Nothing asked, nothing stored while held (a delta that follows the checkpoint included).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.asked).toEqual([]);
    expect(await db.staff.count().exec()).toBe(1);

    // Released: one pass fetches everything held, from the checkpoint it had.
    server.put(d);
    hold$.next(false);
    await waitUntil(async () => (await db.staff.count().exec()) === 4);
    expect(server.asked).toEqual([
      'GET /sync/v1/staff/pull?checkpoint=1&limit=2',
      'GET /sync/v1/staff/pull?checkpoint=3&limit=2',
    ]);

    // A release with nothing asked for meanwhile pulls nothing.
    server.asked.length = 0;
    hold$.next(true);
    hold$.next(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.asked).toEqual([]);
  });

  it('lets a hold last at most its limit: a feed is never frozen by a backlog that does not end', async () => {
    await open();
    const server = fakeServer();
    const [a, b] = products(2) as [StaffMember, StaffMember];
    server.put(a);
    const resync$ = new Subject<void>();
    const hold$ = new Subject<boolean>();
    await start(server, resync$, new Subject<Delta>(), hold$, 200).awaitInitialReplication();
    server.asked.length = 0;

    hold$.next(true);
    server.put(b);
    resync$.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.asked).toEqual([]);
    // Still told to hold, but the limit has passed: the held resync is pulled.
    await waitUntil(async () => (await db.staff.count().exec()) === 2);
    expect(server.asked).toEqual(['GET /sync/v1/staff/pull?checkpoint=1&limit=2']);
  });

  it("applies the store's sales as deltas: another till's sale, and its tombstone when it leaves the feed", async () => {
    await open();
    const server = fakeServer();
    const delta$ = new Subject<Delta>();
    replication = pullReplication(db, db.sales as NonNullable<typeof db.sales>, {
      name: 'sales',
      session: server.session,
      resync$: new Subject<void>(),
      pullBatchSize: 2,
      delta$,
    });
    await replication.awaitInitialReplication();
    server.asked.length = 0;
    const soldAt = new Date().toISOString();
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const [first, second] = [1, 2].map((sequence) =>
      storeSaleOf({ ...OTHER_TILL, sequence }, aSaleAt(OTHER_TILL, soldAt), expiresAt),
    ) as [StoreSale, StoreSale];

    delta$.next({
      from: 0,
      to: 2,
      documents: [
        { ...first, _deleted: false },
        { ...second, _deleted: false },
      ],
    });
    await waitUntil(async () => (await db.sales?.count().exec()) === 2);
    expect((await db.sales?.findOne(second.id).exec())?.receiptNumber).toBe('PAR01-02-000002');

    delta$.next({ from: 2, to: 3, documents: [{ ...first, _deleted: true }] });
    await waitUntil(async () => (await db.sales?.count().exec()) === 1);
    expect(await db.sales?.findOne(first.id).exec()).toBeNull();
    // Both came with the stream: not one pull.
    expect(server.asked).toEqual([]);
  });

  it('reports a failed pull, backs off and gets the page on the retry', async () => {
    await open();
    const server = fakeServer();
    for (const product of products(3)) server.put(product);
    server.failOnce();
    const errors: (string | undefined)[] = [];
    const running = start(server);
    running.error$.subscribe((message) => errors.push(message));
    await running.awaitInitialReplication();
    // The failure is told, then cleared once the retry got through (the status bar shows no stale error).
    expect(errors).toEqual(['link down', undefined]);
    expect(await db.staff.count().exec()).toBe(3);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
