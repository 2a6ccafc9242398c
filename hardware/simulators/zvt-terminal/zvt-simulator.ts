import { createServer, type Server, type Socket } from 'node:net';
import { moneyToDecimalString } from '../../../src/core/money';
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
  /** A refund's original payment (BMP 87 of the 06 31 command), when the ECR named it. */
  readonly originalReceiptNo?: number;
};

export const RESULT_APPROVED = 0x00;
export const RESULT_DECLINED = 0x05;
export const RESULT_ABORTED = 0x6c;
// ZVT result codes (PA00P015, Error-Messages).
/** 0x9A: ZVT protocol error (parsing error, mandatory message element missing). */
export const RESULT_PROTOCOL_ERROR = 0x9a;
/** 0x83: function not possible (a command this terminal does not offer). */
export const RESULT_FUNCTION_NOT_POSSIBLE = 0x83;
const TERMINAL_ID = '29001234';
const MASKED_PAN = '4761********0010';
/** ZVT card type 0x0A, Visa, with the card name a terminal sends in BMP 8B. */
const CARD_TYPE = 0x0a;
const CARD_NAME = 'VISA';
/** What the status-enquiry completion carries, like the real terminal of the fixture traces. */
const SOFTWARE_VERSION = 'SIM-ZVT 1.0';
const TERMINAL_READY = 0x00;
const ACK_WAIT_MS = 2_000;
// How long the terminal waits for a card before giving up on its own.
const CARD_WAIT_MS = 30_000;

const ack = (): Apdu => apdu(0x80, 0x00);
/** A refused command: 84 <result code> 00. */
const refuse = (resultCode: number): Apdu => apdu(0x84, resultCode);
/** An amount as a terminal prints it: "13,08 EUR". */
export const slipAmount = (minor: number): string =>
  `${moneyToDecimalString({ minor, currency: 'EUR' }).replace('.', ',')} EUR`;
const join = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
const bcd = (value: number, bytes: number): Uint8Array => {
  const encoded = encodeBcd(value, bytes);
  return encoded.ok ? encoded.value : new Uint8Array(bytes);
};

