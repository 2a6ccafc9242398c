import { describe, expect, it } from 'vitest';
import { type DeviceStatus, deviceStateSchema } from '../core/bridge/device-status';
import { bridgeErrorWords, DEVICE_STATE_WORDS, deviceStatusWords } from './device-words';

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
    expect(DEVICE_STATE_WORDS.en['not-configured']).toBe('not configured');
    for (const words of Object.values(DEVICE_STATE_WORDS))
      expect(Object.keys(words).sort()).toEqual([...deviceStateSchema.options].sort());
  });

  it('turns known bridge error codes into words and keeps the host’s message otherwise', () => {
    expect(bridgeErrorWords({ code: 'terminal-unreachable', message: 'ECONNREFUSED', retryable: true })).toBe(
      'terminal injoignable',
    );
    expect(bridgeErrorWords({ code: 'odd', message: 'Bourrage papier', retryable: true })).toBe(
      'Bourrage papier',
    );
    expect(bridgeErrorWords({ code: 'odd', message: ' ', retryable: true })).toBe('odd');
  });
});
