import { z } from 'zod';
import { productSchema } from '../catalog/product';
import { stockLevelSchema } from '../catalog/stock-level';
import { journalEntrySchema } from '../journal/journal-entry';
import { clickCollectOrderSchema } from '../orders/click-collect-order';
import { kioskOrderSchema } from '../orders/kiosk-order';
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
}

const define = <S extends z.ZodType>(definition: CollectionDefinition<S>) => definition;

export const SYNC_COLLECTIONS = {
  products: define({ scope: 'global', push: 'none', schema: productSchema }),
  inventory: define({ scope: 'store', push: 'none', schema: stockLevelSchema }),
  orders: define({ scope: 'store', push: 'handover', schema: orderSchema }),
  staff: define({ scope: 'store', push: 'none', schema: staffMemberSchema }),
  settings: define({ scope: 'store', push: 'none', schema: storeSettingsSchema }),
  journal: define({ scope: 'till', push: 'insert-only', schema: journalEntrySchema }),
} as const;

export type SyncCollectionName = keyof typeof SYNC_COLLECTIONS;
export const SYNC_COLLECTION_NAMES = Object.keys(SYNC_COLLECTIONS) as SyncCollectionName[];

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
