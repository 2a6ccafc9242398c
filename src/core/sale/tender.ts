import { z } from 'zod';
import {
  type Immutable,
  moneyRecordSchema,
  nonNegativeMoneyRecordSchema,
  opaqueIdSchema,
  positiveMoneyRecordSchema,
} from '../cart/record-values';
import { uuidV7Schema } from '../ids';
import { textSchema } from '../values/text';

// How a sale was paid. `amount` is always the part of the amount due that the
// tender settles, so the amounts of a paid sale add up to its total exactly.
// Only cash can be handed over in excess (change); card, voucher and store
// credit are never taken for more than what is left to pay.

/** A reference a terminal or the back office gave a payment; returns carry it back to refund it. */
export const paymentReferenceSchema = textSchema('one-line', { min: 1, max: 64 });

const refField = paymentReferenceSchema.nullable();

/** What the payment terminal reported; every field is optional because terminals differ. */
export const cardTerminalRefSchema = z.strictObject({
  terminalId: refField,
  transactionRef: refField,
  authorisationCode: refField,
  /** As printed on the ticket, e.g. "************1234". */
  maskedPan: z
    .string()
    .regex(/^[0-9* ]{4,23}$/)
    .nullable(),
  scheme: refField,
});
export type CardTerminalRef = Immutable<z.infer<typeof cardTerminalRefSchema>>;

export const voucherCodeSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'voucher code: A-Z a-z 0-9 -');

export const cashTenderSchema = z
  .strictObject({
    type: z.literal('cash'),
    tenderId: uuidV7Schema,
    amount: positiveMoneyRecordSchema,
    /** Notes and coins handed over. */
    given: nonNegativeMoneyRecordSchema,
    /** Cash rounding of the settled amount (+ or −); zero where cash is paid to the minor unit. */
    rounding: moneyRecordSchema,
    change: nonNegativeMoneyRecordSchema,
  })
  .refine(
    (t) =>
      [t.amount, t.rounding, t.change].every((m) => m.currency === t.given.currency) &&
      t.given.minor - t.amount.minor - t.rounding.minor === t.change.minor,
    { message: 'cash: change must be given − amount − rounding', path: ['change'] },
  );

export const cardTenderSchema = z.strictObject({
  type: z.literal('card'),
  tenderId: uuidV7Schema,
  amount: positiveMoneyRecordSchema,
  terminal: cardTerminalRefSchema.nullable(),
});

/**
 * A voucher never gives change: when its face value is above what is left to
 * pay, only the amount due is taken and the rest is forfeited (face − amount,
 * kept on the record so the back office can see it).
 */
const voucherTenderShape = z.strictObject({
  type: z.literal('voucher'),
  tenderId: uuidV7Schema,
  amount: positiveMoneyRecordSchema,
  code: voucherCodeSchema,
  faceValue: positiveMoneyRecordSchema,
});

export const voucherTenderSchema = voucherTenderShape.refine((t) => t.amount.minor <= t.faceValue.minor, {
  message: 'voucher: amount above face value',
  path: ['amount'],
});

export const storeCreditTenderSchema = z.strictObject({
  type: z.literal('store-credit'),
  tenderId: uuidV7Schema,
  amount: positiveMoneyRecordSchema,
  accountId: opaqueIdSchema,
});

export const tenderSchema = z.discriminatedUnion('type', [
  cashTenderSchema,
  cardTenderSchema,
  voucherTenderSchema,
  storeCreditTenderSchema,
]);
export type Tender = Immutable<z.infer<typeof tenderSchema>>;
export type TenderType = Tender['type'];

/**
 * What the cashier enters; the payment works out amount, rounding and change.
 * Amounts are only checked for shape here, so that addTender can say
 * precisely what is wrong with them.
 */
export const tenderInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cash'), tenderId: uuidV7Schema, given: moneyRecordSchema }),
  cardTenderSchema.extend({ amount: moneyRecordSchema }),
  voucherTenderShape.extend({ amount: moneyRecordSchema, faceValue: moneyRecordSchema }),
  storeCreditTenderSchema.extend({ amount: moneyRecordSchema }),
]);
export type TenderInput = Immutable<z.infer<typeof tenderInputSchema>>;
