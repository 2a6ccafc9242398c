import type { z } from 'zod';
import { parseReceiptNumber } from '../journal/receipt-number';
import { err, ok, type Result } from '../result';
import type { ReceiptError, ResolvedReceiptContext } from './receipt-context';
import {
  RECEIPT_DOCUMENT_FORMAT,
  type ReceiptBlock,
  type ReceiptDocument,
  receiptDocumentSchema,
} from './receipt-document';

// The steps every receipt builder shares: read the context through its
// schema, check the receipt number belongs to the record's till, and check
// the finished document against the schema the printer host will apply.

/** The context with its defaults, or why it is refused. */
export function resolveContext<S extends z.ZodType<ResolvedReceiptContext>>(
  schema: S,
  context: unknown,
): Result<z.output<S>, ReceiptError> {
  const parsed = schema.safeParse(context);
  if (!parsed.success) return err({ code: 'invalid-receipt-context', message: parsed.error.message });
  return ok(parsed.data);
}

/** An error when `receiptNumber` is not a number of the store and till that made the record. */
export function receiptNumberMismatch(
  receiptNumber: string,
  record: { readonly storeCode: string; readonly tillCode: string },
): ReceiptError | null {
  const parsed = parseReceiptNumber(receiptNumber);
  if (parsed.ok && parsed.value.storeCode === record.storeCode && parsed.value.tillCode === record.tillCode) {
    return null;
  }
  return {
    code: 'receipt-number-of-another-till',
    receiptNumber,
    storeCode: record.storeCode,
    tillCode: record.tillCode,
  };
}

export function finishDocument(
  kind: ReceiptDocument['kind'],
  context: ResolvedReceiptContext,
  blocks: readonly ReceiptBlock[],
): Result<ReceiptDocument, ReceiptError> {
  const document = {
    format: RECEIPT_DOCUMENT_FORMAT,
    kind,
    receiptNumber: context.receiptNumber,
    locale: context.locale,
    duplicate: context.duplicate,
    blocks,
  };
  // A refusal here means a builder wrote something its own schema forbids: a bug to report.
  const valid = receiptDocumentSchema.safeParse(document);
  if (!valid.success) return err({ code: 'invalid-receipt-document', message: valid.error.message });
  return ok(valid.data);
}
