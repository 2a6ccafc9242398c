import { returnsMenuEntries } from './returns/returns-menu';
import { type SaleMenuView, saleMenuEntries } from './sale/sale-menu';
import { searchMenuEntries } from './search/search-menu';
import { shiftMenuEntries } from './shift/shift-menu';
import { lockMenuEntries, noSaleMenuEntries } from './staff/staff-menu';
import { ticketMenuEntries } from './tickets/tickets-menu';
import type { TillMenuEntry } from './till-menu';
import type { CashierFlows } from './use-cashier-flows';

/**
 * The cashier screen's till menu, each flow's entries in the row's order
 * (the F1 entry, which lists them all, is the screen's). The keys, as in
 * docs/cashier.md: F2 quantity, F3 search, F4 return, F6 void the last line,
 * F7 basket discount, F8 park, F9 shift, F10 quick keys, F11 lock; F12 is
 * the pay button's. Parked sales, gift voucher and no-sale have no key.
 */
export function cashierMenuEntries(
  flows: Pick<
    CashierFlows,
    'editing' | 'productSearch' | 'returns' | 'shift' | 'tickets' | 'noSale' | 'lock'
  >,
  view: SaleMenuView,
): TillMenuEntry[] {
  const { paying } = view;
  return [
    ...saleMenuEntries(flows.editing, view),
    ...searchMenuEntries(flows.productSearch, { paying }),
    ...returnsMenuEntries(flows.returns, { paying }),
    ...shiftMenuEntries(flows.shift),
    ...ticketMenuEntries(flows.tickets.vouchers, { paying }),
    ...noSaleMenuEntries(flows.noSale),
    ...lockMenuEntries(flows.lock),
  ];
}
