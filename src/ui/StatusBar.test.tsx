import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../core/bridge/device-status';
import { StatusBar, type StatusBarProps } from './StatusBar';

const printer: DeviceStatus = {
  deviceId: 'printer',
  kind: 'printer',
  name: 'Imprimante tickets',
  state: 'disconnected',
  detail: 'Plus de papier',
  simulated: true,
};
const terminal: DeviceStatus = {
  deviceId: 'terminal',
  kind: 'payment-terminal',
  name: 'Terminal CB',
  state: 'connected',
  simulated: false,
};

const render = (overrides: Partial<StatusBarProps>) =>
  renderToStaticMarkup(
    <StatusBar
      server="online"
      offlineReason={undefined}
      replicationState="in-sync"
      replicationError={undefined}
      lastSyncAt={undefined}
      productCount={10}
      catalogRemaining={0}
      pending={0}
      failed={0}
      onOutboxClick={() => undefined}
      hostConnected
      devices={[printer, terminal]}
      {...overrides}
    />,
  );

describe('status bar devices', () => {
  it('shows each device with its state in the cashier’s words', () => {
    const html = render({});
    expect(html).toContain('Imprimante : plus de papier');
    expect(html).toContain('data-testid="device-printer" data-state="disconnected"');
    expect(html).toContain('Terminal CB : prêt');
    expect(html).toContain('Périphériques : connectés');
  });

  it('when the hardware host is gone, says so and calls every device state unknown', () => {
    const html = render({ hostConnected: false });
    expect(html).toContain('Périphériques : hôte injoignable');
    expect(html).toContain('Imprimante : état inconnu');
    expect(html).toContain('Terminal CB : état inconnu');
    expect(html).not.toContain('prêt');
  });

  it('says when no hardware host is configured', () => {
    expect(render({ hostConnected: undefined, devices: [] })).toContain(
      'Périphériques : aucun hôte configuré',
    );
  });
});
