import { SYNC_COLLECTIONS, type SyncCollectionName } from '../../../src/core/sync/collections';
import type { TillPrincipal } from '../auth/access-token';

/** The one scope key of `collection` this till reads and writes. */
export function scopeForTill(collection: SyncCollectionName, till: TillPrincipal): string {
  const { scope } = SYNC_COLLECTIONS[collection];
  return scope === 'global' ? '*' : scope === 'store' ? till.storeCode : till.tillId;
}
