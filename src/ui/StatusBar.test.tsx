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

const drawer: DeviceStatus = {
  deviceId: 'printer-drawer',
  kind: 'drawer',
  name: 'Tiroir',
  state: 'connected',
  detail: 'Tiroir ouvert',
  simulated: true,
};
const display: DeviceStatus = {
  deviceId: 'display',
  kind: 'customer-display',
  name: 'Afficheur',
  state: 'connected',
  simulated: true,
};

/** The text a person sees and hears, tags dropped. */
const words = (html: string) => html.replace(/<[^>]+>/g, '');

describe('status bar devices', () => {
  it('counts the ready devices in one chip, each still named for screen readers and in its title', () => {
    const html = render({
      devices: [{ ...printer, state: 'connected', detail: undefined }, terminal, display],
    });
    expect(html).toContain('data-testid="hardware-host-status" data-state="connected" data-ready="3"');
    expect(html).toContain('title="Imprimante : prêt, Terminal CB : prêt, Afficheur client : prêt"');
    expect(words(html)).toContain('Périphériques : 3 appareils prêts');
    // Each device keeps its test id and state, in words, out of sight.
    expect(html).toContain(
      'data-testid="device-terminal" data-state="connected" data-kind="payment-terminal">Terminal CB : prêt<',
    );
    expect(html).not.toMatch(/class="chip chip-device/);
  });

  it('gives a device that is not ready its own chip, by name and in full words', () => {
    const html = render({ devices: [printer, terminal, display] });
    expect(html).toContain(
      'class="chip chip-device-disconnected chip-problem" data-testid="device-printer" data-state="disconnected"',
    );
    expect(words(html)).toContain('Imprimante : plus de papier');
    expect(words(html)).toContain('Périphériques : 2 appareils prêts');
  });

  it('gives the drawer its own chip, its open or shut state in short', () => {
    const html = render({ devices: [terminal, drawer] });
    expect(html).toMatch(/class="chip chip-device-connected" data-testid="device-printer-drawer"[^>]*>/);
    expect(words(html)).toContain('Tiroir-caisse : Tiroir ouvert');
    expect(words(html)).toContain('Périphériques : 1 appareil prêt');
  });

  it('when the hardware host is gone, says so and calls every device state unknown', () => {
    const html = render({ hostConnected: false });
    expect(words(html)).toContain('Périphériques : hôte injoignable');
    expect(html).toContain('data-testid="device-printer" data-state="unknown"');
    expect(words(html)).toContain('Imprimante : état inconnu');
    expect(words(html)).toContain('Terminal CB : état inconnu');
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

  it('says a sync that fails while the server is out of reach waits for the network; online, it is an error', () => {
    const offline = render({
      server: 'offline',
      replicationState: 'error',
      replicationError: 'Failed to fetch',
    });
    expect(words(offline)).toContain('Synchro : En attente du réseau');
    expect(offline).toContain('chip-sync-waiting');
    expect(offline).toContain('data-state="error"');
    const online = render({ server: 'online', replicationState: 'error', replicationError: '500 boom' });
    expect(words(online)).toContain('Synchro : Erreur');
    expect(online).toContain('chip-sync-error');
  });

  it('counts and times in the active language, in short words after their subject', async () => {
    const at = Date.UTC(2026, 11, 6, 18, 5, 9);
    const fr = words(render({ productCount: 2556, lastSyncAt: at }));
    expect(fr).toContain(`Catalogue : 2${'\u202f'}556 articles`);
    expect(fr).toContain('Serveur : En ligne');
    expect(fr).toContain(
      `Synchro : À jour · ${new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' }).format(at)}`,
    );
    await i18n.changeLanguage('en');
    try {
      const en = words(render({ productCount: 2556, lastSyncAt: at, pending: 3 }));
      expect(en).toContain('Catalog: 2,556 products');
      expect(en).toContain('To send: 3');
      expect(en).toContain(
        `Sync: Up to date · ${new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(at)}`,
      );
    } finally {
      await i18n.changeLanguage('fr');
    }
  });
});
