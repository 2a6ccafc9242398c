import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStoreSlice, useTillServices } from '../state/services-context';
import { OutboxPanel } from './OutboxPanel';
import { StatusBar } from './StatusBar';

export function ConnectedStatusBar() {
  const { syncStatus, deviceStatus } = useTillServices();
  const [outboxOpen, setOutboxOpen] = useState(false);
  const sync = useStoreSlice(syncStatus, (s) => s);
  const devices = useStoreSlice(
    deviceStatus,
    useShallow((s) => Object.values(s.devices)),
  );
  const hostConnected = useStoreSlice(deviceStatus, (s) => s.hostConnected);
  return (
    <>
      {outboxOpen && <OutboxPanel items={sync.outboxItems} onClose={() => setOutboxOpen(false)} />}
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
        onOutboxClick={() => setOutboxOpen((open) => !open)}
        hostConnected={hostConnected}
        devices={devices}
      />
    </>
  );
}
