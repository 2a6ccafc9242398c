// Public surface of the cart: the UI, the sale and the returns import from here.
export { spreadBasketDiscount } from './basket-discount';
export { activeLines, type Cart, type CartSettings, cartSchema, createCart, findActiveLine } from './cart';
export {
  approveDiscount,
  removeBasketDiscount,
  removeLineDiscount,
  setBasketDiscount,
  setLineDiscount,
} from './cart-discounts';
export type { CartError } from './cart-errors';
export {
  type CartLine,
  cartLineSchema,
  grossOfMeasure,
  isActive,
  type LineMeasure,
  type LineVoid,
  lineMeasureSchema,
  lineVoidSchema,
  MAX_LINE_GRAMS,
  MAX_LINE_QUANTITY,
  type PriceOverride,
  priceOverrideSchema,
  unitsOf,
} from './cart-line';
export { addProduct, changeQuantity, type NewLine, type ProductInput, voidLine } from './cart-lines';
export { overrideLinePrice, type PriceOverrideRequest } from './cart-price-override';
export { type CartTotals, type PricedCart, type PricedLine, priceCart } from './cart-pricing';
export {
  type Discount,
  type DiscountPolicy,
  type DiscountRequest,
  type DiscountValue,
  discountAmount,
  discountPolicySchema,
  discountSchema,
  discountValueSchema,
  isAwaitingApproval,
  type ManagerApproval,
  managerApprovalSchema,
  needsManagerApproval,
} from './discount';
export {
  type Promotion,
  type PromotionTarget,
  promotionLabelSchema,
  promotionListSchema,
  promotionSchema,
  promotionTargetSchema,
} from './promotion';
export { applyPromotions, type PromotableLine, type PromotionDiscount } from './promotion-engine';
export {
  basisPointsSchema,
  type Immutable,
  moneyRecordSchema,
  nonNegativeMoneyRecordSchema,
  positiveMoneyRecordSchema,
  reasonCodeSchema,
  timestampSchema,
} from './record-values';
