import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../core/bridge/device-status';
import { syncFailureWords } from '../i18n/error-words';
import { useFormat } from '../i18n/use-format';
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
function catalogShare(have: number, remaining: number): number {
  return Math.floor((100 * have) / (have + remaining)) / 100;
}

/** Always visible: the cashier must see at a glance what works and what does not. */
export function StatusBar(props: StatusBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <footer className="status-bar">
      <span
        className={`chip chip-${props.server}`}
        data-testid="server-status"
        data-state={props.server}
        title={props.server === 'offline' ? t('status.offlineHint') : undefined}
      >
        {t(`status.server.${props.server}`)}
      </span>
      <span
        className={`chip chip-sync-${props.replicationState}`}
        data-testid="sync-status"
        data-state={props.replicationState}
        title={props.replicationError === undefined ? undefined : syncFailureWords(props.replicationError)}
      >
        {t(`status.sync.${props.replicationState}`)}
        {props.lastSyncAt ? t('status.lastSync', { time: format.time(props.lastSyncAt) }) : ''}
      </span>
      <span className="chip" data-testid="catalog-status">
        {t('status.catalog', { count: format.count(props.productCount) })}
        {props.catalogRemaining > 0
          ? t('status.catalogPercent', {
              percent: format.percent(catalogShare(props.productCount, props.catalogRemaining)),
            })
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
        {t('status.outbox', { pending: format.count(props.pending) })}
        {props.failed > 0 ? t('status.outboxFailed', { failed: format.count(props.failed) }) : ''}
      </button>
      <span
        className={`chip chip-${props.hostConnected ? 'online' : 'offline'}`}
        data-testid="hardware-host-status"
        data-state={
          props.hostConnected === undefined ? 'none' : props.hostConnected ? 'connected' : 'disconnected'
        }
      >
        {t(
          props.hostConnected === undefined
            ? 'status.host.none'
            : props.hostConnected
              ? 'status.host.connected'
              : 'status.host.disconnected',
        )}
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
            title={device.simulated ? t('devices.simulated', { name: device.name }) : device.name}
          >
            {hostLost
              ? t('devices.unknownState', { device: DEVICE_KIND_LABEL[device.kind] })
              : deviceStatusWords(device)}
          </span>
        );
      })}
    </footer>
  );
}
