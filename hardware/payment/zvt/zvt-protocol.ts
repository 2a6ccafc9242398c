import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { PaymentOutcome, StartPaymentParams } from '../../../src/core/bridge/bridge-methods';
import { err, ok, type Result } from '../../../src/core/result';
import type { ProtocolReference } from '../payment-records';
import type { ZvtTerminalConfig } from '../terminal-config';
import type { ProtocolCall, ProtocolFailure, TerminalProtocol } from '../terminal-protocol';
import { cardBrandOf } from './card-brands';
import { declineReason, displayText } from './display-texts';
import { durableZvtJournal } from './durable-zvt-journal';
import type { PaymentOutcome as ZvtOutcome } from './payment-journal';
import { type ZvtError, ZvtTerminal } from './zvt-terminal';

// ZVT behind the till's PaymentTerminal: authorization (06 01) for payments,
// refund (06 31) for refunds, abort (06 B0), and recovery through the status
// enquiry (05 01), which reports the terminal's last transaction.

function failureOf(error: ZvtError): ProtocolFailure {
  switch (error.code) {
    case 'terminal-unreachable':
      return { kind: 'unreachable', message: error.message };
    case 'outcome-unknown':
    case 'protocol-error':
      return { kind: 'unknown', message: error.message, ...(error.answered ? { answered: true } : {}) };
    case 'terminal-refused':
    case 'busy':
      return { kind: 'refused', message: error.message, retryable: true };
    case 'invalid-amount':
    case 'nothing-to-abort':
      return { kind: 'refused', message: error.message, retryable: false };
  }
}

const zvtKeyOf = (paymentId: string, reference: ProtocolReference | undefined) =>
  reference?.zvtKey ?? paymentId;

/** The receipt number in a ZVT approval's reference ("29001234/17/17"), which a refund names. */
export function originalReceiptNoOf(reference: string | undefined): number | undefined {
  const match = reference === undefined ? null : /^[^/]+\/\d+\/(\d{1,4})$/.exec(reference);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function outcomeOf(
  params: Pick<StartPaymentParams, 'paymentId' | 'kind' | 'currency'>,
  zvt: ZvtOutcome,
  receipt: string[],
): PaymentOutcome {
  const terminalReceipt = receipt.map((line) => line.slice(0, 80));
  switch (zvt.outcome) {
    case 'approved': {
      const cardBrand = cardBrandOf(zvt.cardType, zvt.cardName);
      return {
        status: 'approved',
        paymentId: params.paymentId,
        kind: params.kind,
        amountMinor: zvt.amountMinor,
        currency: params.currency,
        reference: `${zvt.terminalId ?? 'zvt'}/${zvt.trace}${zvt.receiptNo === undefined ? '' : `/${zvt.receiptNo}`}`,
        ...(cardBrand === undefined ? {} : { cardBrand }),
        ...(zvt.maskedPan === undefined ? {} : { maskedPan: zvt.maskedPan }),
        terminalReceipt,
      };
    }
    case 'declined':
      return {
        status: 'declined',
        paymentId: params.paymentId,
        reason: declineReason(zvt.resultCode),
        terminalReceipt,
      };
    case 'aborted':
      return {
        status: 'aborted',
        paymentId: params.paymentId,
        reason: 'annulé sur le terminal ou par la caisse',
      };
  }
}

export function zvtProtocol(config: ZvtTerminalConfig, dataDir: string): TerminalProtocol {
  const journal = durableZvtJournal(join(dataDir, `zvt-journal-${config.deviceId}.jsonl`));
  let onProgress: ((message: string) => void) | undefined;
  let printLines: string[] = [];
  let registered = false;
  const transport =
    config.connection.type === 'tcp'
      ? { host: config.connection.host, port: config.connection.port }
      : { serialPath: config.connection.path };
  const terminal = new ZvtTerminal({
    ...transport,
    ...(config.password === undefined ? {} : { password: config.password }),
    ackTimeoutMs: Math.min(5_000, config.timeoutMs),
    resultTimeoutMs: config.timeoutMs,
    journal,
    onIntermediateStatus: (code) => onProgress?.(displayText(code)),
    onPrintLine: (text) => printLines.push(text),
  });

  const lift = <T>(result: Result<T, ZvtError>): Result<T, ProtocolFailure> =>
    result.ok ? result : err(failureOf(result.error));

  return {
    recoversLastOnly: true,

    // Each attempt is its own key in the ZVT journal: once recovery has proven
    // an attempt never reached the terminal, the till may pay the same payment
    // id again, and that new attempt must not find the old one closed.
    reference: (params) => ({ zvtKey: `${params.paymentId}@${randomBytes(4).toString('hex')}` }),

    async pay(params, reference, progress): ProtocolCall<PaymentOutcome> {
      if (params.currency !== 'EUR')
        return err({
          kind: 'refused',
          message: `ZVT terminals here take EUR only, not ${params.currency}`,
          retryable: false,
        });
      onProgress = progress;
      printLines = [];
      try {
        const result =
          params.kind === 'payment'
            ? await terminal.authorization(params.amountMinor, zvtKeyOf(params.paymentId, reference))
            : await terminal.refund(
                params.amountMinor,
                zvtKeyOf(params.paymentId, reference),
                originalReceiptNoOf(params.originalReference),
              );
        if (!result.ok) return err(failureOf(result.error));
        return ok(outcomeOf(params, result.value, printLines));
      } finally {
        onProgress = undefined;
      }
    },

    async abort() {
      return lift(terminal.abort());
    },

    async recover(record) {
      const result = await terminal.recoverPayment(zvtKeyOf(record.key, record.reference));
      if (!result.ok) return err(failureOf(result.error));
      const recovered = result.value;
      if (recovered.outcome === 'none') return ok({ status: 'not-started', paymentId: record.key });
      const params = { paymentId: record.key, kind: record.kind, currency: record.currency };
      return ok(outcomeOf(params, recovered, []));
    },

    async probe() {
      // Registration once (sets the terminal up for this ECR), then the status
      // enquiry, which also teaches the journal the terminal's last trace number.
      if (!registered) {
        const registration = await terminal.registration();
        if (!registration.ok) return registration.error.message;
        registered = true;
      }
      const status = await terminal.statusEnquiry();
      if (status.ok) return undefined;
      // A terminal that comes back may have rebooted: register again.
      registered = false;
      return status.error.message;
    },

    async close() {
      terminal.close();
      journal.close();
    },
  };
}
