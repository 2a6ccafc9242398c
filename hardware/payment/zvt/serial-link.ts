import { SerialPort } from 'serialport';
import type { Apdu } from './apdu';
import { type ApduLink, type Received, ReceiveQueue } from './receive-queue';
import { ACK, encodeFrame, FrameReader, NAK } from './serial-frame';

// ZVT over RS-232 (9600 8N2): every APDU travels in a DLE STX … DLE ETX CRC
// frame; good frames are answered ACK, damaged ones NAK, and a NAKed frame is
// sent again a few times before the link gives up on it.
const MAX_REPEATS = 3;

export class SerialApduLink implements ApduLink {
  private readonly reader = new FrameReader();
  private readonly inbox = new ReceiveQueue();
  private lastFrame: Uint8Array | undefined;
  private repeats = 0;

  constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.read(chunk));
    port.on('close', () => this.inbox.end());
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
        if (this.lastFrame && this.repeats < MAX_REPEATS) {
          this.repeats += 1;
          this.port.write(this.lastFrame);
        }
      } else {
        this.lastFrame = undefined;
        this.repeats = 0;
      }
    }
  }

  get isClosed(): boolean {
    return this.inbox.isEnded;
  }

  send(message: Apdu): boolean {
    if (this.isClosed) return false;
    const frame = encodeFrame(message);
    if (!frame.ok) return false;
    this.lastFrame = frame.value;
    this.repeats = 0;
    this.port.write(frame.value);
    return true;
  }

  receive(timeoutMs: number): Promise<Received> {
    return this.inbox.receive(timeoutMs);
  }

  /** Serial links stay open between commands: only the owner's close() ends them. */
  close(): void {
    this.inbox.end();
    if (this.port.isOpen) this.port.close();
  }

  destroy(): void {
    this.close();
  }
}

export function openSerialLink(path: string): Promise<SerialApduLink | undefined> {
  return new Promise((resolve) => {
    const port = new SerialPort({
      path,
      baudRate: 9600,
      dataBits: 8,
      stopBits: 2,
      parity: 'none',
      autoOpen: false,
    });
    port.open((error) => resolve(error ? undefined : new SerialApduLink(port)));
  });
}
