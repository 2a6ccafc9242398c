import { z } from 'zod';
import { storeCodeSchema } from '../values/identifiers';

// The names of the places that hold stock in the store's region (stores and
// warehouses), as the server knows them (stock_locations), in the store's
// settings: the kiosk tells a customer "Halles de la Croix-Rousse – Lyon 4e",
// not "LYO01". The server keeps the list current (sync-server/src/stock/location-names.ts).

export const stockLocationNameSchema = z.strictObject({
  code: storeCodeSchema,
  kind: z.enum(['store', 'warehouse']),
  name: z.string().min(1).max(80),
});
export type StockLocationName = z.infer<typeof stockLocationNameSchema>;

export const stockLocationNamesSchema = z.array(stockLocationNameSchema).max(500);

/** The place's name for people; its code when the settings do not name it. */
export function stockLocationName(names: readonly StockLocationName[] | undefined, code: string): string {
  return names?.find((place) => place.code === code)?.name ?? code;
}
