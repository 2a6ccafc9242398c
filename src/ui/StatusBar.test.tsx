import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../core/bridge/device-status';
import { i18n } from '../i18n/i18n';
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

describe('status bar sync', () => {
  it('tells an offline server and a failed sync in words, never the browser’s or server’s own text', () => {
    const html = render({
      server: 'offline',
      offlineReason: 'Failed to fetch',
      replicationState: 'error',
      replicationError: '403 forbidden: this till has been revoked',
    });
    expect(html).not.toContain('Failed to fetch');
    expect(html).not.toContain('revoked');
    expect(html).toContain('title="Le serveur de synchronisation ne répond pas.');
    expect(html).toContain('title="refusé par le serveur, action non autorisée pour cette caisse"');
  });

  it('counts and times in the active language', async () => {
    const at = Date.UTC(2026, 11, 6, 18, 5, 9);
    const fr = render({ productCount: 2556, lastSyncAt: at });
    expect(fr).toContain(`Catalogue : 2${'\u202f'}556 articles`);
    await i18n.changeLanguage('en');
    try {
      const en = render({ productCount: 2556, lastSyncAt: at, pending: 3 });
      expect(en).toContain('Catalog: 2,556 products');
      expect(en).toContain('To send: 3');
      expect(en).toContain(
        `Sync: up to date · ${new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' }).format(at)}`,
      );
    } finally {
      await i18n.changeLanguage('fr');
    }
  });
});
