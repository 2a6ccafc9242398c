import type { DeviceStatus } from '../core/bridge/device-status';
import { DEVICE_KIND_LABEL, deviceStatusWords } from '../state/device-words';

export interface StatusBarProps {
  readonly server: 'unknown' | 'online' | 'offline';
  readonly offlineReason: string | undefined;
  readonly replicationState: 'starting' | 'syncing' | 'in-sync' | 'error';
  readonly replicationError: string | undefined;
  readonly lastSyncAt: number | undefined;
  readonly productCount: number;
  readonly catalogRemaining: number;
  readonly pending: number;
  readonly failed: number;
  readonly onOutboxClick: () => void;
  readonly hostConnected: boolean | undefined;
  readonly devices: readonly DeviceStatus[];
}

/** Share of the catalog already on the till, from the server's upper bound of what is left. */
function catalogPercent(have: number, remaining: number): number {
  return Math.floor((100 * have) / (have + remaining));
}

const SYNC_LABEL = {
  starting: 'Synchro : démarrage…',
  syncing: 'Synchro : en cours…',
  'in-sync': 'Synchro : à jour',
  error: 'Synchro : erreur',
};

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
      <span
        className={`chip chip-sync-${props.replicationState}`}
        data-testid="sync-status"
        data-state={props.replicationState}
        title={props.replicationError}
      >
        {SYNC_LABEL[props.replicationState]}
        {props.lastSyncAt ? ` · ${new Date(props.lastSyncAt).toLocaleTimeString('fr-FR')}` : ''}
      </span>
      <span className="chip" data-testid="catalog-status">
        Catalogue : {props.productCount.toLocaleString('fr-FR')} articles
        {props.catalogRemaining > 0
          ? ` (${catalogPercent(props.productCount, props.catalogRemaining)} %)`
          : ''}
      </span>
      <button
        type="button"
        className={`chip chip-button ${props.failed > 0 ? 'chip-offline' : ''}`}
        data-testid="outbox-status"
        data-pending={props.pending}
        data-failed={props.failed}
        onClick={props.onOutboxClick}
      >
        À envoyer : {props.pending}
        {props.failed > 0 ? ` · refusés : ${props.failed}` : ''}
      </button>
      <span
        className={`chip chip-${props.hostConnected ? 'online' : 'offline'}`}
        data-testid="hardware-host-status"
        data-state={
          props.hostConnected === undefined ? 'none' : props.hostConnected ? 'connected' : 'disconnected'
        }
      >
        {props.hostConnected === undefined
          ? 'Périphériques : aucun hôte configuré'
          : props.hostConnected
            ? 'Périphériques : connectés'
            : 'Périphériques : hôte injoignable'}
      </span>
      {props.devices.map((device) => {
        // With the host gone, the last known state may be stale: say so rather than show it as fact.
        const hostLost = props.hostConnected === false;
        return (
          <span
            key={device.deviceId}
            className={`chip chip-device-${hostLost ? 'disconnected' : device.state}`}
            data-testid={`device-${device.deviceId}`}
            data-state={hostLost ? 'unknown' : device.state}
            data-kind={device.kind}
            title={device.simulated ? `${device.name} (simulé)` : device.name}
          >
            {hostLost ? `${DEVICE_KIND_LABEL[device.kind]} : état inconnu` : deviceStatusWords(device)}
          </span>
        );
      })}
    </footer>
  );
}
