import type { DeviceStatus } from '../core/bridge/device-status';

export interface StatusBarProps {
  readonly server: 'unknown' | 'online' | 'offline';
  readonly offlineReason: string | undefined;
  readonly catalogState: string;
  readonly productCount: number;
  readonly hostConnected: boolean | undefined;
  readonly devices: readonly DeviceStatus[];
}

const SERVER_LABEL = {
  unknown: 'Serveur : vérification…',
  online: 'Serveur : en ligne',
  offline: 'Serveur : hors ligne',
};

/** Always visible: the cashier must see at a glance what works and what does not. */
export function StatusBar(props: StatusBarProps) {
  return (
    <footer className="status-bar">
      <span
        className={`chip chip-${props.server}`}
        data-testid="server-status"
        data-state={props.server}
        title={props.offlineReason}
      >
        {SERVER_LABEL[props.server]}
      </span>
      <span className="chip" data-testid="catalog-status" data-state={props.catalogState}>
        Catalogue : {props.productCount.toLocaleString('fr-FR')} articles
        {props.catalogState === 'syncing' ? ' (synchronisation…)' : ''}
      </span>
      <span
        className={`chip chip-${props.hostConnected ? 'online' : 'offline'}`}
        data-testid="hardware-host-status"
        data-state={
          props.hostConnected === undefined ? 'none' : props.hostConnected ? 'connected' : 'disconnected'
        }
      >
        {props.hostConnected === undefined
          ? 'Périphériques : aucun hôte'
          : props.hostConnected
            ? 'Périphériques : connectés'
            : 'Périphériques : hôte injoignable'}
      </span>
      {props.devices.map((device) => (
        <span
          key={device.deviceId}
          className={`chip chip-device-${device.state}`}
          data-testid={`device-${device.deviceId}`}
          data-state={device.state}
          title={device.detail}
        >
          {device.name}
        </span>
      ))}
    </footer>
  );
}
