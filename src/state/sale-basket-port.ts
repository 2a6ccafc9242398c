import { remainingDue } from '../core/sale';
import type { BasketPort } from './basket-port';
import { holdsMoney, type SaleStore } from './sale-store';

/** The open sale as the ticket and voucher flows see it. */
export function saleBasketPort(sale: SaleStore): BasketPort {
  return {
    current() {
      const s = sale.store.getState();
      return {
        cart: s.cart,
        links: s.links,
        paying: s.payment !== undefined,
        holdsMoney: holdsMoney(s),
        remaining: s.payment ? remainingDue(s.payment) : undefined,
        tenders: [...(s.payment?.tenders ?? []), ...s.kept],
      };
    },
    emptyCart: () => sale.emptyBasket(),
    replaceBasket: (cart, links) => sale.replaceBasket(cart, links),
    payVoucher: (code, amount, known) => sale.payVoucher(code, amount, known),
    onChange: (listener) => sale.store.subscribe(() => listener()),
  };
}
