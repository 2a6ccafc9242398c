import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import type { Product } from '../core/catalog/product';
import type { ProductCollection } from './product-collection';

export type CatalogCheckpoint = { sequence: number };

const PULL_BATCH = 1000;

/**
 * Pull-only replication of the server-owned catalog. The checkpoint is the
 * server's sequence number, kept by RxDB, so a restart resumes where it stopped.
 */
export function replicateCatalog(
  collection: ProductCollection,
  syncUrl: string,
): RxReplicationState<Product, CatalogCheckpoint> {
  return replicateRxCollection<Product, CatalogCheckpoint>({
    collection,
    replicationIdentifier: `catalog@${syncUrl}`,
    live: true,
    retryTime: 5_000,
    waitForLeadership: false,
    pull: {
      batchSize: PULL_BATCH,
      async handler(checkpoint, batchSize) {
        const url = `${syncUrl}/sync/v1/products/pull?after=${checkpoint?.sequence ?? 0}&limit=${batchSize}`;
        const response = await fetch(url);
        if (!response.ok) throw new Error(`catalog pull failed: HTTP ${response.status}`);
        const body = (await response.json()) as {
          documents: (Product & { _deleted: boolean })[];
          checkpoint: CatalogCheckpoint | null;
        };
        return { documents: body.documents, checkpoint: body.checkpoint ?? undefined };
      },
    },
  });
}
