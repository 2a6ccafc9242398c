import type { PaymentKind, PaymentOutcome } from '../../src/core/bridge/bridge-methods';
import { JsonLinesJournal } from './json-lines-journal';

// The till's own record of each payment id, written (fsynced) before the
// request leaves the till and again when its outcome is known. It is what
// makes "never charge twice" survive a crash: a payment id with a record
// still 'sent' is only ever resolved by asking the terminal.

/** What a protocol must remember to ask the terminal about a payment later (Adyen: ServiceID...). */
export type ProtocolReference = Readonly<Record<string, string>>;

export type PaymentRecord = {
  readonly key: string;
  readonly kind: PaymentKind;
  readonly amountMinor: number;
  readonly currency: string;
  /** sent: may have reached the terminal; not-sent: provably never did; settled: outcome known. */
  readonly stage: 'sent' | 'not-sent' | 'settled';
  readonly reference?: ProtocolReference;
  readonly outcome?: PaymentOutcome;
};

function isPaymentRecord(value: unknown): value is PaymentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.key === 'string' &&
    typeof record.amountMinor === 'number' &&
    (record.stage === 'sent' || record.stage === 'not-sent' || record.stage === 'settled')
  );
}

export function openPaymentRecords(path: string): JsonLinesJournal<PaymentRecord> {
  return JsonLinesJournal.open(path, isPaymentRecord);
}
