import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { createCustomerDisplay } from '../display/create-display';
import type { DeviceContext } from '../host/device-drivers';
import { createScanner } from './create-scanner';
import type { ScannerConfig } from './scanner-config';

function recordingContext() {
  const statuses: DeviceStatus[] = [];
  const context: DeviceContext = {
    reportStatus: (status) => statuses.push(status),
    emitScan: () => undefined,
    dataDir: '/nonexistent',
    log: () => undefined,
  };
  return { context, statuses };
}

describe('device factories with a bad configuration', () => {
  it('report the scanner disconnected with the reason instead of throwing', async () => {
    const { context, statuses } = recordingContext();
    const bad = { type: 'serial', deviceId: 'scanner-2', name: 'Back scanner', simulated: false, path: '' };
    const driver = createScanner(bad as ScannerConfig, context);
    expect(statuses).toEqual([
      {
        deviceId: 'scanner-2',
        kind: 'scanner',
        name: 'Back scanner',
        simulated: false,
        state: 'disconnected',
        detail: expect.stringMatching(/^configuration error: path: /),
      },
    ]);
    await driver.close();
  });

  it('answer display calls with a non-retryable error', async () => {
    const { context, statuses } = recordingContext();
    const driver = createCustomerDisplay(
      { deviceId: 'display', name: 'Pole', simulated: true, path: '/dev/ttyUSB9', baudRate: -1 },
      context,
    );
    expect(statuses[0]).toMatchObject({
      state: 'disconnected',
      detail: expect.stringMatching(/^configuration error: baudRate/),
    });
    expect(await driver.show({ upper: 'a', lower: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'device-misconfigured', retryable: false },
    });
  });
});
