import { afterEach, describe, expect, it } from 'vitest';
import { createScanner } from '../../../hardware/scanners/create-scanner';
import {
  type SerialScannerSimulator,
  startSerialScannerSimulator,
} from '../../../hardware/simulators/serial-scanner/serial-scanner-simulator';
import { defaultScanConfig, parseScan } from '../../../src/core/barcodes';
import { hostWith, waitUntil } from '../../support/device-host-harness';

// A serial barcode scanner over a real serial line (socat pty pair): codes
// arrive as bridge 'scan' events, health as 'device-status' events.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scannerOnPty(terminator: 'CR' | 'CRLF', simulator?: SerialScannerSimulator) {
  const sim = simulator ?? (await startSerialScannerSimulator({ terminator }));
  cleanups.push(() => sim.close());
  const harness = hostWith((context) => ({
    scanners: [
      createScanner(
        {
          type: 'serial',
          deviceId: 'scanner-1',
          name: 'Fixed scanner',
          simulated: true,
          path: sim.devicePath,
          terminator,
        },
        context,
        { backoff: { baseMs: 50, maxMs: 400 } },
      ),
    ],
  }));
  cleanups.push(() => harness.host.close());
  const state = () => harness.registry.list().find((s) => s.deviceId === 'scanner-1')?.state;
  await waitUntil(() => state() === 'connected', 'scanner connected');
  return { sim, state, ...harness };
}

describe('serial scanner over a pty', () => {
  it('emits each CR-terminated code, split across writes or not, as a scan event that parses', async () => {
    const { sim, scans } = await scannerOnPty('CR');
    await sim.scan('3017620422003');
    await sim.sendRaw(Buffer.from(']C1010376012345678417261231', 'latin1'));
    await sim.sendRaw(Buffer.from('10LOT7\x1d21SN1\r', 'latin1'));
    await waitUntil(() => scans().length === 2, 'two scans');
    expect(scans()).toEqual([
      { deviceId: 'scanner-1', source: 'serial', data: '3017620422003' },
      {
        deviceId: 'scanner-1',
        source: 'serial',
        symbology: ']C1',
        data: '010376012345678417261231' + '10LOT7\u001d21SN1',
      },
    ]);
    const gs1 = scans()[1];
    expect(parseScan(`${gs1?.symbology}${gs1?.data}`, defaultScanConfig)).toMatchObject({
      ok: true,
      value: { kind: 'gs1', gtin: '3760123456784', batch: 'LOT7', serial: 'SN1', expiry: '2026-12-31' },
    });
  });

  it('splits at CR LF when the till is set to it', async () => {
    const { sim, scans } = await scannerOnPty('CRLF');
    await sim.scan('96385074');
    await sim.scan(']E03017620422003');
    await waitUntil(() => scans().length === 2, 'two scans');
    expect(scans().map((s) => [s.symbology, s.data])).toEqual([
      [undefined, '96385074'],
      [']E0', '3017620422003'],
    ]);
  });

  it('reports the scanner unplugged, and scans again once it is plugged back', async () => {
    const { sim, scans, statuses, state } = await scannerOnPty('CR');
    await sim.scan('3017620422003');
    await waitUntil(() => scans().length === 1, 'first scan');

    await sim.unplug();
    await waitUntil(() => state() === 'disconnected', 'scanner disconnected');
    expect(statuses('scanner-1').find((s) => s.state === 'disconnected')).toMatchObject({
      kind: 'scanner',
      detail: 'unplugged',
    });
    await sim.replug();
    await waitUntil(() => state() === 'connected', 'scanner reconnected');
    await sim.scan('96385074');
    await waitUntil(() => scans().length === 2, 'scan after replug');
    expect(scans()[1]).toMatchObject({ data: '96385074' });
    const states = statuses('scanner-1').map((s) => s.state);
    expect(states.slice(states.indexOf('disconnected'))).toContain('connected');
    expect(states.at(-1)).toBe('connected');
  });
});
