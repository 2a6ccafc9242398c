import { describe, expect, it } from 'vitest';
import { type DeviceStatus, deviceStateSchema } from '../core/bridge/device-status';
import { i18n } from '../i18n/i18n';
import { bridgeErrorWords, deviceStatusWords } from './device-words';

const printer = (state: DeviceStatus['state'], detail?: string): DeviceStatus => ({
  deviceId: 'printer',
  kind: 'printer',
  name: 'Receipt printer (simulated ESC/POS)',
  state,
  simulated: true,
  ...(detail === undefined ? {} : { detail }),
});

describe('device words for the cashier', () => {
  it('names the device in French and gives the driver’s reason when it is not ready', () => {
    expect(deviceStatusWords(printer('disconnected', 'Plus de papier'))).toBe('Imprimante : plus de papier');
    expect(deviceStatusWords(printer('degraded', 'Papier bientôt fini'))).toBe(
      'Imprimante : papier bientôt fini',
    );
    expect(deviceStatusWords(printer('connected', 'ignored when ready'))).toBe('Imprimante : prêt');
    expect(deviceStatusWords(printer('connecting'))).toBe('Imprimante : connexion…');
    expect(deviceStatusWords({ ...printer('connected', 'Tiroir ouvert'), kind: 'drawer' })).toBe(
      'Tiroir-caisse : tiroir ouvert',
    );
    expect(deviceStatusWords({ ...printer('disconnected'), kind: 'payment-terminal' })).toBe(
      'Terminal CB : hors service',
    );
  });

  it('says a device is not configured, in French and English', () => {
    const none = { ...printer('not-configured'), kind: 'payment-terminal' as const, simulated: false };
    expect(deviceStatusWords(none)).toBe('Terminal CB : non configuré');
    for (const state of deviceStateSchema.options) {
      for (const lng of ['fr', 'en'] as const) {
        expect(i18n.getFixedT(lng)(`devices.state.${state}`)).not.toMatch(/^devices\./);
      }
    }
    expect(i18n.getFixedT('en')('devices.state.not-configured')).toBe('not configured');
  });

  it('turns bridge error codes into words, and never shows the host’s message or an unknown code', () => {
    expect(bridgeErrorWords({ code: 'terminal-unreachable', message: 'ECONNREFUSED', retryable: true })).toBe(
      'terminal injoignable',
    );
    expect(bridgeErrorWords({ code: 'device-closed', message: 'journal closed', retryable: false })).toBe(
      'appareil arrêté',
    );
    expect(bridgeErrorWords({ code: 'odd', message: 'socket hang up', retryable: true })).toBe(
      'erreur de l’appareil',
    );
    expect(bridgeErrorWords({ code: 'odd', message: ' ', retryable: true })).toBe('erreur de l’appareil');
  });

  it('speaks English when the till is switched to it', async () => {
    await i18n.changeLanguage('en');
    try {
      expect(deviceStatusWords(printer('connecting'))).toBe('Printer: connecting…');
      expect(bridgeErrorWords({ code: 'paper-out', message: 'Plus de papier', retryable: true })).toBe(
        'out of paper',
      );
    } finally {
      await i18n.changeLanguage('fr');
    }
  });

  it('an unknown card outcome says what to check on the terminal, never "not charged"', () => {
    const words = bridgeErrorWords({
      code: 'outcome-unknown',
      message: 'terminal cannot tell',
      retryable: true,
    });
    expect(words).toMatch(/dernier ticket \(montant, n° de trace\)/);
    expect(words).not.toMatch(/aucun débit|pas débité/i);
  });
});
