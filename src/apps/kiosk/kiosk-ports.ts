import { formatReceiptNumber } from '../../core/journal/receipt-number';
import { money } from '../../core/money';
import type { KioskOrderInput } from '../../core/orders/create-kiosk-order';
import type { KioskOrder } from '../../core/orders/kiosk-order';
import { err, ok } from '../../core/result';
import { kioskOrderingRules } from '../../core/settings/kiosk-ordering';
import { stockLocationName } from '../../core/settings/stock-location-names';
import { kioskAvailability } from '../../data/kiosk-availability';
import { kioskDeviceKey } from '../../data/kiosk-device-key';
import { releaseKioskStock, reserveKioskStock } from '../../data/kiosk-reservation';
import { startKioskSearch } from '../../data/kiosk-search';
import { signKioskTicket } from '../../data/kiosk-ticket-signing';
import { placeKioskOrder } from '../../data/place-kiosk-order';
import { loadPostalDirectory } from '../../data/postal-directory';
import { flushReceiptMails, sendReceiptMail } from '../../data/receipt-mail-outbox';
import { stockByLocation } from '../../data/stock-by-location';
import { kioskIdleSettings } from '../../state/kiosk-idle';
import type {
  KioskCategory,
  KioskOrderRefusal,
  KioskPorts,
  PendingKioskPayment,
  PickupStore,
  PlacedKioskOrder,
} from '../../state/kiosk-port-types';
import { lookupScan } from '../../state/scan-lookup';
import type { TillServices } from '../../state/till-services';
import { checkDeliveryAddress, pickupDateAt, quoteDelivery } from './kiosk-fulfilment';

// ADAPTERS, awaiting the kiosk data work (branch wt/kiosk-data): each port
// of src/state/kiosk-port-types.ts built on what the till has today. The
// integrator swaps one function at a time for the richer one:
//
// | port                          | today (here)                                      | to come                                        |
// | ----------------------------- | ------------------------------------------------- | ---------------------------------------------- |
// | catalog.search, categories    | kioskSearch (FlexSearch, typos), wired            | pictures for the category tiles                 |
// | stock.availability            | kioskAvailability (age, to confirm, dates), wired | location names on the tills                     |
// | fulfilment.checkAddress       | La Poste's codes and towns (kiosk-fulfilment.ts)  |                                                 |
// | fulfilment.deliveryQuote      | fee from the rules, date from the stock, wired    |                                                 |
// | orders.reserve, release       | reserveKioskStock / releaseKioskStock, wired      | the place the customer chose, per line          |
// | orders.emailReceipt           | to the server's mail queue, or waits here offline  |                                                 |

const DELIVERY_DAYS = 3;
const PICKUP_DAYS = 2;

const addDays = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 24 * 60 * 60_000).toISOString().slice(0, 10);

const PENDING_DOC = 'kiosk-pending-payment';

const pad = (n: number) => String(Math.trunc(n)).padStart(2, '0');

/** The kiosk's clock as an instant with its UTC offset ("2026-12-07T14:05:00+01:00"), as availability reads it. */
export function localTimestamp(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
}

