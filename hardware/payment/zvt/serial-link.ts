import { SerialPort } from 'serialport';
import type { Apdu } from './apdu';
import { type ApduLink, type Received, ReceiveQueue } from './receive-queue';
import { ACK, encodeFrame, FrameReader, NAK } from './serial-frame';

// ZVT over RS-232 (9600 8N2): every APDU travels in a DLE STX … DLE ETX CRC
// frame, and each frame must be answered ACK (good) or NAK (damaged) by the
// peer. As the transport specification (PA00P016) asks, a sender sends one
// frame at a time: the next waits until the peer's ACK; after a NAK or when no
// ACK comes in time the frame is sent again, a bounded number of times, and
// then the line counts as broken (the link closes, so a command waiting on it
// ends at once instead of at its own timeout). Both the till and the terminal
// simulator use this link, so both sides follow the rule.

export type SerialLinkOptions = {
  /** How long to wait for the peer's ACK or NAK after a frame (default 2 s). */
  readonly ackTimeoutMs?: number;
  /** Retransmissions after a NAK or a missing ACK before giving up (default 3). */
  readonly maxRetransmissions?: number;
};

const DEFAULT_ACK_TIMEOUT_MS = 2_000;
const DEFAULT_MAX_RETRANSMISSIONS = 3;

export class SerialApduLink implements ApduLink {
  private readonly reader = new FrameReader();
  private readonly inbox = new ReceiveQueue();
  private readonly outbox: Uint8Array[] = [];
  private inFlight: { readonly frame: Uint8Array; retransmissions: number } | undefined;
  private ackTimer: NodeJS.Timeout | undefined;
  private readonly ackTimeoutMs: number;
  private readonly maxRetransmissions: number;
  /** Why the link gave up, when it did (for logs and tests). */
  failure: string | undefined;

  constructor(
    private readonly port: SerialPort,
    options: SerialLinkOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.maxRetransmissions = options.maxRetransmissions ?? DEFAULT_MAX_RETRANSMISSIONS;
    port.on('data', (chunk: Buffer) => this.read(chunk));
    port.on('close', () => this.end());
    port.on('error', () => undefined);
  }

  private read(chunk: Buffer): void {
    for (const event of this.reader.push(chunk)) {
      if (event.kind === 'frame') {
        this.port.write(Uint8Array.of(ACK));
        this.inbox.deliver(event.apdu);
      } else if (event.kind === 'bad-frame') {
        this.port.write(Uint8Array.of(NAK));
      } else if (event.kind === 'nak') {
        this.retransmit('NAK');
      } else if (this.inFlight) {
        // ACK: the frame arrived; the next one may go.
        clearTimeout(this.ackTimer);
        this.inFlight = undefined;
        this.pump();
      }
    }
  }

  private pump(): void {
    if (this.inFlight || this.isClosed) return;
    const frame = this.outbox.shift();
    if (!frame) return;
    this.inFlight = { frame, retransmissions: 0 };
    this.write(frame);
  }

  private write(frame: Uint8Array): void {
    this.port.write(frame);
    clearTimeout(this.ackTimer);
    this.ackTimer = setTimeout(() => this.retransmit('no ACK'), this.ackTimeoutMs);
  }

  private retransmit(why: string): void {
    const sending = this.inFlight;
    if (!sending) return;
    clearTimeout(this.ackTimer);
    if (sending.retransmissions >= this.maxRetransmissions) {
      this.failure = `frame not acknowledged after ${sending.retransmissions} retransmissions (${why})`;
      this.close();
      return;
    }
    sending.retransmissions += 1;
    this.write(sending.frame);
  }

  private end(): void {
    clearTimeout(this.ackTimer);
    this.inFlight = undefined;
    this.outbox.length = 0;
    this.inbox.end();
  }

  get isClosed(): boolean {
    return this.inbox.isEnded;
  }

  /** Queues one APDU; frames leave one at a time, each after the previous one's ACK. */
  send(message: Apdu): boolean {
    if (this.isClosed) return false;
    const frame = encodeFrame(message);
    if (!frame.ok) return false;
    this.outbox.push(frame.value);
    this.pump();
    return true;
  }

  receive(timeoutMs: number): Promise<Received> {
    return this.inbox.receive(timeoutMs);
  }

  /** Serial links stay open between commands: only the owner's close() ends them. */
  close(): void {
    this.end();
    if (this.port.isOpen) this.port.close();
  }

  destroy(): void {
    this.close();
  }
}

export function openSerialLink(
  path: string,
  options: SerialLinkOptions = {},
): Promise<SerialApduLink | undefined> {
  return new Promise((resolve) => {
    const port = new SerialPort({
      path,
      baudRate: 9600,
      dataBits: 8,
      stopBits: 2,
      parity: 'none',
      autoOpen: false,
    });
    port.open((error) => resolve(error ? undefined : new SerialApduLink(port, options)));
  });
}
