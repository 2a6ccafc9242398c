export {
  type ClickCollectOrder,
  clickCollectOrderSchema,
  type HandoverConflict,
  handoverConflictSchema,
  MAX_HANDOVERS,
  type OverHandedLine,
  overHandedLineSchema,
  type WebOrderImport,
  webOrderImportSchema,
} from './click-collect-order';
export {
  CLICK_COLLECT_EVENT_TYPES,
  CLICK_COLLECT_STATUSES,
  CLICK_COLLECT_TRANSITIONS,
  type ClickCollectEventType,
  type ClickCollectStatus,
  clickCollectStatusSchema,
  type HandoverEventType,
  isFinalClickCollectStatus,
  nextClickCollectStatus,
} from './click-collect-status';
export {
  type Contact,
  type ContactInput,
  contactSchema,
  emailSchema,
  normalizeContact,
  normalizePhone,
  phoneSchema,
} from './contact';
export { type ClickCollectOrderInput, createClickCollectOrder } from './create-click-collect-order';
export { createKioskOrder, type KioskFulfilmentInput, type KioskOrderInput } from './create-kiosk-order';
export {
  type HandoverIdentification,
  type HandoverLine,
  handoverIdentificationSchema,
  handoverLineSchema,
  ID_DOCUMENT_TYPES,
  type OrderHandover,
  orderHandoverSchema,
} from './handover';
export {
  type HandoverTally,
  type LineHandoverCount,
  remainingQuantities,
  tallyHandovers,
} from './handover-tally';
export {
  type ImportConflictReason,
  type ImportMerge,
  isSameImportedOrder,
  mergeImportedOrder,
  type WebOrderChange,
} from './import-web-order';
export {
  cardReferenceSchema,
  type KioskFulfilment,
  type KioskOrder,
  type KioskPaymentMethod,
  type KioskPaymentProof,
  kioskFulfilmentSchema,
  kioskOrderSchema,
  kioskPaymentMethodSchema,
  kioskPaymentProofSchema,
  proofTypeFor,
} from './kiosk-order';
export {
  KIOSK_EVENT_FULFILMENT,
  KIOSK_ORDER_EVENT_TYPES,
  KIOSK_ORDER_STATUSES,
  KIOSK_ORDER_TRANSITIONS,
  type KioskOrderEventType,
  type KioskOrderStatus,
  kioskOrderStatusSchema,
  nextKioskOrderStatus,
} from './kiosk-order-status';
export {
  deliveryFeeByRate,
  type KioskOrderAmounts,
  type KioskOrderTotals,
  kioskOrderTotals,
} from './kiosk-order-totals';
export { type HandoverMergeError, mergeHandovers } from './merge-handovers';
export type { OrderIssue } from './order-issues';
export {
  lineTotal,
  MAX_LINE_QUANTITY,
  MAX_ORDER_LINES,
  MAX_UNIT_PRICE_MINOR,
  type OrderLine,
  type OrderTotals,
  orderLineSchema,
  orderLinesIssues,
  orderTotals,
  unitPriceSchema,
} from './order-line';
export {
  compareInstants,
  countryCodeSchema,
  instantSchema,
  kioskIdSchema,
  lineIdSchema,
  opaqueIdSchema,
  staffIdSchema,
  storeCodeSchema,
  tillIdSchema,
  webOrderIdSchema,
} from './order-values';
export {
  DEFAULT_PICKUP_CODE_LENGTH,
  isValidPickupCode,
  PICKUP_CODE_ALPHABET,
  PICKUP_CODE_MAX_LENGTH,
  PICKUP_CODE_MIN_LENGTH,
  type PickupCode,
  type PickupCodeError,
  pickupCodeByteBudget,
  pickupCodeFromBytes,
  pickupCodeSchema,
} from './pickup-code';
export { type KioskOrderPlacement, type PlaceKioskOrderError, placeKioskOrder } from './place-kiosk-order';
export {
  isValidPostcode,
  normalizeAddress,
  type PostalAddress,
  type PostalAddressInput,
  postalAddressSchema,
} from './postal-address';
export {
  type ExcessLine,
  type HandoverError,
  type RecordedHandover,
  recordHandover,
} from './record-handover';
export { type SignedOrderContent, signedOrderContent } from './signed-content';
export {
  type ClickCollectEvent,
  type ClickCollectTransitionError,
  transitionClickCollectOrder,
} from './transition-click-collect-order';
export {
  type KioskOrderEvent,
  type KioskTransitionError,
  kioskOrderEventSchema,
  transitionKioskOrder,
} from './transition-kiosk-order';
