import type { StockLevel } from '../core/catalog/stock-level';
import type { TillDatabase } from './till-database';

/** One line of "where is product X": this store first, then the other stores, then the warehouses. */
export interface LocationStock {
  readonly kind: StockLevel['location']['kind'];
  /** Store or warehouse code ("LYO01", "WH01"). */
  readonly code: string;
  /** Pieces, or grams for products sold by weight. */
  readonly quantity: number;
  /** When the server last changed this level: copies of other locations can lag a little. */
  readonly updatedAt: string;
}

const KIND_ORDER: Readonly<Record<LocationStock['kind'], number>> = {
  'this-store': 0,
  'other-store': 1,
  warehouse: 2,
};

/**
 * The stock of one product at every location this till knows, for the
 * kiosk's "3 in Lyon, 20 at the warehouse". Served by the inventory
 * collection's productId index (a product has a handful of levels), never
 * by a scan of the store's whole inventory. Read-only: the server owns
 * inventory, and the levels of other locations are its copies.
 */
export async function stockByLocation(db: TillDatabase, productId: string): Promise<LocationStock[]> {
  const levels = await stockByLocationQuery(db, productId).exec();
  return levels
    .map((doc) => ({
      kind: doc.location.kind,
      code: doc.location.code,
      quantity: doc.quantity,
      updatedAt: doc.updatedAt,
    }))
    .sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}

/** The query behind stockByLocation, exposed so a test can check the index it uses. */
export function stockByLocationQuery(db: TillDatabase, productId: string) {
  return db.inventory.find({ selector: { productId } });
}
