import { connect, type Socket } from 'node:net';
import { type Apdu, ApduStreamParser, encodeApdu } from './apdu';
import { type ApduLink, type Received, ReceiveQueue } from './receive-queue';

// ZVT over TCP: raw APDUs, no framing and no ACK/NAK bytes.
export class ApduConnection implements ApduLink {
  private readonly parser = new ApduStreamParser();
  private readonly inbox = new ReceiveQueue();

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const message of this.parser.push(chunk)) this.inbox.deliver(message);
    });
    socket.on('close', () => this.inbox.end());
    socket.on('end', () => this.inbox.end());
    // Errors are reported through 'close'; without a listener Node would throw.
    socket.on('error', () => undefined);
  }

  get isClosed(): boolean {
    return this.inbox.isEnded;
  }

  send(message: Apdu): boolean {
    if (this.isClosed) return false;
    const bytes = encodeApdu(message);
    if (!bytes.ok) return false;
    this.socket.write(bytes.value);
    return true;
  }

  receive(timeoutMs: number): Promise<Received> {
    return this.inbox.receive(timeoutMs);
  }

  /** Ends the connection once what was written is sent (a final 80 00 00 must reach the terminal). */
  close(): void {
    this.inbox.end();
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  destroy(): void {
    this.socket.resetAndDestroy();
  }
}

export function openApduConnection(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<ApduLink | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve(new ApduConnection(socket));
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}
