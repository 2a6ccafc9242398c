import { afterEach, describe, expect, it } from 'vitest';
import { createCustomerDisplay } from '../../../hardware/display/create-display';
import { serveBridgeCall } from '../../../hardware/host/bridge-handlers';
import {
  type PoleDisplaySimulator,
  startPoleDisplaySimulator,
} from '../../../hardware/simulators/pole-display/pole-display-simulator';
import { changeLines, itemLines, totalLines } from '../../../src/core/display/pole-display-lines';
import { money } from '../../../src/core/money/money';
import { poleWords } from '../../../src/state/pole-words';
import { hostWith, waitUntil } from '../../support/device-host-harness';

// The customer display over a real serial line (socat pty pair), driven
// through the bridge as the renderer drives it.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const fastBackoff = { backoff: { baseMs: 50, maxMs: 400 } };

async function displayOnPty(simulator?: PoleDisplaySimulator) {
  const sim = simulator ?? (await startPoleDisplaySimulator());
  cleanups.push(() => sim.close());
  const harness = hostWith((context) => ({
    display: createCustomerDisplay(
      { deviceId: 'display', name: 'Pole display', simulated: true, path: sim.devicePath },
      context,
      fastBackoff,
    ),
  }));
  cleanups.push(() => harness.host.close());
  const state = () => harness.registry.list().find((s) => s.deviceId === 'display')?.state;
  await waitUntil(() => state() === 'connected', 'display connected');
  return { sim, ...harness, state };
}

describe('customer pole display over a serial pty', () => {
  it('shows the item and running total while scanning, then the total and the change', async () => {
    const { sim, host } = await displayOnPty();
    const show = (lines: { upper: string; lower: string }) =>
      serveBridgeCall(host.handlers, 'display.show', lines);

    expect(await show(itemLines('Baguette tradition', money(130), money(130), poleWords()))).toEqual({
      ok: true,
      value: { done: true },
    });
    await waitUntil(() => sim.screen().upper.startsWith('Baguette'), 'first item');
    await waitUntil(() => sim.screen().lower !== '', 'running total');
    expect(sim.screen()).toEqual({ upper: 'Baguette tra. 1,30 €', lower: 'Total         1,30 €' });
    await show(itemLines('Crème fraîche épaisse', money(245), money(375), poleWords()));
    await show(totalLines(money(375), poleWords()));
    await show(changeLines(money(500), money(125), poleWords()));
    await waitUntil(() => sim.screen().upper.startsWith('Reçu'), 'change');
    expect(sim.screen()).toEqual({ upper: 'Reçu          5,00 €', lower: 'Rendu         1,25 €' });
    expect(sim.history()).toContainEqual({ upper: 'Crème fraîch. 2,45 €', lower: 'Total         3,75 €' });
    expect(sim.history()).toContainEqual({ upper: 'Total à payer', lower: '              3,75 €' });
    expect(sim.unknownBytes()).toBe(0);
  });

  it('refuses lines the display cannot show before they reach the driver', async () => {
    const { host } = await displayOnPty();
    const result = await serveBridgeCall(host.handlers, 'display.show', { upper: 'x'.repeat(21), lower: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('reports an unplugged display and shows the last lines again once it is back', async () => {
    const { sim, host, statuses, state } = await displayOnPty();
    const lines = itemLines('Comté 18 mois', money(1290), money(2480), poleWords());
    await serveBridgeCall(host.handlers, 'display.show', lines);
    await waitUntil(() => sim.screen().upper === lines.upper, 'lines shown');

    await sim.unplug();
    await waitUntil(() => state() === 'disconnected', 'display disconnected');
    expect(sim.screen()).toEqual({ upper: '', lower: '' });
    const whileUnplugged = await serveBridgeCall(
      host.handlers,
      'display.show',
      totalLines(money(2480), poleWords()),
    );
    expect(whileUnplugged).toMatchObject({
      ok: false,
      error: { code: 'device-disconnected', retryable: true },
    });

    await sim.replug();
    await waitUntil(() => state() === 'connected', 'display reconnected');
    // The last lines asked for (the total, sent while unplugged) come back on their own.
    await waitUntil(() => sim.screen().upper === 'Total à payer', 'last lines re-sent');
    expect(sim.screen()).toEqual({ upper: 'Total à payer', lower: '             24,80 €' });
    // A reopen tried while still unplugged says 'disconnected' again (more often on a loaded
    // machine): repeats of the same state are one state to the cashier.
    const states = statuses('display')
      .map((s) => s.state)
      .filter((state, i, all) => state !== all[i - 1]);
    expect(states.slice(states.indexOf('disconnected'))).toEqual(['disconnected', 'connected']);
    expect(statuses('display').find((s) => s.state === 'disconnected')?.detail).toBe('unplugged');
  });

  it('keeps trying a display that is not there at start and connects when it appears', async () => {
    const sim = await startPoleDisplaySimulator();
    await sim.unplug();
    const pending = displayOnPty(sim);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sim.replug();
    const { statuses, logs } = await pending;
    // The ports the computer has were listed for the set-up log, even where
    // SerialPort.list() fails (no udevadm here): that failure is only logged.
    await waitUntil(() => logs.includes('serial ports present'), 'port listing logged');
    expect(statuses('display')[0]).toMatchObject({ state: 'connecting' });
    expect(statuses('display').find((s) => s.state === 'disconnected')?.detail).toMatch(
      /not found at .*unplugged/,
    );
  });
});
