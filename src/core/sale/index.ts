// Public surface of the sale: payment, completion and the journaled record.
export { defaultCashIncrement, roundToCashIncrement } from './cash-rounding';
export { completeSale, type SaleDetails, saleDetailsSchema } from './complete-sale';
export {
  type AppliedPromotion,
  appliedPromotionSchema,
  type CompletedSale,
  completedSaleSchema,
  type SaleLine,
  type SaleTotals,
  saleLineSchema,
  saleTotalsSchema,
} from './completed-sale';
export {
  addTender,
  cashKept,
  cashRoundingOf,
  changeDue,
  isSettled,
  type Payment,
  type PaymentOptions,
  paidSoFar,
  remainingDue,
  removeTender,
  startPayment,
} from './payment';
export type { CompleteSaleError, TenderError } from './sale-errors';
export {
  type CardTerminalRef,
  cardTerminalRefSchema,
  paymentReferenceSchema,
  type Tender,
  type TenderInput,
  type TenderType,
  tenderInputSchema,
  tenderSchema,
  voucherCodeSchema,
} from './tender';
export { type VatTable, vatTableSchema } from './vat-table';
