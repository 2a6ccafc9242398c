import { createServer, type Server, type Socket } from 'node:net';
import { type Apdu, apdu } from '../../payment/zvt/apdu';
import { ApduConnection } from '../../payment/zvt/apdu-connection';
import { decodeBcd, encodeAmount, encodeBcd } from '../../payment/zvt/bcd';
import { encodeBmp, encodePan, parseBmps } from '../../payment/zvt/bmp';
import type { ApduLink } from '../../payment/zvt/receive-queue';

// A ZVT card terminal on TCP for tests and demos. It keeps a transaction log
// that survives dropped connections, like a real terminal's journal, so that
// tests can prove an unknown outcome was resolved without a second charge.
// 'drop' loses the connection after the ack, before any card is read.
export type Scenario = 'approve' | 'decline' | 'timeout' | 'abort' | 'crash' | 'drop';

export type LoggedTransaction = {
  readonly kind: 'authorization' | 'refund' | 'reversal';
  readonly amountMinor: number;
  readonly trace: number;
  readonly receiptNo: number;
  readonly resultCode: number;
};

export const RESULT_APPROVED = 0x00;
export const RESULT_DECLINED = 0x05;
export const RESULT_ABORTED = 0x6c;
const TERMINAL_ID = '29001234';
const MASKED_PAN = '4761********0010';
const CARD_TYPE = 0x05;
const ACK_WAIT_MS = 2_000;
// How long the terminal waits for a card before giving up on its own.
const CARD_WAIT_MS = 30_000;

const ack = (): Apdu => apdu(0x80, 0x00);
const join = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
const bcd = (value: number, bytes: number): Uint8Array => {
  const encoded = encodeBcd(value, bytes);
  return encoded.ok ? encoded.value : new Uint8Array(bytes);
};

