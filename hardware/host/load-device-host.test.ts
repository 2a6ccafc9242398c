import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceHost } from './device-host';
import { loadDeviceHost } from './load-device-host';

// A till with no devices configured (a packaged till's default) says so on
// its status bar, instead of showing nothing, until they are configured;
// and it never starts simulators, whose card terminal approves everything.

let host: DeviceHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});
const dataDir = () => mkdtempSync(join(tmpdir(), 'till-host-'));

describe('loadDeviceHost without devices', () => {
  it("reports the printer and the card terminal as 'not-configured', and starts nothing", async () => {
    host = await loadDeviceHost({ devices: 'none', dataDir: dataDir(), log: () => undefined });
    const statuses = await host.handlers['devices.status']({});
    expect(statuses).toEqual({
      ok: true,
      value: [
        expect.objectContaining({ kind: 'printer', state: 'not-configured', simulated: false }),
        expect.objectContaining({ kind: 'payment-terminal', state: 'not-configured', simulated: false }),
      ],
    });
    expect(
      await host.handlers['payment.start']({
        paymentId: 'p1',
        kind: 'payment',
        amountMinor: 100,
        currency: 'EUR',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'device-not-configured' },
    });
  });

  it('reports only what a device file leaves out', async () => {
    const file = join(dataDir(), 'devices.json');
    writeFileSync(file, JSON.stringify({ display: undefined, scanners: [] }));
    host = await loadDeviceHost({ devices: file, dataDir: dataDir(), log: () => undefined });
    const kinds = host.registry.list().map((status) => [status.kind, status.state]);
    expect(kinds).toEqual([
      ['printer', 'not-configured'],
      ['payment-terminal', 'not-configured'],
    ]);
  });
});
