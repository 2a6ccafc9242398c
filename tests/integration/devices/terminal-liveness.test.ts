import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAdyenTerminalSimulator } from '../../../hardware/simulators/adyen-terminal/adyen-simulator';
import { startZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/start-zvt-simulator';
import { startSocatLink } from '../../support/socat-link';
import {
  ADYEN_KEY,
  ADYEN_POI,
  adyenConfig,
  freePort,
  makeDataDir,
  startTill,
  tcpTo,
  waitFor,
  zvtConfig,
} from './payment-bridge-harness';

// A card terminal that dies while the till is idle must show as disconnected
// before the cashier tries a card payment, and as connected again when it comes
// back: the background check, seen through the device host, with no payment call.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CHECK_MS = 300;

describe('card terminal liveness while idle', () => {
  it('ZVT over TCP: a terminal switched off shows disconnected, and connected when it is back', async () => {
    const port = await freePort();
    let sim = await startZvtTerminalSimulator({ port });
    cleanups.push(() => sim.close());
    const data = makeDataDir();
    cleanups.push(data.remove);
    const till = await startTill(zvtConfig(tcpTo(port), 2_000, CHECK_MS), data.dir);
    cleanups.push(() => till.close());
    await waitFor(() => till.status()?.state === 'connected');

    await sim.close();
    // Interval plus one failed probe (connection refused at once), with room for a slow machine.
    await waitFor(() => till.status()?.state === 'disconnected', CHECK_MS * 10 + 5_000);
    expect(till.status()?.detail).toMatch(/card terminal unreachable, take another tender/);
    expect(sim.commands()).not.toContain('06 01');

    sim = await startZvtTerminalSimulator({ port });
    await waitFor(() => till.status()?.state === 'connected', 15_000);
    // The terminal came back: it is registered again before the status enquiry.
    expect(sim.commands()).toContain('06 00');
    expect(sim.commands()).not.toContain('06 01');
    expect(sim.charges()).toEqual([]);
  });

  it('Adyen: a terminal switched off shows disconnected, and connected when it is back', async () => {
    const port = await freePort();
    let sim = await startAdyenTerminalSimulator({ ...ADYEN_KEY, poiId: ADYEN_POI, port });
    cleanups.push(() => sim.close());
    const data = makeDataDir();
    cleanups.push(data.remove);
    const caCertPath = join(data.dir, 'terminal-ca.pem');
    writeFileSync(caCertPath, sim.caCertPem);
    const till = await startTill(adyenConfig(sim.endpoint, caCertPath, 2_000, CHECK_MS), data.dir);
    cleanups.push(() => till.close());
    await waitFor(() => till.status()?.state === 'connected');

    await sim.close();
    await waitFor(() => till.status()?.state === 'disconnected', CHECK_MS * 10 + 5_000);
    expect(till.status()?.detail).toMatch(/card terminal unreachable, take another tender/);

    // The simulator makes a new CA at each start: the till is given the new one, as after re-pairing.
    sim = await startAdyenTerminalSimulator({ ...ADYEN_KEY, poiId: ADYEN_POI, port });
    writeFileSync(caCertPath, sim.caCertPem);
    await waitFor(() => till.status()?.state === 'connected', 15_000);
    expect(sim.requests()).toEqual([]);
  });

  it('ZVT over serial: a terminal that stops answering shows disconnected, and connected when it is back', async () => {
    const link = await startSocatLink('zvt-line');
    cleanups.push(link.close);
    const ecrPath = link.tillSide;
    const terminalPath = link.deviceSide;
    let sim = await startZvtTerminalSimulator({ serialPath: terminalPath });
    cleanups.push(() => sim.close());
    const data = makeDataDir();
    cleanups.push(data.remove);
    const till = await startTill(zvtConfig({ type: 'serial', path: ecrPath }, 1_000, CHECK_MS), data.dir);
    cleanups.push(() => till.close());
    await waitFor(() => till.status()?.state === 'connected');

    // Nobody reads the terminal end any more: the status enquiry gets no ACK.
    await sim.close();
    await waitFor(() => till.status()?.state === 'disconnected', 15_000);
    expect(till.status()?.detail).toMatch(/card terminal unreachable, take another tender/);

    sim = await startZvtTerminalSimulator({ serialPath: terminalPath });
    await waitFor(() => till.status()?.state === 'connected', 30_000);
    expect(sim.commands()).toContain('05 01');
    expect(sim.commands()).not.toContain('06 01');
  });
});
