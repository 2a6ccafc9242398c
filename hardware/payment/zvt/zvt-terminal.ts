import { err, ok, type Result } from '../../../src/core/result';
import type { Apdu } from './apdu';
import { openApduConnection } from './apdu-connection';
import type { StatusInformation } from './bmp';
import * as command from './messages';
import {
  type ApprovedPayment,
  memoryJournal,
  type PaymentJournal,
  type PaymentOutcome,
} from './payment-journal';
import type { ApduLink } from './receive-queue';
import { openSerialLink } from './serial-link';

export type ZvtError = {
  readonly code:
    | 'terminal-unreachable'
    | 'outcome-unknown'
    | 'terminal-refused'
    | 'invalid-amount'
    | 'protocol-error'
    | 'nothing-to-abort'
    | 'busy';
  readonly message: string;
  readonly retryable: boolean;
};

/** TCP (raw APDUs, usually port 20007) or a serial device path (framed, 9600 8N2). */
export type ZvtTransport = { readonly host: string; readonly port: number } | { readonly serialPath: string };

export type ZvtTerminalSettings = {
  readonly password?: number;
  readonly connectTimeoutMs?: number;
  /** How long the terminal has to acknowledge a command (80 00 00). */
  readonly ackTimeoutMs?: number;
  /** Longest silence between two terminal messages once a command is acknowledged. */
  readonly resultTimeoutMs?: number;
  readonly journal?: PaymentJournal;
  /** Intermediate status codes (what the terminal display shows), for the UI. */
  readonly onIntermediateStatus?: (code: number) => void;
  /** Each print line (06 D1) as it arrives: the terminal's receipt. */
  readonly onPrintLine?: (text: string) => void;
};

export type ZvtTerminalOptions = ZvtTransport & ZvtTerminalSettings;

export type Transcript = {
  readonly status?: StatusInformation;
  readonly printLines: readonly string[];
  readonly abortCode?: number;
};

type RunFailure = { readonly sent: boolean; readonly error: ZvtError };
export type RecoveredPayment =
  | ApprovedPayment
  | { readonly outcome: 'declined'; readonly resultCode: number }
  | { readonly outcome: 'none' };

const unreachable = (message: string): ZvtError => ({
  code: 'terminal-unreachable',
  message,
  retryable: true,
});
const unknown = (message: string): ZvtError => ({ code: 'outcome-unknown', message, retryable: false });

export class ZvtTerminal {
  private readonly journal: PaymentJournal;
  private current: ApduLink | undefined;
  private readonly where: string;
  private readonly keepOpen: boolean = false;
  private serial: ApduLink | undefined;
  private readonly openLink: () => Promise<ApduLink | undefined>;
  private readonly options: Required<
    Omit<ZvtTerminalSettings, 'journal' | 'onIntermediateStatus' | 'onPrintLine'>
  > &
    Pick<ZvtTerminalSettings, 'onIntermediateStatus' | 'onPrintLine'>;

  constructor(options: ZvtTerminalOptions) {
    this.journal = options.journal ?? memoryJournal();
    const connectTimeoutMs = options.connectTimeoutMs ?? 3_000;
    if ('serialPath' in options) {
      // A serial line stays open between commands: closing a port may drop
      // the line (on a pty it ends the peer), unlike a TCP connection.
      this.where = options.serialPath;
      this.keepOpen = true;
      this.openLink = async () => {
        if (this.serial?.isClosed === false) return this.serial;
        this.serial = await openSerialLink(options.serialPath);
        return this.serial;
      };
    } else {
      this.where = `${options.host}:${options.port}`;
      this.openLink = () => openApduConnection(options.host, options.port, connectTimeoutMs);
    }
    this.options = {
      password: options.password ?? 0,
      connectTimeoutMs,
      ackTimeoutMs: options.ackTimeoutMs ?? 5_000,
      resultTimeoutMs: options.resultTimeoutMs ?? 120_000,
      onIntermediateStatus: options.onIntermediateStatus,
      onPrintLine: options.onPrintLine,
    };
  }

  async registration(): Promise<Result<Transcript, ZvtError>> {
    return this.plain(command.registration(this.options.password));
  }

  async endOfDay(): Promise<Result<Transcript, ZvtError>> {
    return this.plain(command.endOfDay(this.options.password));
  }

  async statusEnquiry(): Promise<Result<Transcript, ZvtError>> {
    return this.plain(command.statusEnquiry(this.options.password));
  }

