import { z } from 'zod';
import { currencyCodeSchema } from '../money/currency';
import { receiptDocumentSchema } from '../receipts/receipt-document';
import { bridgeErrorSchema } from './bridge-error';
import { deviceStatusSchema } from './device-status';

// The bridge as data: every method with the schema of its parameters and of
// its result, and every event with the schema of its payload. The agent's
// WebSocket, the Electron IPC channels and the utility process all check
// against these same tables, in both directions, so a host and a renderer
// of different versions fail with a clear error instead of misreading.

/** A caller-chosen id that makes a retry safe: the host never does the same job twice. */
export const jobIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'job id: 1-64 characters A-Z a-z 0-9 . _ : -');

// ---- printer and drawer ---------------------------------------------------

export const printReceiptParamsSchema = z.strictObject({
  jobId: jobIdSchema,
  document: receiptDocumentSchema,
});
export type PrintReceiptParams = z.input<typeof printReceiptParamsSchema>;

export const printedReceiptSchema = z.strictObject({
  jobId: jobIdSchema,
  /** True when this call printed it; false when an earlier call with this job id already had. */
  printedNow: z.boolean(),
  /** Paper near its end: printed, but the cashier should change the roll soon. */
  paperNearEnd: z.boolean(),
});
export type PrintedReceipt = z.infer<typeof printedReceiptSchema>;

export const queuedPrintJobSchema = z.strictObject({
  jobId: jobIdSchema,
  /** Why it has not printed yet, e.g. paper out: the driver's text, for support. */
  reason: z.string().max(200),
  /** The same as a bridge error code, which the till turns into words. */
  code: z.string().min(1).max(64).optional(),
});
export type QueuedPrintJob = z.infer<typeof queuedPrintJobSchema>;

export const printJobParamsSchema = z.strictObject({ jobId: jobIdSchema });

/** One waiting job retried: printed (now, or by an earlier call), or still waiting and why. */
export const retriedPrintJobSchema = z.discriminatedUnion('printed', [
  z.strictObject({
    printed: z.literal(true),
    jobId: jobIdSchema,
    printedNow: z.boolean(),
    paperNearEnd: z.boolean(),
  }),
  z.strictObject({ printed: z.literal(false), jobId: jobIdSchema, error: bridgeErrorSchema }),
]);
export type RetriedPrintJob = z.infer<typeof retriedPrintJobSchema>;

export const drawerOpenedSchema = z.strictObject({ opened: z.literal(true) });

// ---- card payments --------------------------------------------------------

export const paymentKindSchema = z.enum(['payment', 'refund']);
export type PaymentKind = z.infer<typeof paymentKindSchema>;

export const startPaymentParamsSchema = z.strictObject({
  /** Idempotency key: the same id is never charged twice, whatever happens to the connection. */
  paymentId: jobIdSchema,
  kind: paymentKindSchema,
  amountMinor: z.number().int().positive().max(99_999_999),
  currency: currencyCodeSchema,
  /**
   * A refund's original card payment: the `reference` its approval carried
   * (ZVT "terminal/trace/receipt", Adyen PSP reference), so the terminal ties
   * the refund to it. Absent: an unreferenced refund.
   */
  originalReference: z.string().min(1).max(64).optional(),
});
export type StartPaymentParams = z.input<typeof startPaymentParamsSchema>;

export const paymentIdParamsSchema = z.strictObject({ paymentId: jobIdSchema });

const terminalReceiptSchema = z.array(z.string().max(80)).max(200);

export const paymentOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('approved'),
    paymentId: jobIdSchema,
    kind: paymentKindSchema,
    amountMinor: z.number().int().positive(),
    currency: currencyCodeSchema,
    /** The terminal's or acquirer's reference (ZVT trace/receipt number, Adyen PSP reference). */
    reference: z.string().min(1).max(64),
    cardBrand: z.string().max(40).optional(),
    maskedPan: z.string().max(32).optional(),
    /** The terminal's own receipt lines, printed with or after the till receipt. */
    terminalReceipt: terminalReceiptSchema,
  }),
  z.strictObject({
    status: z.literal('declined'),
    paymentId: jobIdSchema,
    reason: z.string().max(200),
    terminalReceipt: terminalReceiptSchema,
  }),
  z.strictObject({
    status: z.literal('aborted'),
    paymentId: jobIdSchema,
    reason: z.string().max(200),
  }),
]);
export type PaymentOutcome = z.infer<typeof paymentOutcomeSchema>;

/**
 * What recovery learnt from the terminal: an outcome, or proof that the
 * terminal never took this payment (then no card was charged and the cashier
 * may take another tender or start a new payment).
 */
export const recoveredPaymentSchema = z.union([
  paymentOutcomeSchema,
  z.strictObject({ status: z.literal('not-started'), paymentId: jobIdSchema }),
]);
export type RecoveredPayment = z.infer<typeof recoveredPaymentSchema>;