export class ZvtTerminalSimulator {
  scenario: Scenario = 'approve';
  /** Some terminals do not offer Repeat Receipt (06 20): they refuse it with 84 83. */
  supportsRepeatReceipt = true;
  readonly log: LoggedTransaction[] = [];
  /** Every command the ECR sent, in order, for assertions. */
  readonly commands: Apdu[] = [];
  private nextTrace = 1;
  /** Log entries up to here are in an end-of-day report already. */
  private closedUpTo = 0;
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
        // Password (3 bytes), config byte, then optional currency and BMPs (03, 06).
        if (command.data.length < 4 || (command.data.length > 6 && !parseBmps(command.data.subarray(6)).ok)) {
          link.send(refuse(RESULT_PROTOCOL_ERROR));
          return true;
        }
        link.send(ack());
        return this.tell(link, apdu(0x06, 0x0f));
      case 0x0601:
      case 0x0631:
        return this.payment(link, command, key === 0x0601 ? 'authorization' : 'refund');
      case 0x0630:
        return this.reversal(link, command);
      case 0x0650:
        link.send(ack());
        return this.endOfDay(link);
      case 0x0501:
        // A real terminal answers the status enquiry with its own state, not a
        // transaction: Completion <sw-version LLL-var> <terminal status> (see
        // the recorded completion in hardware/payment/zvt/fixtures).
        link.send(ack());
        return this.tell(link, apdu(0x06, 0x0f, this.statusEnquiryCompletion()));
      case 0x0620:
        if (!this.supportsRepeatReceipt) {
          link.send(refuse(RESULT_FUNCTION_NOT_POSSIBLE));
          return true;
        }
        link.send(ack());
        return this.repeatReceipt(link);
      case 0x06b0:
        // Nothing in progress to abort.
        link.send(ack());
        return true;
      default:
        link.send(refuse(RESULT_FUNCTION_NOT_POSSIBLE));
        return true;
    }
  }

  private statusEnquiryCompletion(): Uint8Array {
    const version = Buffer.from(SOFTWARE_VERSION, 'latin1');
    const length = version.length.toString().padStart(3, '0');
    return join(
      Uint8Array.from([...length].map((digit) => 0xf0 | Number(digit))),
      version,
      Uint8Array.of(TERMINAL_READY),
    );
  }

  /** The last receipt again (06 20): its status information, a copy of the slip, completion. */
  private async repeatReceipt(link: ApduLink): Promise<boolean> {
    const last = this.log.findLast((entry) => entry.resultCode !== RESULT_ABORTED);
    if (!last) return this.tell(link, apdu(0x06, 0x1e, Uint8Array.of(RESULT_FUNCTION_NOT_POSSIBLE)));
    return (
      (await this.tell(link, apdu(0x04, 0x0f, this.transactionBmps(last)))) &&
      (await this.printLines(link, ['DUPLICATA', ...this.slipLines(last)])) &&
      this.tell(link, apdu(0x06, 0x0f))
    );
  }

  /**
   * End of day: status information with the total (04), trace, date and
   * time, and the individual totals (60) per card group, then the report.
   */
  private async endOfDay(link: ApduLink): Promise<boolean> {
    const open = this.log.slice(this.closedUpTo).filter((entry) => entry.resultCode === RESULT_APPROVED);
    const signed = (entry: LoggedTransaction) =>
      entry.kind === 'authorization' ? entry.amountMinor : -entry.amountMinor;
    const total = open.reduce((sum, entry) => sum + signed(entry), 0);
    const count = open.length;
    const trace = this.nextTrace++;
    const firstReceipt = open[0]?.receiptNo ?? 0;
    const lastReceipt = open.at(-1)?.receiptNo ?? 0;
    const totalBcd = (minor: number) => {
      const encoded = encodeAmount(Math.abs(minor));
      return encoded.ok ? encoded.value : new Uint8Array(6);
    };
    // 60: receipt-no start, end (2 BCD each), then number (1 byte) and turnover
    // (6 BCD) for girocard, JCB, Eurocard, Amex, VISA, Diners, remaining.
    const groups = [0, 0, 0, 0, count, 0, 0];
    const turnovers = [0, 0, 0, 0, total, 0, 0];
    const individual = join(
      bcd(firstReceipt, 2),
      bcd(lastReceipt, 2),
      ...groups.map((n, i) => join(Uint8Array.of(Math.min(n, 255)), totalBcd(turnovers[i] ?? 0))),
    );
    const now = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    const info = join(
      Uint8Array.of(0x27, RESULT_APPROVED),
      encodeBmp(0x04, totalBcd(total)),
      encodeBmp(0x0b, bcd(trace, 3)),
      encodeBmp(
        0x0c,
        bcd(Number(`${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`), 3),
      ),
      encodeBmp(0x0d, bcd(Number(`${two(now.getMonth() + 1)}${two(now.getDate())}`), 2)),
      encodeBmp(0x29, bcd(Number(TERMINAL_ID), 4)),
      encodeBmp(0x60, individual),
    );
    this.closedUpTo = this.log.length;
    return (
      (await this.tell(link, apdu(0x04, 0x0f, info))) &&
      (await this.printLines(link, [
        'FIN DE JOURNEE',
        `TRANSACTIONS ${count}`,
        `TOTAL ${total < 0 ? '-' : ''}${slipAmount(Math.abs(total))}`,
      ])) &&
      this.tell(link, apdu(0x06, 0x0f))
    );
  }

  private slipLines(entry: LoggedTransaction): string[] {
    if (entry.resultCode !== RESULT_APPROVED) return ['PAIEMENT REFUSE'];
    if (entry.kind === 'refund') {
      return [
        'CARTE BANCAIRE',
        'REMBOURSEMENT',
        `MONTANT ${slipAmount(entry.amountMinor)}`,
        ...(entry.originalReceiptNo === undefined ? [] : [`TICKET ORIGINE ${entry.originalReceiptNo}`]),
        'CREDIT ACCEPTE',
      ];
    }
    return ['CARTE BANCAIRE', `MONTANT ${slipAmount(entry.amountMinor)}`, 'PAIEMENT ACCEPTE'];
  }

  /** The original receipt number a refund command names (BMP 87 after the password), if any. */
  private originalOf(command: Apdu): number | undefined {
    if (command.instr !== 0x31) return undefined;
    const bmps = parseBmps(command.data.subarray(3));
    const receipt = bmps.ok ? bmps.value.find((bmp) => bmp.tag === 0x87) : undefined;
    const decoded = receipt ? decodeBcd(receipt.value) : undefined;
    return decoded?.ok ? decoded.value : undefined;
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
    originalReceiptNo?: number,
  ): LoggedTransaction {
    const trace = this.nextTrace++;
    const entry = {
      kind,
      amountMinor,
      trace,
      receiptNo: trace,
      resultCode,
      ...(originalReceiptNo === undefined ? {} : { originalReceiptNo }),
    };
    this.log.push(entry);
    return entry;
  }

  private async payment(link: ApduLink, command: Apdu, kind: 'authorization' | 'refund'): Promise<boolean> {
    const amountMinor = this.amountOf(command);
    if (amountMinor === undefined) {
      // Unparsable or without an amount: the specification's "ZVT protocol error".
      link.send(refuse(RESULT_PROTOCOL_ERROR));
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
    const entry = this.record(kind, amountMinor, resultCode, this.originalOf(command));
    if (!(await this.tell(link, apdu(0x04, 0x0f, this.transactionBmps(entry))))) return false;
    if (!(await this.printLines(link, this.slipLines(entry)))) return false;
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
      encodeBmp(0x8b, Buffer.from(CARD_NAME, 'latin1')),
    );
  }
}
