import type { TableSpec } from './insert-rows';

// The rows of the back-office tables (migration 003-projections), one type
// and one spec per table, so a column added to one side and not the other
// fails to compile.

export type StockUnit = 'piece' | 'gram';

export type SaleRow = {
  entry_id: string;
  sale_id: string;
  store_code: string;
  till_id: string;
  till_code: string;
  sequence: number;
  receipt_number: string;
  staff_id: string;
  recorded_at: string;
  started_at: string;
  completed_at: string;
  currency: string;
  gross_minor: number;
  promotion_discount_minor: number;
  line_discount_minor: number;
  basket_discount_minor: number;
  total_discount_minor: number;
  total_minor: number;
  vat_minor: number;
  change_minor: number;
  cash_rounding_minor: number;
};

export const SALES: TableSpec<SaleRow> = {
  name: 'sales',
  key: ['entry_id'],
  columns: {
    entry_id: 'text',
    sale_id: 'text',
    store_code: 'text',
    till_id: 'text',
    till_code: 'text',
    sequence: 'bigint',
    receipt_number: 'text',
    staff_id: 'text',
    recorded_at: 'timestamptz',
    started_at: 'timestamptz',
    completed_at: 'timestamptz',
    currency: 'text',
    gross_minor: 'bigint',
    promotion_discount_minor: 'bigint',
    line_discount_minor: 'bigint',
    basket_discount_minor: 'bigint',
    total_discount_minor: 'bigint',
    total_minor: 'bigint',
    vat_minor: 'bigint',
    change_minor: 'bigint',
    cash_rounding_minor: 'bigint',
  },
};

export type SaleLineRow = {
  entry_id: string;
  line_index: number;
  sale_id: string;
  line_id: string;
  product_id: string;
  name: string;
  barcode: string;
  scanned_code: string | null;
  category: string;
  measure: 'pieces' | 'weight' | 'embedded-price';
  quantity: number | null;
  weight_grams: number | null;
  unit_price_minor: number;
  gross_minor: number;
  promotion_discount_minor: number;
  line_discount_minor: number;
  basket_discount_share_minor: number;
  net_minor: number;
  vat_rate_bps: number;
  vat_minor: number;
  voided: boolean;
  stock_quantity: number;
  stock_unit: StockUnit;
  stock_estimated: boolean;
  /** The price a till's price override replaced; null when the line sold at its own price. */
  original_unit_price_minor: number | null;
  price_override_reason: string | null;
  price_override_by: string | null;
  price_override_approved_by: string | null;
};

export const SALE_LINES: TableSpec<SaleLineRow> = {
  name: 'sale_lines',
  key: ['entry_id', 'line_index'],
  columns: {
    entry_id: 'text',
    line_index: 'integer',
    sale_id: 'text',
    line_id: 'text',
    product_id: 'text',
    name: 'text',
    barcode: 'text',
    scanned_code: 'text',
    category: 'text',
    measure: 'text',
    quantity: 'integer',
    weight_grams: 'integer',
    unit_price_minor: 'bigint',
    gross_minor: 'bigint',
    promotion_discount_minor: 'bigint',
    line_discount_minor: 'bigint',
    basket_discount_share_minor: 'bigint',
    net_minor: 'bigint',
    vat_rate_bps: 'integer',
    vat_minor: 'bigint',
    voided: 'boolean',
    stock_quantity: 'integer',
    stock_unit: 'text',
    stock_estimated: 'boolean',
    original_unit_price_minor: 'bigint',
    price_override_reason: 'text',
    price_override_by: 'text',
    price_override_approved_by: 'text',
  },
};

export type PaymentRow = {
  entry_id: string;
  tender_index: number;
  sale_id: string;
  tender_id: string;
  kind: 'cash' | 'card' | 'voucher' | 'store-credit';
  currency: string;
  amount_minor: number;
  tendered_minor: number;
  rounding_minor: number;
  change_minor: number;
  card_terminal_id: string | null;
  card_transaction_ref: string | null;
  card_authorisation_code: string | null;
  card_masked_pan: string | null;
  card_scheme: string | null;
  voucher_code: string | null;
  voucher_face_value_minor: number | null;
  store_credit_account_id: string | null;
};

export const PAYMENTS: TableSpec<PaymentRow> = {
  name: 'payments',
  key: ['entry_id', 'tender_index'],
  columns: {
    entry_id: 'text',
    tender_index: 'integer',
    sale_id: 'text',
    tender_id: 'text',
    kind: 'text',
    currency: 'text',
    amount_minor: 'bigint',
    tendered_minor: 'bigint',
    rounding_minor: 'bigint',
    change_minor: 'bigint',
    card_terminal_id: 'text',
    card_transaction_ref: 'text',
    card_authorisation_code: 'text',
    card_masked_pan: 'text',
    card_scheme: 'text',
    voucher_code: 'text',
    voucher_face_value_minor: 'bigint',
    store_credit_account_id: 'text',
  },
};

