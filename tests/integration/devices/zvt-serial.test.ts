import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { apdu } from '../../../hardware/payment/zvt/apdu';
import { encodeFrame } from '../../../hardware/payment/zvt/serial-frame';
import { openSerialLink } from '../../../hardware/payment/zvt/serial-link';
import { ZvtTerminal } from '../../../hardware/payment/zvt/zvt-terminal';
import { ZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/zvt-simulator';
import { startSocatLink } from '../../support/socat-link';

// ZVT over a real serial line: a socat pty pair per test (closing one end
// ends socat), the simulator on one end and the ECR on the other, with DLE
// framing, CRC and ACK/NAK on the wire.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function serialLine() {
  const link = await startSocatLink('zvt-serial');
  cleanups.push(link.close);
  const ecrPath = link.tillSide;
  const terminalPath = link.deviceSide;
  const simulator = await ZvtTerminalSimulator.start();
  cleanups.push(() => simulator.close());
  const terminalSide = await openSerialLink(terminalPath);
  if (!terminalSide) throw new Error('cannot open the terminal side of the pty pair');
  cleanups.push(() => terminalSide.close());
  void simulator.serve(terminalSide);
  const terminal = new ZvtTerminal({ serialPath: ecrPath, resultTimeoutMs: 3_000 });
  cleanups.push(() => terminal.close());
  return { ecrPath, simulator, terminal };
}

describe('ZVT terminal over a serial pty', () => {
  it('approves, then declines, on the same open line', async () => {
    const { simulator, terminal } = await serialLine();
    const result = await terminal.authorization(1234, 'serial-1');
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ outcome: 'approved', amountMinor: 1234, trace: 1 }),
    });
    simulator.scenario = 'decline';
    expect(await terminal.authorization(500, 'serial-2')).toEqual({
      ok: true,
      value: { outcome: 'declined', resultCode: 5 },
    });
    expect(simulator.authorizations()).toHaveLength(2);
  });

  it('answers a corrupted frame with NAK and a good one with ACK', async () => {
    const { ecrPath } = await serialLine();
    const port = new SerialPort({ path: ecrPath, baudRate: 9600, stopBits: 2, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    cleanups.push(() => new Promise<void>((resolve) => port.close(() => resolve())));
    const seen: number[] = [];
    port.on('data', (chunk: Buffer) => seen.push(...chunk));
    const frame = encodeFrame(apdu(0x06, 0x00, Uint8Array.of(0, 0, 0, 0x8e, 0x09, 0x78)));
    if (!frame.ok) throw new Error('encode failed');
    const corrupt = Uint8Array.from(frame.value);
    corrupt[4] = (corrupt[4] ?? 0) ^ 0x01;
    port.write(Uint8Array.of(0x55, 0xaa, ...corrupt));
    await waitFor(() => seen.includes(0x15), 3_000);
    expect(seen[0]).toBe(0x15);
    port.write(frame.value);
    // ACK for the frame, then the terminal's own 80 00 00 in a frame.
    await waitFor(() => seen.length >= 1 + 1 + 9, 3_000);
    expect(seen.slice(1, 6)).toEqual([0x06, 0x10, 0x02, 0x80, 0x00]);
  });
});
