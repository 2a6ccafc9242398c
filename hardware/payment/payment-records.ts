import { z } from 'zod';
import {
  jobIdSchema,
  type PaymentKind,
  type PaymentOutcome,
  paymentKindSchema,
  paymentOutcomeSchema,
} from '../../src/core/bridge/bridge-methods';
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
  /** Set when a manager settled a payment recovery could not (payment.resolve): the audit trail. */
  readonly resolution?: ManagerResolution;
};

export type ManagerResolution = {
  readonly decision: 'not-charged' | 'charged';
  readonly approvedBy: string;
  /** ISO time of the decision. */
  readonly at: string;
  readonly reference?: string;
};

const paymentRecordSchema = z.object({
  key: jobIdSchema,
  kind: paymentKindSchema,
  amountMinor: z.number().int().positive(),
  currency: z.string(),
  stage: z.enum(['sent', 'not-sent', 'settled']),
  reference: z.record(z.string(), z.string()).optional(),
  outcome: paymentOutcomeSchema.optional(),
  resolution: z
    .object({
      decision: z.enum(['not-charged', 'charged']),
      approvedBy: z.string(),
      at: z.string(),
      reference: z.string().optional(),
    })
    .optional(),
});

// Extra fields (a newer version's) are ignored. Only a torn last line is
// skipped, and that one is safe: a request is sent only after its record is
// fsynced, so a record cut short was never followed by a request.
function isPaymentRecord(value: unknown): value is PaymentRecord {
  return paymentRecordSchema.safeParse(value).success;
}

export function openPaymentRecords(path: string): JsonLinesJournal<PaymentRecord> {
  return JsonLinesJournal.open(path, isPaymentRecord);
}
