// What the ECR knows about each idempotency key. An entry is written before
// the authorization bytes leave the till, so a crash or timeout can never
// lead to the same key being charged twice. The in-memory journal is for
// tests; the till passes the fsynced file of durable-zvt-journal.ts.
export type ApprovedPayment = {
  readonly outcome: 'approved';
  readonly amountMinor: number;
  readonly trace: number;
  readonly receiptNo?: number;
  readonly maskedPan?: string;
  readonly cardType?: number;
  readonly terminalId?: string;
  /** BMP 8B, the card's name as the terminal gives it. */
  readonly cardName?: string;
  /** Status-information fields the till does not read, raw ("tag:hex", and any unread tail), for the journal. */
  readonly extraHex?: readonly string[];
};
export type DeclinedPayment = { readonly outcome: 'declined'; readonly resultCode: number };
export type AbortedPayment = { readonly outcome: 'aborted'; readonly resultCode: number };
export type PaymentOutcome = ApprovedPayment | DeclinedPayment | AbortedPayment;

export type JournalEntry = {
  readonly key: string;
  readonly amountMinor: number;
  /** The last trace number the ECR had seen before sending: tells old transactions from this one. */
  readonly traceBefore?: number;
  /** Asked before sending, the terminal had no receipt to repeat (06 20): any receipt it shows later is newer. */
  readonly noReceiptBefore?: boolean;
  readonly outcome?: PaymentOutcome;
};

export interface PaymentJournal {
  get(key: string): JournalEntry | undefined;
  put(entry: JournalEntry): void;
  lastTrace(): number | undefined;
  setLastTrace(trace: number): void;
}

export function memoryJournal(): PaymentJournal {
  const entries = new Map<string, JournalEntry>();
  let last: number | undefined;
  return {
    get: (key) => entries.get(key),
    put: (entry) => {
      entries.set(entry.key, entry);
    },
    lastTrace: () => last,
    setLastTrace: (trace) => {
      last = trace;
    },
  };
}
