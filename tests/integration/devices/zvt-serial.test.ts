import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { apdu } from '../../../hardware/payment/zvt/apdu';
import { REAL_MESSAGES } from '../../../hardware/payment/zvt/fixtures/real-terminal-traces';
import { encodeFrame, FrameReader } from '../../../hardware/payment/zvt/serial-frame';
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

  it("a real terminal's frame (status-enquiry completion) is read and answered ACK", async () => {
    const line = await cable();
    const peer = await rawPort(line.deviceSide);
    const ecr = await openSerialLink(line.tillSide);
    if (!ecr) throw new Error('cannot open');
    cleanups.push(() => ecr.close());
    peer.port.write(REAL_MESSAGES.statusEnquiryCompletionFrame);
    const got = await ecr.receive(2_000);
    expect(got.kind === 'apdu' && [got.apdu.cls, got.apdu.instr]).toEqual([0x06, 0x0f]);
    await waitFor(() => peer.seen.includes(0x06), 2_000);
  });
});

// ---- the serial link waits for the peer's ACK (both the ECR and the simulated terminal use it)

/** A raw port on one end of a pty pair that records the frames and bytes it gets. */
async function rawPort(path: string) {
  const port = new SerialPort({ path, baudRate: 9600, stopBits: 2, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  cleanups.push(
    () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  );
  const seen: number[] = [];
  const frames: string[] = [];
  const reader = new FrameReader();
  port.on('data', (chunk: Buffer) => {
    seen.push(...chunk);
    for (const event of reader.push(chunk)) {
      if (event.kind === 'frame')
        frames.push(Buffer.from([event.apdu.cls, event.apdu.instr, ...event.apdu.data]).toString('hex'));
    }
  });
  return { port, seen, frames };
}

async function cable() {
  const link = await startSocatLink('zvt-ack');
  cleanups.push(link.close);
  return link;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ZVT serial link: one frame at a time, each after the peer's ACK", () => {
  it('the next frame waits for the ACK of the previous one', async () => {
    const line = await cable();
    const peer = await rawPort(line.deviceSide);
    const ecr = await openSerialLink(line.tillSide, { ackTimeoutMs: 1_000 });
    if (!ecr) throw new Error('cannot open');
    cleanups.push(() => ecr.close());
    ecr.send(apdu(0x06, 0x00, Uint8Array.of(0, 0, 0, 0x8e)));
    ecr.send(apdu(0x80, 0x00));
    await waitFor(() => peer.frames.length >= 1, 2_000);
    await sleep(300);
    expect(peer.frames).toEqual(['06000000008e']);
    peer.port.write(Uint8Array.of(0x06));
    await waitFor(() => peer.frames.length >= 2, 2_000);
    expect(peer.frames).toEqual(['06000000008e', '8000']);
  });

  it('without an ACK the frame is sent again, a bounded number of times, then the line gives up', async () => {
    const line = await cable();
    const peer = await rawPort(line.deviceSide);
    const ecr = await openSerialLink(line.tillSide, { ackTimeoutMs: 150, maxRetransmissions: 3 });
    if (!ecr) throw new Error('cannot open');
    cleanups.push(() => ecr.close());
    ecr.send(apdu(0x06, 0x01, Uint8Array.of(0x04, 0, 0, 0, 0, 0x12, 0x34)));
    const waiting = ecr.receive(5_000);
    expect((await waiting).kind).toBe('closed');
    expect(peer.frames).toEqual(Array(4).fill('060104000000001234'));
    expect(ecr.failure).toMatch(/not acknowledged after 3 retransmissions/);
  });

  it('a NAK makes the sender repeat the frame; the ACK then lets the next one go', async () => {
    const line = await cable();
    const peer = await rawPort(line.deviceSide);
    const ecr = await openSerialLink(line.tillSide, { ackTimeoutMs: 1_000 });
    if (!ecr) throw new Error('cannot open');
    cleanups.push(() => ecr.close());
    ecr.send(apdu(0x05, 0x01, Uint8Array.of(0, 0, 0)));
    ecr.send(apdu(0x80, 0x00));
    await waitFor(() => peer.frames.length >= 1, 2_000);
    peer.port.write(Uint8Array.of(0x15));
    await waitFor(() => peer.frames.length >= 2, 2_000);
    expect(peer.frames).toEqual(['0501000000', '0501000000']);
    peer.port.write(Uint8Array.of(0x06));
    await waitFor(() => peer.frames.length >= 3, 2_000);
    expect(peer.frames[2]).toBe('8000');
  });

  it("the simulated terminal also waits for the ECR's ACK before its next frame", async () => {
    const line = await cable();
    const simulator = await ZvtTerminalSimulator.start();
    cleanups.push(() => simulator.close());
    const terminalSide = await openSerialLink(line.deviceSide, { ackTimeoutMs: 1_000 });
    if (!terminalSide) throw new Error('cannot open the terminal side');
    cleanups.push(() => terminalSide.close());
    void simulator.serve(terminalSide);
    const ecr = await rawPort(line.tillSide);
    const registration = encodeFrame(apdu(0x06, 0x00, Uint8Array.of(0, 0, 0, 0x8e, 0x09, 0x78)));
    if (!registration.ok) throw new Error('encode failed');
    ecr.port.write(registration.value);
    await waitFor(() => ecr.frames.length >= 1, 2_000);
    expect(ecr.frames).toEqual(['8000']);
    // The ECR has not acknowledged 80 00 00 yet: completion must wait.
    await sleep(400);
    expect(ecr.frames).toEqual(['8000']);
    ecr.port.write(Uint8Array.of(0x06));
    await waitFor(() => ecr.frames.length >= 2, 2_000);
    expect(ecr.frames).toEqual(['8000', '060f']);
  });
});
