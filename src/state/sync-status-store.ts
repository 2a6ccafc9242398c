import { createStore } from 'zustand/vanilla';
import type { OutboxRecord } from '../data/outbox-state';

export interface SyncStatus {
  /** Whether the sync server answered its last health check. */
  readonly server: 'unknown' | 'online' | 'offline';
  readonly lastContactAt: number | undefined;
  readonly offlineReason: string | undefined;
  /** Replication: the live stream, whether data is moving, the last completed sync. */
  readonly replication: {
    readonly state: 'starting' | 'syncing' | 'in-sync' | 'error';
    readonly lastSyncAt: number | undefined;
    readonly error: string | undefined;
  };
  readonly productCount: number;
  /** Products still to come in the first catalog sync (an upper bound; 0 once caught up). */
  readonly catalogRemaining: number;
  /** Records of this till not yet accepted by the server, and those refused for good. */
  readonly outbox: { readonly pending: number; readonly failed: number };
  /** The records not yet accepted (oldest first, at most 50), for the outbox view. */
  readonly outboxItems: readonly OutboxEntry[];
  readonly till: { readonly storeCode: string; readonly tillCode: string } | undefined;
}

/** One item of the outbox view (the journal after the upload cursor, and the outbox collection's rows). */
export type OutboxEntry = OutboxRecord;

export const createSyncStatusStore = () =>
  createStore<SyncStatus>()(() => ({
    server: 'unknown',
    lastContactAt: undefined,
    offlineReason: undefined,
    replication: { state: 'starting', lastSyncAt: undefined, error: undefined },
    productCount: 0,
    catalogRemaining: 0,
    outbox: { pending: 0, failed: 0 },
    outboxItems: [],
    till: undefined,
  }));

export type SyncStatusStore = ReturnType<typeof createSyncStatusStore>;
