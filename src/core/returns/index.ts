// Public surface of returns: the UI builds a ReturnRequest, journals the result.
export {
  type CompletedReturn,
  completedReturnSchema,
  type ReturnLine,
  returnLineSchema,
} from './completed-return';
export {
  createReturn,
  type ReturnDetails,
  type ReturnLineRequest,
  type ReturnRequest,
  returnDetailsSchema,
} from './create-return';
export { exchangeAccountOf, isExchangeAccount } from './exchange-account';
export { type ExchangeCreditError, keepForExchange, paidOut } from './exchange-credit';
export { ORDER_RETURN_PROBLEMS, type OrderReturnProblem, returnableSourceFromOrder } from './order-source';
export {
  type RefundAllocation,
  type RefundPolicy,
  refundAllocationSchema,
  refundPolicySchema,
  routeRefund,
} from './refund-policy';
export type { ReturnError } from './return-errors';
export {
  DEFAULT_RETURN_POLICY,
  type RefundApprovalNeed,
  type ReturnPolicy,
  refundApprovalNeed,
  refundPolicyFor,
  returnPolicySchema,
  voucherAccountOf,
} from './return-policy';
export { RETURN_REASON_CODES, type ReturnReason, returnReasonSchema } from './return-reason';
export {
  type ReturnableLine,
  type ReturnablePayment,
  type ReturnableSource,
  returnableSourceFromSale,
  returnableSourceSchema,
  type SourceRef,
  sourceRefSchema,
} from './returnable-source';
export { refundForUnits } from './unit-refund';