export class ZvtTerminalSimulator {
  scenario: Scenario = 'approve';
  readonly log: LoggedTransaction[] = [];
  /** Every command the ECR sent, in order, for assertions. */
  readonly commands: Apdu[] = [];
  private nextTrace = 1;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static start(port = 0): Promise<ZvtTerminalSimulator> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      const simulator = new ZvtTerminalSimulator(server);
      server.on('connection', (socket) => simulator.accept(socket));
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(simulator));
    });
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  }

  authorizations(): LoggedTransaction[] {
    return this.log.filter((entry) => entry.kind === 'authorization');
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    void this.serve(new ApduConnection(socket));
  }

  /** Serves one link until it closes: TCP connections come here, and a serial link can be attached directly. */
  async serve(link: ApduLink): Promise<void> {
    for (;;) {
      const received = await link.receive(CARD_WAIT_MS * 10);
      if (received.kind !== 'apdu') return link.close();
      this.commands.push(received.apdu);
      const keepOpen = await this.handle(link, received.apdu);
      if (!keepOpen) return;
    }
  }

  /** Sends a terminal message and waits for the ECR's 80 00 00. */
  private async tell(link: ApduLink, message: Apdu): Promise<boolean> {
    if (!link.send(message)) return false;
    const reply = await link.receive(ACK_WAIT_MS);
    return reply.kind === 'apdu' && reply.apdu.cls === 0x80;
  }

  private async handle(link: ApduLink, command: Apdu): Promise<boolean> {
    const key = (command.cls << 8) | command.instr;
    switch (key) {
      case 0x0600:
        link.send(ack());
        return this.tell(link, apdu(0x06, 0x0f));
      case 0x0601:
      case 0x0631:
        return this.payment(link, command, key === 0x0601 ? 'authorization' : 'refund');
      case 0x0630:
        return this.reversal(link, command);
      case 0x0650:
        link.send(ack());
        return (
          (await this.printLines(link, ['END OF DAY', `TRANSACTIONS ${this.log.length}`])) &&
          (await this.tell(link, apdu(0x04, 0x0f, join(Uint8Array.of(0x27, RESULT_APPROVED))))) &&
          this.tell(link, apdu(0x06, 0x0f))
        );
      case 0x0501:
        link.send(ack());
        return (
          (await this.tell(link, apdu(0x04, 0x0f, this.lastTransactionBmps()))) &&
          this.tell(link, apdu(0x06, 0x0f))
        );
      case 0x06b0:
        // Nothing in progress to abort.
        link.send(ack());
        return true;
      default:
        link.send(apdu(0x84, 0x83));
        return true;
    }
  }

  private amountOf(command: Apdu): number | undefined {
    // Authorization carries BMPs only; refund and reversal start with a 3-byte password.
    const start = command.instr === 0x01 ? 0 : 3;
    const bmps = parseBmps(command.data.subarray(start));
    if (!bmps.ok) return undefined;
    const amount = bmps.value.find((bmp) => bmp.tag === 0x04);
    if (!amount) return undefined;
    const decoded = decodeBcd(amount.value);
    return decoded.ok ? decoded.value : undefined;
  }

  private record(
    kind: LoggedTransaction['kind'],
    amountMinor: number,
    resultCode: number,
  ): LoggedTransaction {
    const trace = this.nextTrace++;
    const entry = { kind, amountMinor, trace, receiptNo: trace, resultCode };
    this.log.push(entry);
    return entry;
  }

  private async payment(link: ApduLink, command: Apdu, kind: 'authorization' | 'refund'): Promise<boolean> {
    const amountMinor = this.amountOf(command);
    if (amountMinor === undefined) {
      link.send(apdu(0x84, 0x9c));
      return true;
    }
    link.send(ack());
    const scenario = this.scenario;
    if (scenario === 'drop') {
      setTimeout(() => link.destroy(), 20);
      return false;
    }
    if (scenario === 'timeout') {
      // The card was charged, but the terminal never reports it.
      this.record(kind, amountMinor, RESULT_APPROVED);
      return true;
    }
    // 0x0A: "insert card" (intermediate status codes are terminal display texts).
    if (scenario === 'crash') {
      this.record(kind, amountMinor, RESULT_APPROVED);
      link.send(apdu(0x04, 0xff, Uint8Array.of(0x0a)));
      setTimeout(() => link.destroy(), 20);
      return false;
    }
    if (!(await this.tell(link, apdu(0x04, 0xff, Uint8Array.of(0x0a))))) return false;
    if (scenario === 'abort') {
      const next = await link.receive(CARD_WAIT_MS);
      if (next.kind !== 'apdu' || next.apdu.cls !== 0x06 || next.apdu.instr !== 0xb0) return false;
      this.commands.push(next.apdu);
      this.record(kind, amountMinor, RESULT_ABORTED);
      return this.tell(link, apdu(0x06, 0x1e, Uint8Array.of(RESULT_ABORTED)));
    }
    const resultCode = scenario === 'approve' ? RESULT_APPROVED : RESULT_DECLINED;
    const entry = this.record(kind, amountMinor, resultCode);
    if (!(await this.tell(link, apdu(0x04, 0x0f, this.transactionBmps(entry))))) return false;
    const lines =
      resultCode === RESULT_APPROVED
        ? ['CARTE BANCAIRE', `MONTANT ${amountMinor}`, 'PAIEMENT ACCEPTE']
        : ['PAIEMENT REFUSE'];
    if (!(await this.printLines(link, lines))) return false;
    if (resultCode === RESULT_APPROVED) return this.tell(link, apdu(0x06, 0x0f));
    return this.tell(link, apdu(0x06, 0x1e, Uint8Array.of(resultCode)));
  }

  private async reversal(link: ApduLink, command: Apdu): Promise<boolean> {
    const bmps = parseBmps(command.data.subarray(3));
    const receipt = bmps.ok ? bmps.value.find((bmp) => bmp.tag === 0x87) : undefined;
    const receiptNo = receipt ? decodeBcd(receipt.value) : undefined;
    const original = this.log.find(
      (entry) =>
        entry.kind === 'authorization' &&
        entry.resultCode === RESULT_APPROVED &&
        receiptNo?.ok &&
        entry.receiptNo === receiptNo.value,
    );
    link.send(ack());
    if (!original) return this.tell(link, apdu(0x06, 0x1e, Uint8Array.of(0x64)));
    const entry = this.record('reversal', original.amountMinor, RESULT_APPROVED);
    return (
      (await this.tell(link, apdu(0x04, 0x0f, this.transactionBmps(entry)))) &&
      this.tell(link, apdu(0x06, 0x0f))
    );
  }

  private async printLines(link: ApduLink, lines: readonly string[]): Promise<boolean> {
    for (const line of lines) {
      if (!(await this.tell(link, apdu(0x06, 0xd1, join(Uint8Array.of(0x00), Buffer.from(line, 'latin1'))))))
        return false;
    }
    return true;
  }

  private transactionBmps(entry: LoggedTransaction): Uint8Array {
    const amount = encodeAmount(entry.amountMinor);
    return join(
      Uint8Array.of(0x27, entry.resultCode),
      encodeBmp(0x04, amount.ok ? amount.value : new Uint8Array(6)),
      encodeBmp(0x0b, bcd(entry.trace, 3)),
      encodeBmp(0x87, bcd(entry.receiptNo, 2)),
      encodeBmp(0x22, encodePan(MASKED_PAN)),
      encodeBmp(0x29, bcd(Number(TERMINAL_ID), 4)),
      Uint8Array.of(0x8a, CARD_TYPE),
    );
  }

  /** Status enquiry answer: the last transaction, or just the terminal id when there is none. */
  private lastTransactionBmps(): Uint8Array {
    const last = this.log.at(-1);
    if (!last)
      return join(Uint8Array.of(0x27, RESULT_APPROVED), encodeBmp(0x29, bcd(Number(TERMINAL_ID), 4)));
    return this.transactionBmps(last);
  }
}
