import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { DisplayLines } from '../core/bridge/bridge-methods';
import type { PosBridge } from '../core/bridge/pos-bridge';
import { aKgProduct, aProduct } from '../core/cart/test-builders';
import type { Product } from '../core/catalog/product';
import type { JournalEntry, TillIdentity } from '../core/journal/journal-entry';
import type { CompletedSale } from '../core/sale';
import { hashPin, type StaffMember } from '../core/staff/staff-member';
import { createJournalWriter } from '../data/journal-writer';
import { findProductByBarcode } from '../data/product-lookup';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import type { ApprovalRequest, ApprovalResult, Approvals } from './approvals-port';
import { createReceiptDesk } from './receipt-desk';
import { createSaleStore, type SaleKeeper } from './sale-store';
import type { SignedInStaff } from './staff-sign-in';

// A till in memory for the sale flows' unit tests (line edit, discounts,
// parked sales, quick keys): the real data layer on RxDB's memory storage,
// a customer display that records what it was shown, and approvals whose
// answer the test decides. Pure of any test runner, like the core's builders.

const identity = { storeCode: 'PAR01', tillCode: '01', tillId: 'till-a' };
export const YAOURT = aProduct({ id: 'yaourt', barcode: '3017620422003', priceMinor: 120 });
export const CREME = aProduct({ id: 'creme', name: 'Crème', barcode: '3017620422034', priceMinor: 800 });
export const POMMES = aKgProduct({
  id: 'pommes',
  name: 'Pommes Golden',
  barcode: '2600100000008',
  priceMinor: 249,
});
export const BAGUETTE = aProduct({
  id: 'baguette',
  name: 'Baguette',
  barcode: '3017620422041',
  priceMinor: 129,
});

/** Approvals that record every request and answer as the test says (the cashier alone by default). */
export function fakeApprovals(
  answer: (request: ApprovalRequest, staff: SignedInStaff) => ApprovalResult = (_, staff) => ({
    ok: true,
    approverStaffId: staff.id,
  }),
) {
  const asked: ApprovalRequest[] = [];
  const approvals: Approvals & { asked: ApprovalRequest[]; answer: typeof answer } = {
    asked,
    answer,
    async require(staff, request) {
      asked.push(request);
      return approvals.answer(request, staff);
    },
  };
  return approvals;
}

/** Camille Martin, cashier, PIN 1234, as the till's staff collection holds her. */
export const CASHIER: StaffMember = {
  id: 'staff-camille',
  storeCode: 'PAR01',
  displayName: 'Camille Martin',
  role: 'cashier',
  pin: hashPin('1234', new Uint8Array(16).fill(7), 1_000),
  active: true,
};

/** What the cashier screen gives its stores, over a till database in memory: no network, devices only as given. */
export function memoryTillServices(
  db: TillDatabase,
  {
    identity: till = identity,
    bridge,
  }: { readonly identity?: TillIdentity; readonly bridge?: PosBridge } = {},
) {
  return {
    db,
    journal: createJournalWriter(db, till),
    findProductByBarcode: (code: string) => findProductByBarcode(db.catalog, code),
    sync: { identity: till } as never,
    bridge,
    config: { syncUrl: 'http://127.0.0.1:8787' } as never,
  };
}

export async function openTestTill(products: readonly Product[] = [YAOURT, CREME, POMMES, BAGUETTE]) {
  const db: TillDatabase = await createTillDatabase(`sale-flows-${Math.random()}`, getRxStorageMemory());
  await db.catalog.put(products);
  await db.staff.insert(CASHIER);
  const shown: DisplayLines[] = [];
  const bridge = {
    onHostConnection: () => () => undefined,
    async showOnDisplay(lines: DisplayLines) {
      shown.push(lines);
      return { ok: true, value: { done: true } };
    },
    async openDrawer() {
      return { ok: true, value: { done: true } };
    },
  } as unknown as PosBridge;
  const services = memoryTillServices(db, { bridge });
  const newSaleStore = (keeper?: SaleKeeper) =>
    createSaleStore(services, createReceiptDesk(services), keeper);
  return {
    db,
    shown,
    /** The last lines the customer display got, once the queue of updates has run. */
    async lastShown(): Promise<DisplayLines | undefined> {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return shown.at(-1);
    },
    newSaleStore,
    async journalSales(): Promise<CompletedSale[]> {
      const entries = await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec();
      return entries
        .map((doc) => doc.toMutableJSON() as JournalEntry)
        .filter((e) => e.kind === 'sale.completed')
        .map((e) => e.payload as CompletedSale);
    },
  };
}