export function createKioskPorts(services: TillServices): KioskPorts {
  const { db, sync } = services;
  const settings = async () => (await db.settings.findOne().exec())?.toMutableJSON();
  const placeName = async (code: string): Promise<string> => {
    const own = await settings();
    if (own && own.storeCode === code) return own.storeName;
    // The region's places as the server names them (settings.stockLocations); the code until they arrive.
    return stockLocationName(own?.stockLocations, code);
  };
  const stockOf = async (lines: readonly { readonly productId: string }[]) =>
    new Map(
      await Promise.all(
        [...new Set(lines.map((line) => line.productId))].map(
          async (id) => [id, await stockByLocation(db, id)] as const,
        ),
      ),
    );
  // The kiosk's own index (FlexSearch, typo-tolerant), built in the background from the kiosk's copy of
  // the catalog and kept current with it.
  const catalogSearch = startKioskSearch(db.catalog);
  const receiptNumber = (sequence: number) =>
    formatReceiptNumber({
      storeCode: sync.identity.storeCode,
      tillCode: sync.identity.tillCode,
      sequence,
    });
  /** The kiosk order journaled under `orderId`, if any. */
  const placedEntry = async (orderId: string): Promise<PlacedKioskOrder | undefined> => {
    const entry = (await db.journal.findOne(orderId).exec())?.toMutableJSON();
    if (entry?.kind !== 'kiosk-order.placed') return undefined;
    return { order: entry.payload as KioskOrder, receiptNumber: receiptNumber(entry.sequence) };
  };

  return {
    catalog: {
      async categories(): Promise<KioskCategory[]> {
        await catalogSearch.ready;
        return catalogSearch
          .categories()
          .map((category) => ({ id: category.name, name: category.name, icon: category.icon }));
      },
      async productsInCategory(categoryId, limit) {
        await catalogSearch.ready;
        return catalogSearch.inCategory(categoryId, { limit });
      },
      // Answers once the whole catalog is indexed: a half-built index would say "not sold here" of
      // what it has not read yet (seconds after a start with 100,000 products, none later).
      async search(typed, limit) {
        await catalogSearch.ready;
        return catalogSearch.kioskSearch(typed, { limit });
      },
      lookupScan: (raw) => lookupScan(raw, services.findProductByBarcode),
    },

    stock: {
      async availability(product, now) {
        const own = await settings();
        // Each figure with its age and "to be confirmed" past the store's setting, and the first date each
        // place allows (src/core/catalog/availability.ts).
        const seen = await kioskAvailability(db, product.id, {
          now: localTimestamp(now),
          settings: own ?? { storeCode: sync.identity.storeCode },
        });
        return Promise.all(
          seen.places.map(async (place) => ({
            kind: place.kind,
            code: place.code,
            name: await placeName(place.code),
            quantity: place.quantity,
            asOf: place.asOf,
            stale: place.toConfirm,
            readyBy: place.options[0]?.date,
          })),
        );
      },
    },

    fulfilment: {
      async pickupStores() {
        const own = await settings();
        const others = new Set<string>();
        for (const doc of await db.inventory
          .find({ selector: { 'location.kind': 'other-store' }, limit: 500 })
          .exec())
          others.add(doc.location.code);
        const stores: PickupStore[] = [];
        if (own) stores.push({ code: own.storeCode, name: own.storeName, own: true });
        for (const code of [...others].sort())
          stores.push({ code, name: stockLocationName(own?.stockLocations, code), own: false });
        return stores;
      },
      async deliveryTerms() {
        const own = await settings();
        const { feeMinor, freeFromMinor } = kioskOrderingRules(own?.kioskOrdering).homeDelivery;
        const currency = (own?.currency ?? 'EUR') as Parameters<typeof money>[1];
        return {
          fee: money(feeMinor, currency),
          freeFrom: freeFromMinor === undefined ? undefined : money(freeFromMinor, currency),
        };
      },
      async checkAddress(address) {
        const own = await settings();
        // La Poste's list, loaded on the first address (its own chunk); without it the form alone is checked.
        const directory = await loadPostalDirectory().catch(() => undefined);
        return checkDeliveryAddress(address, kioskOrderingRules(own?.kioskOrdering), directory);
      },
      async deliveryQuote(address, lines, now) {
        const own = await settings();
        return quoteDelivery(address.postcode, lines, await stockOf(lines), {
          now: localTimestamp(now),
          settings: own ?? { storeCode: sync.identity.storeCode },
          fallbackDate: addDays(now, DELIVERY_DAYS),
        });
      },
      async pickupDate(storeCode, lines, now) {
        const own = await settings();
        return pickupDateAt(storeCode, lines, await stockOf(lines), {
          now: localTimestamp(now),
          settings: own ?? { storeCode: sync.identity.storeCode },
          fallbackDate: addDays(now, PICKUP_DAYS),
        });
      },
    },

    orders: {
      identity: () => ({ storeCode: sync.identity.storeCode, kioskId: sync.identity.tillId }),
      // Under the order's own id, which the kiosk minted before the payment. The place is not sent: the
      // product page shows every place but the customer does not pick one, so the server chooses.
      async reserve(input) {
        const held = await reserveKioskStock(sync, {
          orderId: input.id,
          fulfilment:
            input.fulfilment.type === 'store-pickup'
              ? { type: 'store-pickup', storeCode: input.fulfilment.storeCode ?? input.storeCode }
              : { type: 'home-delivery' },
          lines: input.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
        });
        if (held.ok) return ok({ confirmed: true });
        const refusal = held.error;
        switch (refusal.code) {
          case 'server-unreachable':
            return ok({ confirmed: false });
          case 'stock-short':
            return err({
              code: 'stock-short',
              shortages: refusal.shortages.map(({ productId, wanted, available }) => ({
                productId,
                wanted,
                available,
              })),
            });
          default:
            return err({ code: refusal.code });
        }
      },
      async release(orderId) {
        await releaseKioskStock(sync, orderId).catch(() => false);
      },
      // The journal entry takes the order's id: the server knows the placed order as the one it reserved,
      // and an order placed already (a recovery after a reload) is found instead of journaled twice.
      async place(input, placement) {
        const already = await placedEntry(input.id);
        if (already) return ok(already);
        const placed = await placeKioskOrder(services.journal, input, placement, {
          id: input.id,
          recordedAt: new Date().toISOString(),
        }).catch(() => undefined);
        if (!placed) {
          const raced = await placedEntry(input.id);
          return raced ? ok(raced) : err({ code: 'not-recorded' } satisfies KioskOrderRefusal);
        }
        if (!placed.ok)
          return err(
            placed.error.code === 'invalid-order'
              ? { code: 'invalid-order', issues: placed.error.issues }
              : { code: 'not-recorded' },
          );
        return ok((await placedEntry(input.id)) ?? { order: placed.value, receiptNumber: receiptNumber(0) });
      },
      async signTicket(order) {
        const key = await kioskDeviceKey(sync);
        if (!key) return err('no-key');
        const signed = await signKioskTicket(order, key);
        if (signed.ok) return ok(signed.value);
        return err(signed.error === 'unsupported' ? 'no-key' : 'too-large');
      },
      emailReceipt: async (placed, mail) => {
        const to = placed.order.contact.email;
        if (!to) return 'queued';
        return sendReceiptMail(db, services.sync.request, { orderId: placed.order.id, to, ...mail });
      },
    },

    pending: {
      async save(pending) {
        await db.upsertLocal<{ value: PendingKioskPayment }>(PENDING_DOC, {
          value: structuredClone(pending),
        });
      },
      async read() {
        const doc = await db.getLocal<{ value: PendingKioskPayment }>(PENDING_DOC);
        return doc ? (doc.toJSON().data.value as PendingKioskPayment) : undefined;
      },
      async clear() {
        await (await db.getLocal(PENDING_DOC))?.remove();
      },
    },
  };
}

/**
 * Receipt e-mails that waited at the kiosk while the link was down leave
 * on the next pass (every 30 s); returns the stop.
 */
export function startReceiptMailPasses(services: TillServices): () => void {
  const pass = () => void flushReceiptMails(services.db, services.sync.request).catch(() => undefined);
  pass();
  const timer = setInterval(pass, 30_000);
  return () => clearInterval(timer);
}

/** Registers the kiosk's ticket key in the background at start (online), so tills know it before the first ticket. */
export function prepareKioskDeviceKey(services: TillServices): void {
  void kioskDeviceKey(services.sync).catch(() => undefined);
}

export type { KioskOrderInput };

/** The kiosk's idle time and warning from the store settings (`kiosk`), made safe, with the defaults otherwise. */
export async function kioskSettingsOf(services: TillServices) {
  const kiosk = (await services.db.settings.findOne().exec())?.toMutableJSON().kiosk;
  return kioskIdleSettings(kiosk?.idleSeconds, kiosk?.idleWarningSeconds);
}
