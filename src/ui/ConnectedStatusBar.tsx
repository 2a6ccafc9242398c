import { useShallow } from 'zustand/react/shallow';
import { useStoreSlice, useTillServices } from '../state/services-context';
import { StatusBar } from './StatusBar';

export function ConnectedStatusBar() {
  const { syncStatus, deviceStatus } = useTillServices();
  const sync = useStoreSlice(syncStatus, (s) => s);
  const devices = useStoreSlice(
    deviceStatus,
    useShallow((s) => Object.values(s.devices)),
  );
  const hostConnected = useStoreSlice(deviceStatus, (s) => s.hostConnected);
  return (
    <StatusBar
      server={sync.server}
      offlineReason={sync.offlineReason}
      replicationState={sync.replication.state}
      replicationError={sync.replication.error}
      lastSyncAt={sync.replication.lastSyncAt}
      productCount={sync.productCount}
      catalogRemaining={sync.catalogRemaining}
      pending={sync.outbox.pending}
      failed={sync.outbox.failed}
      hostConnected={hostConnected}
      devices={devices}
    />
  );
}
