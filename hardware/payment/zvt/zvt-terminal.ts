import { moneyToDecimalString } from '../../../src/core/money/format-money';
import { err, ok, type Result } from '../../../src/core/result';
import type { Apdu } from './apdu';
import { openApduConnection } from './apdu-connection';
import type { StatusInformation } from './bmp';
import * as command from './messages';
import {
  type ApprovedPayment,
  type JournalEntry,
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
  /** outcome-unknown although the terminal answered: it could not tell (recovery without evidence). */
  readonly answered?: boolean;
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

/** What the terminal says about its last transaction: the evidence recovery decides on. */
export type LastTransaction = {
  /** How the terminal was asked: Repeat Receipt (06 20), else Status Enquiry (05 01). */
  readonly via: 'repeat-receipt' | 'status-enquiry';
  readonly status?: StatusInformation;
};

/**
 * The recovery decision table (docs/zvt.md, "The recovery rule"): "not
 * charged" only on positive evidence, the terminal's last receipt being the
 * one seen before sending; anything the terminal cannot prove stays unknown.
 */
export type RecoveryDecision =
  | { readonly decision: 'not-charged'; readonly row: number }
  | { readonly decision: 'charged'; readonly row: number; readonly status: StatusInformation }
  | { readonly decision: 'declined'; readonly row: number; readonly resultCode: number }
  | { readonly decision: 'unknown'; readonly row: number; readonly check: string };

const euros = (minor: number) => `${moneyToDecimalString({ minor, currency: 'EUR' }).replace('.', ',')} EUR`;

export function decideRecovery(entry: JournalEntry, last: LastTransaction): RecoveryDecision {
  const status = last.status;
  const trace = status?.trace;
  const ours = euros(entry.amountMinor);
  const manual = 'check the terminal journal, then a manager settles it (payment.resolve)';
  if (trace === undefined) {
    return {
      decision: 'unknown',
      row: 4,
      check: `the terminal did not report its last transaction (${last.via}): ${manual}; look for a payment of ${ours}`,
    };
  }
  const seen = `terminal's last receipt: trace ${trace}${status?.amountMinor === undefined ? '' : `, ${euros(status.amountMinor)}`}`;
  if (entry.traceBefore !== undefined && trace === entry.traceBefore)
    return { decision: 'not-charged', row: 5 };
  const newer = entry.traceBefore !== undefined ? trace > entry.traceBefore : entry.noReceiptBefore === true;
  if (!newer) {
    return {
      decision: 'unknown',
      row: entry.traceBefore === undefined ? 6 : 7,
      check: `${seen}; ${entry.traceBefore === undefined ? 'the trace before this payment is not known' : `older than trace ${entry.traceBefore} seen before sending`}: ${manual}; look for a payment of ${ours}`,
    };
  }
  if (status?.amountMinor !== entry.amountMinor) {
    return {
      decision: 'unknown',
      row: 8,
      check: `${seen}, not this payment of ${ours}: ${manual}`,
    };
  }
  if (status.resultCode === 0) return { decision: 'charged', row: 9, status };
  if (status.resultCode !== undefined)
    return { decision: 'declined', row: 10, resultCode: status.resultCode };
  return { decision: 'unknown', row: 11, check: `${seen} without a result code: ${manual}` };
}

const unreachable = (message: string): ZvtError => ({
  code: 'terminal-unreachable',
  message,
  retryable: true,
});
/** 06 1E 83 to a Repeat Receipt: "function not possible", the terminal has no receipt to repeat. */
const NOTHING_TO_REPEAT = 0x83;
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
        // The line gives up on a frame (1 + 3 tries) before the command's own ack timeout.
        this.serial = await openSerialLink(options.serialPath, {
          ackTimeoutMs: Math.max(100, Math.floor(this.options.ackTimeoutMs / 5)),
        });
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

  /** Repeat Receipt (06 20): the last receipt again, with its transaction's status information. */
  async repeatReceipt(): Promise<Result<Transcript, ZvtError>> {
    return this.plain(command.repeatReceipt(this.options.password));
  }

  /**
   * The terminal's last transaction: Repeat Receipt first; a terminal that
   * refuses it is asked with the Status Enquiry (some report the last
   * transaction there; most report only their own status).
   */
  async lastTransaction(): Promise<Result<LastTransaction, ZvtError>> {
    const repeated = await this.repeatReceipt();
    if (repeated.ok && repeated.value.status?.trace !== undefined)
      return ok({ via: 'repeat-receipt', status: repeated.value.status });
    if (!repeated.ok && repeated.error.code !== 'terminal-refused') return repeated;
    const enquiry = await this.statusEnquiry();
    if (!enquiry.ok) return enquiry;
    const status = enquiry.value.status;
    if (status?.trace !== undefined) return ok({ via: 'status-enquiry', status });
    // Neither tells: pass on what 06 20 said (no receipt, or none with a trace).
    return ok(
      repeated.ok && repeated.value.status
        ? { via: 'repeat-receipt', status: repeated.value.status }
        : { via: 'repeat-receipt' },
    );
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

  /** A refund (06 31) follows the same once-per-key rule as an authorization; it may name the original receipt. */
  async refund(
    amountMinor: number,
    idempotencyKey: string,
    originalReceiptNo?: number,
  ): Promise<Result<PaymentOutcome, ZvtError>> {
    return this.once(
      idempotencyKey,
      amountMinor,
      command.refund(this.options.password, amountMinor, originalReceiptNo),
    );
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
    // Recovery compares the terminal's last receipt with the one before sending:
    // when the till has not seen one yet, it asks the terminal first (06 20).
    let noReceiptBefore = false;
    if (this.journal.lastTrace() === undefined) {
      const last = await this.repeatReceipt();
      if (!last.ok && last.error.code !== 'terminal-refused') return err(last.error);
      // Only "function not possible" (83: nothing to repeat) says the terminal
      // holds no receipt; a passing refusal (printer not ready, busy…) says nothing.
      noReceiptBefore =
        last.ok && last.value.status?.trace === undefined && last.value.abortCode === NOTHING_TO_REPEAT;
    }
    const traceBefore = this.journal.lastTrace();
    const run = await this.run(message.value, () =>
      // Written before the bytes go out: from here on the key counts as charged-maybe.
      this.journal.put({
        key: idempotencyKey,
        amountMinor,
        ...(traceBefore === undefined ? {} : { traceBefore }),
        ...(traceBefore === undefined && noReceiptBefore ? { noReceiptBefore } : {}),
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
   * its last transaction (decideRecovery). It never sends an authorization,
   * and says "none" (never charged) only on positive evidence.
   */
  async recoverPayment(idempotencyKey: string): Promise<Result<RecoveredPayment, ZvtError>> {
    const entry = this.journal.get(idempotencyKey);
    // Row 1: the key is written before any byte is sent; no entry, nothing sent.
    if (!entry) return ok({ outcome: 'none' });
    // Row 2: known outcome.
    if (entry.outcome) {
      return ok(entry.outcome.outcome === 'aborted' ? { outcome: 'none' } : entry.outcome);
    }
    // Row 3: the terminal does not answer: still unknown, ask again later.
    const last = await this.lastTransaction();
    if (!last.ok) return last;
    const decided = decideRecovery(entry, last.value);
    switch (decided.decision) {
      case 'not-charged':
        this.journal.put({ ...entry, outcome: { outcome: 'aborted', resultCode: 0 } });
        return ok({ outcome: 'none' });
      case 'unknown':
        return err({ ...unknown(decided.check), answered: true });
      case 'declined':
        this.journal.put({ ...entry, outcome: { outcome: 'declined', resultCode: decided.resultCode } });
        return ok({ outcome: 'declined', resultCode: decided.resultCode });
      case 'charged': {
        const outcome = this.outcomeOf({ status: decided.status, printLines: [] }, entry.amountMinor);
        if (!outcome.ok) return outcome;
        this.journal.put({ ...entry, outcome: outcome.value });
        if (outcome.value.outcome !== 'approved') return ok({ outcome: 'none' });
        return ok(outcome.value);
      }
    }
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
    const { receiptNo, maskedPan, cardType, terminalId, cardName } = status;
    const extraHex = [
      ...(status.unusedHex ?? []),
      ...(status.unreadHex ? [`unread:${status.unreadHex}`] : []),
    ];
    return ok({
      outcome: 'approved',
      amountMinor: status.amountMinor ?? amountMinor,
      trace: status.trace,
      ...(receiptNo === undefined ? {} : { receiptNo }),
      ...(maskedPan === undefined ? {} : { maskedPan }),
      ...(cardType === undefined ? {} : { cardType }),
      ...(terminalId === undefined ? {} : { terminalId }),
      ...(cardName === undefined ? {} : { cardName }),
      ...(extraHex.length === 0 ? {} : { extraHex }),
    });
  }

  private async plain(message: Apdu): Promise<Result<Transcript, ZvtError>> {
    // Print lines and progress of other commands (a repeated receipt…) are not the payment's.
    const run = await this.run(message, undefined, false);
    return run.ok ? run : err(run.error.error);
  }

  /** One command on its own connection: send, wait for ack, collect messages until completion or abort. */
  private async run(
    message: Apdu,
    beforeSend?: () => void,
    forward = true,
  ): Promise<Result<Transcript, RunFailure>> {
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
      return await this.collect(link, forward);
    } finally {
      this.current = undefined;
      if (!this.keepOpen) link.close();
    }
  }

  /** `forward`: report progress and print lines to the settings' callbacks (payments and reversals only). */
  private async collect(link: ApduLink, forward: boolean): Promise<Result<Transcript, RunFailure>> {
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
      // Every terminal message is acknowledged, even one the till cannot use:
      // closing without 80 00 00 would leave a paid transaction in doubt.
      if (!parsed.ok) {
        link.send(command.ACK_APDU);
        continue;
      }
      const said = parsed.value;
      // An ack here answers our own 06 B0; it needs no reply.
      if (said.kind === 'ack' || said.kind === 'nack') continue;
      link.send(command.ACK_APDU);
      if (said.kind === 'intermediate-status') {
        if (forward) this.options.onIntermediateStatus?.(said.code);
      } else if (said.kind === 'print-line') {
        printLines.push(said.text);
        if (forward) this.options.onPrintLine?.(said.text);
      } else if (said.kind === 'status-information') {
        status = said.info;
        if (said.info.trace !== undefined) this.journal.setLastTrace(said.info.trace);
      } else if (said.kind === 'completion') return ok({ ...(status ? { status } : {}), printLines });
      else if (said.kind === 'abort')
        return ok({ ...(status ? { status } : {}), printLines, abortCode: said.resultCode });
    }
  }
}