export type ReturnRow = {
  entry_id: string;
  return_id: string;
  store_code: string;
  till_id: string;
  till_code: string;
  sequence: number;
  receipt_number: string;
  staff_id: string;
  recorded_at: string;
  created_at: string;
  source_type: 'sale' | 'online-order';
  source_id: string;
  policy: string;
  currency: string;
  total_minor: number;
  vat_minor: number;
};

export const RETURNS: TableSpec<ReturnRow> = {
  name: 'returns',
  key: ['entry_id'],
  columns: {
    entry_id: 'text',
    return_id: 'text',
    store_code: 'text',
    till_id: 'text',
    till_code: 'text',
    sequence: 'bigint',
    receipt_number: 'text',
    staff_id: 'text',
    recorded_at: 'timestamptz',
    created_at: 'timestamptz',
    source_type: 'text',
    source_id: 'text',
    policy: 'text',
    currency: 'text',
    total_minor: 'bigint',
    vat_minor: 'bigint',
  },
};

export type ReturnLineRow = {
  entry_id: string;
  line_index: number;
  return_id: string;
  source_line_id: string;
  product_id: string;
  name: string;
  vat_rate_bps: number;
  quantity: number;
  restock: boolean;
  reason_code: string;
  reason_note: string | null;
  refund_minor: number;
  vat_minor: number;
  stock_quantity: number;
  stock_unit: StockUnit;
  stock_estimated: boolean;
};

export const RETURN_LINES: TableSpec<ReturnLineRow> = {
  name: 'return_lines',
  key: ['entry_id', 'line_index'],
  columns: {
    entry_id: 'text',
    line_index: 'integer',
    return_id: 'text',
    source_line_id: 'text',
    product_id: 'text',
    name: 'text',
    vat_rate_bps: 'integer',
    quantity: 'integer',
    restock: 'boolean',
    reason_code: 'text',
    reason_note: 'text',
    refund_minor: 'bigint',
    vat_minor: 'bigint',
    stock_quantity: 'integer',
    stock_unit: 'text',
    stock_estimated: 'boolean',
  },
};

export type ReturnRefundRow = {
  entry_id: string;
  refund_index: number;
  return_id: string;
  source_tender_id: string;
  method: 'cash' | 'card' | 'store-credit';
  currency: string;
  amount_minor: number;
  account_id: string | null;
  reference: string | null;
};

export const RETURN_REFUNDS: TableSpec<ReturnRefundRow> = {
  name: 'return_refunds',
  key: ['entry_id', 'refund_index'],
  columns: {
    entry_id: 'text',
    refund_index: 'integer',
    return_id: 'text',
    source_tender_id: 'text',
    method: 'text',
    currency: 'text',
    amount_minor: 'bigint',
    account_id: 'text',
    reference: 'text',
  },
};

export type CashMovementRow = {
  entry_id: string;
  store_code: string;
  till_id: string;
  till_code: string;
  sequence: number;
  staff_id: string;
  recorded_at: string;
  type: 'float-in' | 'float-out' | 'safe-drop' | 'paid-in' | 'paid-out';
  currency: string;
  amount_minor: number;
  drawer_effect_minor: number;
  reason: string | null;
};

export const CASH_MOVEMENTS: TableSpec<CashMovementRow> = {
  name: 'cash_movements',
  key: ['entry_id'],
  columns: {
    entry_id: 'text',
    store_code: 'text',
    till_id: 'text',
    till_code: 'text',
    sequence: 'bigint',
    staff_id: 'text',
    recorded_at: 'timestamptz',
    type: 'text',
    currency: 'text',
    amount_minor: 'bigint',
    drawer_effect_minor: 'bigint',
    reason: 'text',
  },
};

export type StockMovementRow = {
  entry_id: string;
  line_index: number;
  store_code: string;
  location_code: string;
  product_id: string;
  delta: number;
  unit: StockUnit;
  estimated: boolean;
  reason: 'sale' | 'return-restock';
  recorded_at: string;
};

export const STOCK_MOVEMENTS: TableSpec<StockMovementRow> = {
  name: 'stock_movements',
  key: ['entry_id', 'line_index'],
  columns: {
    entry_id: 'text',
    line_index: 'integer',
    store_code: 'text',
    location_code: 'text',
    product_id: 'text',
    delta: 'integer',
    unit: 'text',
    estimated: 'boolean',
    reason: 'text',
    recorded_at: 'timestamptz',
  },
};

export type OrderHandoverRow = {
  entry_id: string;
  line_index: number;
  handover_id: string;
  order_id: string;
  order_line_id: string;
  quantity: number;
  store_code: string;
  till_id: string;
  staff_id: string;
  handed_over_at: string;
  identification: string;
  recorded_at: string;
};

export const ORDER_HANDOVERS: TableSpec<OrderHandoverRow> = {
  name: 'order_handovers',
  key: ['entry_id', 'line_index'],
  columns: {
    entry_id: 'text',
    line_index: 'integer',
    handover_id: 'text',
    order_id: 'text',
    order_line_id: 'text',
    quantity: 'integer',
    store_code: 'text',
    till_id: 'text',
    staff_id: 'text',
    handed_over_at: 'timestamptz',
    identification: 'text',
    recorded_at: 'timestamptz',
  },
};
