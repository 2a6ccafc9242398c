import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { aProduct } from '../core/cart/test-builders';
import type { JournalEntry } from '../core/journal/journal-entry';
import type { ClickCollectOrder } from '../core/orders/click-collect-order';
import { ORDER_TOKEN_TYPE, orderTokenClaims } from '../core/orders/order-token';
import type { ReceiptDocument } from '../core/receipts';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { createPickupRefusalLog } from './pickup-refusal-log';
import { pickupTillPort } from './pickup-till-port';
import { memoryTillServices } from './sale-test-till';
import { createSyncStatusStore } from './sync-status-store';
import { settingsWith } from './test-till';

// A pickup desk in memory for the desk stores' tests: the real database,
// journal writer and data paths on RxDB's memory storage, store settings with
// a real Ed25519 key (WebCrypto), orders signed with it as the server signs
// them, a printer that keeps what it was sent, and a clock the test moves.

const identity = { storeCode: 'PAR01', tillCode: 'P1', tillId: 'till-PAR01-P1' };
export const NOT_IN_ORDER = aProduct({
  id: 'yaourt',
  name: 'Yaourt nature',
  barcode: '3017620422003',
  priceMinor: 120,
});

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const text64 = (value: unknown) => base64Url(new TextEncoder().encode(JSON.stringify(value)));

export async function openPickupDesk(start = Date.parse('2025-03-02T10:00:00Z')) {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
  const kid = 'server-key-1';
  const db: TillDatabase = await createTillDatabase(`pickup-${Math.random()}`, getRxStorageMemory());
  await db.catalog.put([NOT_IN_ORDER]);
  await db.settings.insert({
    ...settingsWith([]),
    orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), kid },
    pickupUncollectedDays: 7,
  });
  const printed: ReceiptDocument[] = [];
  const bridge = {
    async printReceipt({ jobId, document }: { jobId: string; document: ReceiptDocument }) {
      printed.push(document);
      return { ok: true, value: { jobId, printedNow: true, paperNearEnd: false } };
    },
  } as unknown as PosBridge;
  const services = memoryTillServices(db, { identity, bridge });
  const syncStatus = createSyncStatusStore();
  const clock = { now: start };
  let ids = 0;
  const port = pickupTillPort(
    { ...services, syncStatus, sync: { identity } },
    {
      now: () => clock.now,
      newId: () => `0195509e-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
    },
  );
  const logged: string[] = [];
  const staff = { id: 'S1' as string | null };
  const refusalLog = () =>
    createPickupRefusalLog(
      () => clock.now,
      (line) => logged.push(line),
      { ...port, staffId: () => staff.id },
    );
  const refusals = refusalLog();

  /** The order as the server signs it (docs/web-shop.md, "Signed order tokens"). */
  async function sign(order: ClickCollectOrder): Promise<ClickCollectOrder> {
    const claims = orderTokenClaims(order);
    if (!claims.ok) throw new Error('unsignable order');
    const input = `${text64({ alg: 'EdDSA', kid, typ: ORDER_TOKEN_TYPE })}.${text64(claims.value)}`;
    const signature = await crypto.subtle.sign(
      { name: 'Ed25519' },
      keys.privateKey,
      new TextEncoder().encode(input),
    );
    return { ...order, signedToken: `${input}.${base64Url(new Uint8Array(signature))}` };
  }

  return {
    db,
    port,
    /** The till's services under the port (journal, identity), for other ports of the desk. */
    services: { ...services, sync: { identity } },
    refusals,
    /** A new refusal log over the same journal, as after the desk restarts. */
    refusalLog,
    staff,
    logged,
    printed,
    syncStatus,
    clock,
    sign,
    async insert(order: ClickCollectOrder) {
      await db.orders.insert(order);
    },
    async stored(orderId: string): Promise<ClickCollectOrder> {
      const found = (await db.orders.findOne(orderId).exec())?.toMutableJSON();
      if (found?.kind !== 'click-and-collect') throw new Error('no such order');
      return found;
    },
    async journal(): Promise<JournalEntry[]> {
      return (await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec()).map(
        (d) => d.toMutableJSON() as JournalEntry,
      );
    },
    async pendingOrders(): Promise<string[]> {
      return (
        await db.outbox.find({ selector: { state: 'pending', sourceCollection: 'orders' } }).exec()
      ).map((d) => d.documentId);
    },
  };
}
