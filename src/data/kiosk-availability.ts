import { type ProductAvailability, productAvailability } from '../core/catalog/availability';
import { kioskOrderingRules } from '../core/settings/kiosk-ordering';
import type { StoreSettings } from '../core/settings/store-settings';
import { stockByLocation } from './stock-by-location';
import type { TillDatabase } from './till-database';

/**
 * What the kiosk's product page shows under "where is it": every place's
 * figure with its age and "to be confirmed" flag, and the pickup and
 * delivery dates each allows (src/core/catalog/availability.ts), from the
 * kiosk's own copy of the stock levels: offline, the figures keep their age.
 * `now` is the kiosk's clock with its UTC offset.
 */
export async function kioskAvailability(
  db: TillDatabase,
  productId: string,
  {
    now,
    settings,
    wanted,
  }: {
    readonly now: string;
    readonly settings: Pick<StoreSettings, 'storeCode' | 'kioskOrdering'>;
    readonly wanted?: number;
  },
): Promise<ProductAvailability> {
  return productAvailability(await stockByLocation(db, productId), {
    now,
    storeCode: settings.storeCode,
    rules: kioskOrderingRules(settings.kioskOrdering),
    ...(wanted === undefined ? {} : { wanted }),
  });
}
