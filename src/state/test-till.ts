import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { defaultScanConfig } from '../core/barcodes/scan-config';
import { aProduct } from '../core/cart/test-builders';
import type { JournalEntry } from '../core/journal/journal-entry';
import type { CompletedSale } from '../core/sale';
import type { DeviceKey } from '../core/settings/device-keys';
import type { StoreSettings } from '../core/settings/store-settings';
import { createTillDatabase, type TillDatabase } from '../data/till-database';
import { createReceiptDesk } from './receipt-desk';
import { saleBasketPort } from './sale-basket-port';
import { createSaleStore } from './sale-store';
import { CASHIER, memoryTillServices } from './sale-test-till';

// A till in memory for the ticket and voucher flow tests: the real database,
// journal writer and sale store, a signed-in cashier, settings with the
// given device keys. No devices, no network.

export const YAOURT = aProduct({ id: 'yaourt', barcode: '3017620422003', priceMinor: 1_200 });

export function settingsWith(deviceKeys: DeviceKey[]): StoreSettings {
  return {
    id: 'store:PAR01',
    storeCode: 'PAR01',
    storeName: 'Test',
    addressLines: [],
    legalIds: ['SIRET 552 100 554 00021'],
    currency: 'EUR',
    receiptFooter: [],
    scanConfig: defaultScanConfig,
    promotions: [],
    orderSigningKey: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
    receiptPrintMode: 'never',
    deviceKeys,
  };
}

export async function memoryTill(deviceKeys: DeviceKey[], tillId = 'till-a') {
  const db: TillDatabase = await createTillDatabase(`tickets-${Math.random()}`, getRxStorageMemory());
  await db.catalog.put([YAOURT]);
  await db.settings.insert(settingsWith(deviceKeys));
  await db.staff.insert(CASHIER);
  const services = memoryTillServices(db, { identity: { storeCode: 'PAR01', tillCode: '01', tillId } });
  const sale = createSaleStore(services, createReceiptDesk(services));
  await sale.signIn('1234');
  const sales = async (): Promise<CompletedSale[]> =>
    (await db.journal.find({ sort: [{ sequence: 'asc' }] }).exec())
      .map((doc) => doc.toMutableJSON() as JournalEntry)
      .flatMap((e) => (e.kind === 'sale.completed' ? [e.payload as CompletedSale] : []));
  return { db, sale, basket: saleBasketPort(sale), sales };
}
