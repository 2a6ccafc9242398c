import { catalogMigration } from './001-catalog';
import { replicationMigration } from './002-replication';
import { projectionsMigration } from './003-projections';
import { webShopMigration } from './004-web-shop';
import { kioskOrdersAndStockLocationsMigration } from './005-kiosk-orders-and-stock-locations';
import { tillRangesAndHeldEntriesMigration } from './006-till-ranges-and-held-entries';
import { storeSalesFeedMigration } from './007-store-sales-feed';
import { shiftsMigration } from './008-shifts';
import { kioskPaymentsVouchersDeviceKeysMigration } from './009-kiosk-payments-vouchers-device-keys';
import { saleLinePriceOverridesMigration } from './010-sale-line-price-overrides';
import { stockReservationsMigration } from './011-stock-reservations';
import { orderMessagesMigration } from './012-order-messages';
import { orderStatusExportMigration } from './013-order-status-export';
import { pickupSlipMailsMigration } from './014-pickup-slip-mails';
import { projectionQueueMigration } from './015-projection-queue';
import { documentLz4Migration } from './016-document-lz4';
import type { Migration } from './migration';

/** Every migration, in the order they apply. Append only: never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  catalogMigration,
  replicationMigration,
  projectionsMigration,
  webShopMigration,
  kioskOrdersAndStockLocationsMigration,
  tillRangesAndHeldEntriesMigration,
  storeSalesFeedMigration,
  shiftsMigration,
  kioskPaymentsVouchersDeviceKeysMigration,
  saleLinePriceOverridesMigration,
  stockReservationsMigration,
  orderMessagesMigration,
  orderStatusExportMigration,
  pickupSlipMailsMigration,
  projectionQueueMigration,
  documentLz4Migration,
];
