import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../core/bridge/device-status';
import { syncFailureWords } from '../i18n/error-words';
import { useFormat } from '../i18n/use-format';
import { DEVICE_KIND_LABEL, deviceStateWords, deviceStatusWords } from '../state/device-words';

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

const capitalized = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/**
 * Which devices the bar names one by one and which it counts in one chip
 * ("4 appareils prêts"): a device that is not ready always has its own chip,
 * so a problem is seen by name; the drawer too, whose open or shut state the
 * cashier watches.
 */
export function splitDevices(devices: readonly DeviceStatus[]): {
  readonly ready: readonly DeviceStatus[];
  readonly named: readonly DeviceStatus[];
} {
  const counted = (d: DeviceStatus) => d.state === 'connected' && d.kind !== 'drawer';
  return { ready: devices.filter(counted), named: devices.filter((d) => !counted(d)) };
}

/**
 * Always visible, on one line at 1024 px: the cashier sees at a glance what
 * works and what does not. Chips show short words; what they are about
 * ("Serveur : ") is there for screen readers, and the full words in the title.
 */
export function StatusBar(props: StatusBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const shortTime = (epochMs: number) =>
    new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }).format(epochMs);
  /** Short words after their subject, which only screen readers hear ("Serveur : En ligne"). */
  const named = (name: string, words: ReactNode) => (
    <>
      <span className="visually-hidden">{t('status.named', { name })}</span>
      {words}
    </>
  );
  // With the host gone, the last known states may be stale: each is said unknown, under the host's chip.
  const hostLost = props.hostConnected === false;
  const { ready, named: ownChips } = hostLost ? { ready: [], named: [] } : splitDevices(props.devices);
  const deviceWords = (device: DeviceStatus) =>
    hostLost
      ? t('devices.unknownState', { device: DEVICE_KIND_LABEL[device.kind] })
      : deviceStatusWords(device);
  const deviceTitle = (device: DeviceStatus) =>
    device.simulated ? t('devices.simulated', { name: device.name }) : device.name;
  /** The devices told only in words (ready ones, or all when the host is gone): for screen readers and tests. */
  const told = hostLost ? props.devices : ready;

  // With the server out of reach, a sync that fails is waiting for the network, not a fault to fix:
  // said calmly (the server chip already says offline). A failure while the server answers stays an error.
  const syncLook =
    props.replicationState === 'error' && props.server === 'offline' ? 'waiting' : props.replicationState;
  return (
    <footer className="status-bar">
      <span
        className={`chip chip-${props.server}`}
        data-testid="server-status"
        data-state={props.server}
        title={props.server === 'offline' ? t('status.offlineHint') : undefined}
      >
        {named(t('status.server.name'), t(`status.server.${props.server}`))}
      </span>
      <span
        className={`chip chip-sync-${syncLook}`}
        data-testid="sync-status"
        data-state={props.replicationState}
        title={props.replicationError === undefined ? undefined : syncFailureWords(props.replicationError)}
      >
        {named(
          t('status.sync.name'),
          `${t(`status.sync.${syncLook}`)}${
            props.lastSyncAt ? t('status.lastSync', { time: shortTime(props.lastSyncAt) }) : ''
          }`,
        )}
      </span>
      <span className="chip" data-testid="catalog-status" data-count={props.productCount}>
        {named(
          t('status.catalogName'),
          `${t('status.catalog', { count: format.count(props.productCount) })}${
            props.catalogRemaining > 0
              ? t('status.catalogPercent', {
                  percent: format.percent(catalogShare(props.productCount, props.catalogRemaining)),
                })
              : ''
          }`,
        )}
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
        data-ready={ready.length}
        title={ready.length > 0 ? ready.map(deviceWords).join(', ') : undefined}
      >
        {props.hostConnected === undefined
          ? t('status.host.none')
          : hostLost
            ? t('status.host.disconnected')
            : ready.length > 0
              ? named(t('status.host.name'), t('status.host.ready', { count: ready.length }))
              : t('status.host.connected')}
      </span>
      {told.length > 0 && (
        <span className="visually-hidden">
          {told.map((device) => (
            <Fragment key={device.deviceId}>
              <span
                data-testid={`device-${device.deviceId}`}
                data-state={hostLost ? 'unknown' : device.state}
                data-kind={device.kind}
              >
                {deviceWords(device)}
              </span>
              {'. '}
            </Fragment>
          ))}
        </span>
      )}
      {ownChips.map((device) => (
        <span
          key={device.deviceId}
          className={`chip chip-device-${device.state}${device.state === 'connected' ? '' : ' chip-problem'}`}
          data-testid={`device-${device.deviceId}`}
          data-state={device.state}
          data-kind={device.kind}
          // The full words too: a long problem is cut short on screen, after the device's name.
          title={
            device.state === 'connected'
              ? deviceTitle(device)
              : `${deviceWords(device)} (${deviceTitle(device)})`
          }
        >
          {device.state === 'connected'
            ? // A ready device with its own chip (the drawer): its state alone shows, "Tiroir ouvert".
              named(DEVICE_KIND_LABEL[device.kind], capitalized(deviceStateWords(device)))
            : deviceWords(device)}
        </span>
      ))}
    </footer>
  );
}