// ---- payment.resolve (manager's way out of an unrecoverable payment) -------

/**
 * A manager's decision on a payment whose outcome recovery cannot settle
 * (e.g. the ZVT terminal's last transaction has another amount): recorded in
 * the durable payment journal, never sent to the terminal, and it unblocks new
 * card payments. The caller must have checked the manager's PIN.
 */
export const resolvePaymentParamsSchema = z.strictObject({
  paymentId: jobIdSchema,
  /** What the manager read on the terminal's own journal or the acquirer's report. */
  resolution: z.enum(['not-charged', 'charged']),
  /** The terminal's or acquirer's reference the manager found, for 'charged'. */
  reference: z.string().min(1).max(64).optional(),
  /** Who decided (manager id or name), kept in the journal for the audit. */
  approvedBy: z.string().min(1).max(64),
});
export type ResolvePaymentParams = z.input<typeof resolvePaymentParamsSchema>;
// ---- end payment.resolve ----------------------------------------------------

// ---- customer display -----------------------------------------------------

/** A pole display shows two lines of 20 characters. */
export const DISPLAY_LINE_WIDTH = 20;
const displayLineSchema = z
  .string()
  .max(DISPLAY_LINE_WIDTH)
  .regex(/^[^\p{Cc}]*$/u, 'display line: no control characters');
export const displayLinesSchema = z.strictObject({ upper: displayLineSchema, lower: displayLineSchema });
export type DisplayLines = z.infer<typeof displayLinesSchema>;

const empty = z.strictObject({});
const done = z.strictObject({ done: z.literal(true) });

/** Methods, their params and results: the typed handler map every host implements. */
export const bridgeMethods = {
  'devices.status': { params: empty, result: z.array(deviceStatusSchema) },
  'printer.print': { params: printReceiptParamsSchema, result: printedReceiptSchema },
  'printer.queue': { params: empty, result: z.array(queuedPrintJobSchema) },
  /** Prints a waiting job from the host's queue with the document it was queued with; once, as ever. */
  'printer.retry': { params: printJobParamsSchema, result: printedReceiptSchema },
  /** Every waiting job, oldest first, each tried once; a job that fails again stays queued. */
  'printer.retryQueued': { params: empty, result: z.array(retriedPrintJobSchema) },
  'drawer.open': { params: empty, result: drawerOpenedSchema },
  'payment.start': { params: startPaymentParamsSchema, result: paymentOutcomeSchema },
  'payment.abort': { params: paymentIdParamsSchema, result: done },
  'payment.recover': { params: paymentIdParamsSchema, result: recoveredPaymentSchema },
  // payment.resolve: a manager settles an unrecoverable payment (see resolvePaymentParamsSchema).
  'payment.resolve': { params: resolvePaymentParamsSchema, result: recoveredPaymentSchema },
  'display.show': { params: displayLinesSchema, result: done },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

export type BridgeMethod = keyof typeof bridgeMethods;
export type BridgeParams<M extends BridgeMethod> = z.input<(typeof bridgeMethods)[M]['params']>;
export type BridgeValue<M extends BridgeMethod> = z.output<(typeof bridgeMethods)[M]['result']>;

export function isBridgeMethod(method: string): method is BridgeMethod {
  return Object.hasOwn(bridgeMethods, method);
}

// ---- events ---------------------------------------------------------------

export const scanSourceSchema = z.enum(['keyboard-wedge', 'hid', 'serial']);
export type ScanSource = z.infer<typeof scanSourceSchema>;

/** One code read by a scanner, before parsing: the renderer hands `data` to `parseScan`. */
export const scanEventSchema = z.strictObject({
  deviceId: z.string().min(1).max(64),
  source: scanSourceSchema,
  /** The symbols as read; GS1 separators arrive as U+001D. */
  data: z.string().min(1).max(4096),
  /** AIM symbology identifier when the scanner sent one, e.g. "]E0". */
  symbology: z
    .string()
    .regex(/^\][A-Za-z0-9][0-9A-Za-z]$/)
    .optional(),
});
export type ScanEvent = z.infer<typeof scanEventSchema>;

/** What the card terminal tells the customer, shown to the cashier too ("Insert card"). */
export const paymentProgressSchema = z.strictObject({
  paymentId: jobIdSchema,
  message: z.string().max(200),
});
export type PaymentProgress = z.infer<typeof paymentProgressSchema>;

export const bridgeEvents = {
  'device-status': deviceStatusSchema,
  scan: scanEventSchema,
  'payment-progress': paymentProgressSchema,
} as const satisfies Record<string, z.ZodType>;

export type BridgeEvent = keyof typeof bridgeEvents;
export type BridgeEventPayload<E extends BridgeEvent> = z.output<(typeof bridgeEvents)[E]>;

export function isBridgeEvent(event: string): event is BridgeEvent {
  return Object.hasOwn(bridgeEvents, event);
}