  /**
   * Charges `amountMinor` cents once per idempotency key. A key already sent
   * is never sent again: its known outcome is returned, or `outcome-unknown`
   * until recoverPayment has asked the terminal.
   */
  async authorization(
    amountMinor: number,
    idempotencyKey: string,
  ): Promise<Result<PaymentOutcome, ZvtError>> {
    return this.once(idempotencyKey, amountMinor, command.authorization(amountMinor));
  }

  /** A refund (06 31) follows the same once-per-key rule as an authorization. */
  async refund(amountMinor: number, idempotencyKey: string): Promise<Result<PaymentOutcome, ZvtError>> {
    return this.once(idempotencyKey, amountMinor, command.refund(this.options.password, amountMinor));
  }

  private async once(
    idempotencyKey: string,
    amountMinor: number,
    message: ReturnType<typeof command.authorization>,
  ): Promise<Result<PaymentOutcome, ZvtError>> {
    const known = this.journal.get(idempotencyKey);
    if (known) {
      if (known.outcome) return ok(known.outcome);
      return err(unknown(`payment ${idempotencyKey} was already sent; call recoverPayment`));
    }
    if (!message.ok) return err({ code: 'invalid-amount', message: message.error.message, retryable: false });
    const traceBefore = this.journal.lastTrace();
    const run = await this.run(message.value, () =>
      // Written before the bytes go out: from here on the key counts as charged-maybe.
      this.journal.put({
        key: idempotencyKey,
        amountMinor,
        ...(traceBefore === undefined ? {} : { traceBefore }),
      }),
    );
    if (!run.ok) return err(run.error.sent ? unknown(run.error.error.message) : run.error.error);
    const outcome = this.outcomeOf(run.value, amountMinor);
    if (!outcome.ok) return outcome;
    this.journal.put({ key: idempotencyKey, amountMinor, outcome: outcome.value });
    return outcome;
  }

  async reversal(receiptNo: number): Promise<Result<PaymentOutcome, ZvtError>> {
    const message = command.reversal(this.options.password, receiptNo);
    if (!message.ok) return err({ code: 'protocol-error', message: message.error.message, retryable: false });
    const run = await this.run(message.value);
    if (!run.ok) return err(run.error.sent ? unknown(run.error.error.message) : run.error.error);
    return this.outcomeOf(run.value, run.value.status?.amountMinor ?? 0);
  }

  /** Releases the line: a serial port held between commands, and the connection of a command still running (its outcome becomes unknown). */
  close(): void {
    this.current?.close();
    this.serial?.close();
    this.serial = undefined;
  }

  /** Asks the terminal to stop the payment in progress (06 B0 on its connection). */
  abort(): Result<void, ZvtError> {
    const link = this.current;
    if (!link?.send(command.abort())) {
      return err({ code: 'nothing-to-abort', message: 'no payment in progress', retryable: false });
    }
    return ok(undefined);
  }

  /**
   * Resolves a payment whose outcome is unknown by asking the terminal for
   * its last transaction. It never sends an authorization.
   */
  async recoverPayment(idempotencyKey: string): Promise<Result<RecoveredPayment, ZvtError>> {
    const entry = this.journal.get(idempotencyKey);
    if (!entry) return ok({ outcome: 'none' });
    if (entry.outcome) {
      return ok(entry.outcome.outcome === 'aborted' ? { outcome: 'none' } : entry.outcome);
    }
    const enquiry = await this.statusEnquiry();
    if (!enquiry.ok) return enquiry;
    const last = enquiry.value.status;
    if (last?.trace === undefined || last.trace === entry.traceBefore) {
      this.journal.put({ ...entry, outcome: { outcome: 'aborted', resultCode: 0 } });
      return ok({ outcome: 'none' });
    }
    if (last.amountMinor !== entry.amountMinor) {
      return err(
        unknown(
          `terminal's last transaction (trace ${last.trace}) is not this payment: check the terminal journal`,
        ),
      );
    }
    const outcome = this.outcomeOf({ status: last, printLines: [] }, entry.amountMinor);
    if (!outcome.ok) return outcome;
    this.journal.put({ ...entry, outcome: outcome.value });
    if (outcome.value.outcome === 'aborted') return ok({ outcome: 'none' });
    return ok(outcome.value);
  }

