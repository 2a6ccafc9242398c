import { readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { keepSerialPortOpen, type SerialLinkState } from '../../../hardware/serial/kept-serial-port';
import { waitUntil } from '../../support/device-host-harness';
import { startSocatLink } from '../../support/socat-link';

// The device node of an open serial port vanishes while the line itself
// stays up (socat keeps running), so serialport's poller sees no hang-up:
// only the presence check can tell that the adapter is gone.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a kept serial port whose device node vanishes', () => {
  it('reports it unplugged, and reopens once the node is back', async () => {
    const link = await startSocatLink('presence');
    cleanups.push(() => link.close());
    const states: SerialLinkState[] = [];
    const port = keepSerialPortOpen({
      path: link.tillSide,
      baudRate: 9600,
      backoff: { baseMs: 50, maxMs: 200 },
      presenceCheckMs: 50,
      onState: (state) => states.push(state),
      log: () => undefined,
    });
    cleanups.push(() => port.close());
    const last = () => states.at(-1);
    await waitUntil(() => last()?.state === 'connected', 'connected', 5_000);

    const target = readlinkSync(link.tillSide);
    rmSync(link.tillSide);
    await waitUntil(() => last()?.state === 'disconnected', 'disconnected', 5_000);
    expect(last()).toEqual({ state: 'disconnected', detail: 'unplugged' });
    expect(port.isOpen).toBe(false);
    expect(await port.write(new Uint8Array([0x0c]))).toMatchObject({
      ok: false,
      error: { code: 'device-disconnected', retryable: true },
    });

    symlinkSync(target, link.tillSide);
    await waitUntil(() => last()?.state === 'connected', 'reconnected', 5_000);
    expect(port.isOpen).toBe(true);
    // Reopen attempts while the node was missing may add "not found" states in between.
    expect(states[0]).toEqual({ state: 'connected' });
    expect(states).toContainEqual({ state: 'disconnected', detail: 'unplugged' });
  });
});
