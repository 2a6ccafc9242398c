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
export {
  type RefundAllocation,
  type RefundPolicy,
  refundAllocationSchema,
  refundPolicySchema,
  routeRefund,
} from './refund-policy';
export type { ReturnError } from './return-errors';
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