  private outcomeOf(transcript: Transcript, amountMinor: number): Result<PaymentOutcome, ZvtError> {
    const status = transcript.status;
    if (transcript.abortCode !== undefined) {
      const resultCode = status?.resultCode ?? transcript.abortCode;
      // 0x6C: aborted at the terminal or by the ECR; anything else is a decline.
      return ok(
        resultCode === 0x6c ? { outcome: 'aborted', resultCode } : { outcome: 'declined', resultCode },
      );
    }
    if (!status || status.resultCode === undefined) {
      return err({
        code: 'protocol-error',
        message: 'completion without status information',
        retryable: false,
      });
    }
    if (status.resultCode === 0x6c) return ok({ outcome: 'aborted', resultCode: 0x6c });
    if (status.resultCode !== 0) return ok({ outcome: 'declined', resultCode: status.resultCode });
    if (status.trace === undefined) {
      return err({ code: 'protocol-error', message: 'approval without trace number', retryable: false });
    }
    const { receiptNo, maskedPan, cardType, terminalId } = status;
    return ok({
      outcome: 'approved',
      amountMinor: status.amountMinor ?? amountMinor,
      trace: status.trace,
      ...(receiptNo === undefined ? {} : { receiptNo }),
      ...(maskedPan === undefined ? {} : { maskedPan }),
      ...(cardType === undefined ? {} : { cardType }),
      ...(terminalId === undefined ? {} : { terminalId }),
    });
  }

  private async plain(message: Apdu): Promise<Result<Transcript, ZvtError>> {
    const run = await this.run(message);
    return run.ok ? run : err(run.error.error);
  }

  /** One command on its own connection: send, wait for ack, collect messages until completion or abort. */
  private async run(message: Apdu, beforeSend?: () => void): Promise<Result<Transcript, RunFailure>> {
    if (this.current)
      return err({
        sent: false,
        error: { code: 'busy', message: 'another command is running', retryable: true },
      });
    const link = await this.openLink();
    if (!link) return err({ sent: false, error: unreachable(`no ZVT terminal at ${this.where}`) });
    this.current = link;
    try {
      beforeSend?.();
      if (!link.send(message))
        return err({ sent: false, error: unreachable('connection closed before sending') });
      return await this.collect(link);
    } finally {
      this.current = undefined;
      if (!this.keepOpen) link.close();
    }
  }

  private async collect(link: ApduLink): Promise<Result<Transcript, RunFailure>> {
    const first = await link.receive(this.options.ackTimeoutMs);
    if (first.kind !== 'apdu')
      return err({ sent: true, error: unknown(`no acknowledgement (${first.kind})`) });
    const answer = command.classify(first.apdu);
    if (answer.ok && answer.value.kind === 'nack') {
      // A refused command started nothing: safe to try again.
      return err({
        sent: false,
        error: {
          code: 'terminal-refused',
          message: `terminal refused: 0x${answer.value.code.toString(16)}`,
          retryable: true,
        },
      });
    }
    if (!answer.ok || answer.value.kind !== 'ack') {
      return err({ sent: true, error: unknown('unexpected answer instead of acknowledgement') });
    }
    const printLines: string[] = [];
    let status: StatusInformation | undefined;
    for (;;) {
      const next = await link.receive(this.options.resultTimeoutMs);
      if (next.kind !== 'apdu')
        return err({ sent: true, error: unknown(`terminal went silent (${next.kind})`) });
      const parsed = command.classify(next.apdu);
      if (!parsed.ok)
        return err({ sent: true, error: unknown(`unreadable terminal message: ${parsed.error.message}`) });
      const said = parsed.value;
      // An ack here answers our own 06 B0; it needs no reply.
      if (said.kind === 'ack' || said.kind === 'nack') continue;
      link.send(command.ACK_APDU);
      if (said.kind === 'intermediate-status') this.options.onIntermediateStatus?.(said.code);
      else if (said.kind === 'print-line') {
        printLines.push(said.text);
        this.options.onPrintLine?.(said.text);
      } else if (said.kind === 'status-information') {
        status = said.info;
        if (said.info.trace !== undefined) this.journal.setLastTrace(said.info.trace);
      } else if (said.kind === 'completion') return ok({ ...(status ? { status } : {}), printLines });
      else if (said.kind === 'abort')
        return ok({ ...(status ? { status } : {}), printLines, abortCode: said.resultCode });
    }
  }
}
