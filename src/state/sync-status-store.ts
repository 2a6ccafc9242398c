import { createStore } from 'zustand/vanilla';

export interface SyncStatus {
  /** Whether the sync server answered its last health check. */
  readonly server: 'unknown' | 'online' | 'offline';
  readonly lastContactAt: number | undefined;
  readonly offlineReason: string | undefined;
  readonly catalog: {
    readonly state: 'starting' | 'syncing' | 'in-sync' | 'error';
    readonly productCount: number;
    readonly error: string | undefined;
  };
}

export const createSyncStatusStore = () =>
  createStore<SyncStatus>()(() => ({
    server: 'unknown',
    lastContactAt: undefined,
    offlineReason: undefined,
    catalog: { state: 'starting', productCount: 0, error: undefined },
  }));

export type SyncStatusStore = ReturnType<typeof createSyncStatusStore>;
