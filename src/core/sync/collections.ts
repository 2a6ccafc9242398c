import { z } from 'zod';
import { productSchema } from '../catalog/product';
import { stockLevelSchema } from '../catalog/stock-level';
import { journalEntrySchema } from '../journal/journal-entry';
import { clickCollectOrderSchema } from '../orders/click-collect-order';
import { kioskOrderSchema } from '../orders/kiosk-order';
import { storeSaleSchema } from '../returns/store-sale';
import { storeSettingsSchema } from '../settings/store-settings';
import { staffMemberSchema } from '../staff/staff-member';

// The replicated collections, who owns each, whose data a till sees, and
// what a till may push (docs/sync-protocol.md section 4). The server and the
// tills read this one table; the schemas are the ones from src/core.

export const orderSchema = z.discriminatedUnion('kind', [clickCollectOrderSchema, kioskOrderSchema]);
export type Order = z.infer<typeof orderSchema>;

/** global: every store sees it; store: the store in `storeCode`; till: only the till that wrote it. */
export type SyncScope = 'global' | 'store' | 'till';
/** none: server-owned; insert-only: immutable records the till creates; handover: orders a till may only hand over. */
export type PushMode = 'none' | 'insert-only' | 'handover';

interface CollectionDefinition<S extends z.ZodType> {
  readonly scope: SyncScope;
  readonly push: PushMode;
  readonly schema: S;
  /**
   * Documents leave this collection by expiry (a tombstone when they get too
   * old): a pull from checkpoint 0 leaves tombstones out, since a till that
   * holds nothing has nothing to delete.
   */
  readonly expires?: boolean;
  /**
   * Whether the live stream announces its changes. The journal's is not: its
   * scope is one till and that till is its only writer, so announcing a push
   * would only make the till pull back what it has just sent (one more
   * request per sale). It is still pulled on connect and on every resync of everything.
   */
  readonly announced: boolean;
}

const define = <S extends z.ZodType>(definition: CollectionDefinition<S>) => definition;

export const SYNC_COLLECTIONS = {
  products: define({ announced: true, scope: 'global', push: 'none', schema: productSchema }),
  inventory: define({ announced: true, scope: 'store', push: 'none', schema: stockLevelSchema }),
  orders: define({ announced: true, scope: 'store', push: 'handover', schema: orderSchema }),
  staff: define({ announced: true, scope: 'store', push: 'none', schema: staffMemberSchema }),
  settings: define({ announced: true, scope: 'store', push: 'none', schema: storeSettingsSchema }),
  journal: define({ announced: false, scope: 'till', push: 'insert-only', schema: journalEntrySchema }),
  /** The store's recent sales in compact form, for returns of another till's sale (docs/sync-protocol.md 4). */
  sales: define({ announced: true, scope: 'store', push: 'none', schema: storeSaleSchema, expires: true }),
} as const;

export type SyncCollectionName = keyof typeof SYNC_COLLECTIONS;
export const SYNC_COLLECTION_NAMES = Object.keys(SYNC_COLLECTIONS) as SyncCollectionName[];

/** The collections the live stream announces (see `announced`). */
export const ANNOUNCED_COLLECTION_NAMES = SYNC_COLLECTION_NAMES.filter(
  (name) => SYNC_COLLECTIONS[name].announced,
);

export function isSyncCollection(name: string): name is SyncCollectionName {
  return Object.hasOwn(SYNC_COLLECTIONS, name);
}

/** The scope key a document belongs to: '*' for global data, else its store code or its till id. */
export function scopeKeyOf(
  collection: SyncCollectionName,
  doc: { readonly storeCode?: unknown; readonly tillId?: unknown },
): string {
  const { scope } = SYNC_COLLECTIONS[collection];
  if (scope === 'global') return '*';
  const key = scope === 'store' ? doc.storeCode : doc.tillId;
  if (typeof key !== 'string' || key.length === 0)
    throw new RangeError(`${collection}: document has no ${scope} key`);
  return key;
}
