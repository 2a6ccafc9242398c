import type { Migration } from './migration';

// A line whose price was changed at the till (docs/cart-and-returns.md, price
// override): the back office sees the price it replaced, why, who changed it
// and who approved it. Lines sold at their catalog or label price keep NULLs,
// as every line projected before this migration does (none had an override).
export const saleLinePriceOverridesMigration: Migration = {
  id: '010-sale-line-price-overrides',
  sql: `
    ALTER TABLE sale_lines ADD COLUMN original_unit_price_minor bigint;
    ALTER TABLE sale_lines ADD COLUMN price_override_reason text;
    ALTER TABLE sale_lines ADD COLUMN price_override_by text;
    ALTER TABLE sale_lines ADD COLUMN price_override_approved_by text;
  `,
};
