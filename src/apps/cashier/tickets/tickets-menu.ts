import type { VoucherFlow } from '../../../state/voucher-flow';
import type { TillMenuEntry } from '../till-menu';

/**
 * Selling a gift voucher (in the menu row and the F1 list, without a key),
 * not while a payment is under way. Kiosk tickets have no entry: they are
 * scanned, and paying with a voucher is on the payment panel.
 */
export function ticketMenuEntries(
  vouchers: Pick<VoucherFlow, 'openSell'>,
  { paying }: { readonly paying: boolean },
): TillMenuEntry[] {
  return [
    {
      id: 'voucher-sale',
      labelKey: 'vouchers.menu',
      onSelect: vouchers.openSell,
      disabled: paying,
    },
  ];
}
