import { randomFillSync, randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { firstValueFrom, type Subscription } from 'rxjs';
import { unwrap } from '../../src/core/cart/test-builders';
import type { Product } from '../../src/core/catalog/product';
import { createUuidV7Generator } from '../../src/core/ids';
import type { JournalEntry } from '../../src/core/journal/journal-entry';
import type { ClickCollectOrder } from '../../src/core/orders/click-collect-order';
import type { HandoverIdentification, HandoverLine } from '../../src/core/orders/handover';
import { completeSale } from '../../src/core/sale/complete-sale';
import { aSale } from '../../src/core/sale/test-builders';
import { createJournalWriter, type JournalWriter } from '../../src/data/journal-writer';
import { recordOrderHandover } from '../../src/data/order-handover';
import { watchOutbox } from '../../src/data/outbox-state';
import type { StreamState } from '../../src/data/sync/change-stream';
import { type RunningSync, type SyncProgress, startSync } from '../../src/data/sync/start-sync';
import type { TillIdentity } from '../../src/data/sync/till-session';
import { createTillDatabase, type TillDatabase } from '../../src/data/till-database';
import { TEST_ADMIN_TOKEN } from './processes';

// A till in the test process running the real renderer data layer: the
// RxDB database (memory storage, with the renderer's z-schema validation),
// enrolment, replication over HTTP, the live stream and the journal writer.
// Only the screens are missing.
//
// RxDB's open-source build allows 13 open collections per process (a 14th
// waits ~1.8 s, a 15th throws). A till has 8 with the store's sales feed, 7
// without: by default a node till leaves the feed out, so two tills run at
// once; a test of the feed runs one till with it (`storeSales: true`).

/** What the status bar shows: the replication state and the outbox counters. */
export interface TillStatus {
  readonly pending: number;
  readonly failed: number;
  readonly stream: StreamState;
  /** Pulling or pushing right now ("synchronisation…"). */
  readonly active: boolean;
  readonly error: string | undefined;
}

export interface NodeTill {
  readonly db: TillDatabase;
  readonly sync: RunningSync;
  readonly identity: TillIdentity;
  readonly journal: JournalWriter;
  /** Rings up `lines` articles (from the local catalog when it has some) paid by card and journals the sale. */
  sell(lines?: number): Promise<JournalEntry>;
  /** Hands over order lines at this till's pickup desk (journaled, then pushed on the order). */
  handOver(
    orderId: string,
    lines: readonly HandoverLine[],
    identification: HandoverIdentification,
  ): Promise<ClickCollectOrder>;
  /** The order as this till holds it, without RxDB's bookkeeping. */
  order(orderId: string): Promise<ClickCollectOrder | undefined>;
  status(): Promise<TillStatus>;
  /** Resolves once nothing is pending in the outbox; throws if a record failed or on timeout. */
  waitForOutboxEmpty(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface NodeTillOptions {
  /** Where the till sends its requests (the fault proxy, usually). */
  readonly syncUrl: string;
  readonly pairingCode: string;
  readonly deviceName?: string;
  /** Open the store's sales feed collection too (8 collections: then no second till fits in the process). */
  readonly storeSales?: boolean;
  /** Products per catalog snapshot page (several pages for the demo catalog: 1,000). */
  readonly catalogPageSize?: number;
}

const newId = createUuidV7Generator({
  now: () => Date.now(),
  randomBytes: (n) => randomFillSync(new Uint8Array(n)),
});

export async function startNodeTill(options: NodeTillOptions): Promise<NodeTill> {
  const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() });
  const db = await createTillDatabase(`till-${randomUUID()}`, storage, {
    storeSales: options.storeSales === true,
  });
  const sync = await startSync(db, {
    syncUrl: options.syncUrl,
    enrolment: { pairingCode: options.pairingCode, deviceName: options.deviceName ?? 'node till' },
    ...(options.catalogPageSize ? { catalogPageSize: options.catalogPageSize } : {}),
  });
  const { identity } = sync;
  const journal = createJournalWriter(db, identity);
  let progress: SyncProgress = { stream: 'connecting', active: false, error: undefined };
  const watching: Subscription = sync.progress$.subscribe((next) => {
    progress = next;
  });

  // As the status bar counts: the journal after the upload's cursor, and the outbox collection's rows.
  const count = async (state: 'pending' | 'failed') =>
    (await firstValueFrom(watchOutbox(db, identity.tillId, 1)))[state];

  return {
    db,
    sync,
    identity,
    journal,
    async sell(lines = 3) {
      // The till sells what its catalog holds; without a catalog, the builders' own articles.
      const shelf: Product[] = [];
      for await (const slice of db.catalog.slices())
        for (const product of slice) if (product.unit === 'piece' && product.active) shelf.push(product);
      shelf.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).splice(lines);
      const builder = aSale(newId);
      if (shelf.length === lines) for (const product of shelf) builder.with(product);
      else builder.withLines(lines);
      const { cart, payment } = builder.paidBy('card').build();
      const now = new Date().toISOString();
      const sale = unwrap(
        completeSale(cart, payment, {
          saleId: newId(),
          storeCode: identity.storeCode,
          tillCode: identity.tillCode,
          staffId: 'staff-camille',
          startedAt: now,
          completedAt: now,
        }),
      );
      const appended = await journal.append({
        kind: 'sale.completed',
        payload: sale,
        id: newId(),
        recordedAt: now,
      });
      if (!appended.ok) throw new Error(`sale not journaled: ${JSON.stringify(appended.error)}`);
      return appended.value;
    },
    async handOver(orderId, lines, identification) {
      const handover = {
        id: newId(),
        orderId,
        staffId: 'staff-camille',
        tillId: identity.tillId,
        handedOverAt: new Date().toISOString(),
        lines,
        identification,
      };
      const recorded = await recordOrderHandover(db, journal, handover, {
        id: newId(),
        recordedAt: new Date().toISOString(),
      });
      if (!recorded.ok) throw new Error(`handover refused: ${JSON.stringify(recorded.error)}`);
      return recorded.value;
    },
    async order(orderId) {
      const doc = await db.orders.findOne(orderId).exec();
      const json = doc?.toJSON();
      return json?.kind === 'click-and-collect' ? structuredClone(json) : undefined;
    },
    async status() {
      return {
        pending: await count('pending'),
        failed: await count('failed'),
        stream: progress.stream,
        active: progress.active,
        error: progress.error,
      };
    },
    async waitForOutboxEmpty(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const failed = await db.outbox.find({ selector: { state: 'failed' } }).exec();
        if (failed.length > 0)
          throw new Error(`outbox: ${failed.length} failed, first: ${failed[0]?.error ?? 'no reason'}`);
        if ((await count('pending')) === 0) return;
        if (Date.now() > deadline)
          throw new Error(`outbox still holds ${await count('pending')} pending after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      watching.unsubscribe();
      await sync.close();
      await db.close();
    },
  };
}

/** A one-time pairing code from the server's admin API (as the back office issues them). */
export async function issuePairingCode(
  serverUrl: string,
  storeCode: string,
  tillCode: string,
): Promise<string> {
  const response = await fetch(`${serverUrl}/admin/v1/pairing-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode, tillCode }),
  });
  if (response.status !== 201)
    throw new Error(`pairing code: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { pairingCode: string }).pairingCode;
}

/** Enrols a till at `serverUrl` (admin side) that talks through `syncUrl` (the proxy). */
export async function enrolNodeTill(
  serverUrl: string,
  syncUrl: string,
  storeCode: string,
  tillCode: string,
  options: { readonly storeSales?: boolean; readonly catalogPageSize?: number } = {},
): Promise<NodeTill> {
  const pairingCode = await issuePairingCode(serverUrl, storeCode, tillCode);
  return startNodeTill({ syncUrl, pairingCode, deviceName: `caisse ${tillCode}`, ...options });
}

/** Polls `probe` until it returns a value other than undefined. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
