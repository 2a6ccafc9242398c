import { isKioskTicketText } from '../../../core/tickets/kiosk-ticket';
import { pickupCodeOfScan } from '../../../data/pickup-order-to-pay';
import { createKioskTicketStore } from '../../../state/kiosk-ticket';
import { createPickupOrderAtTillStore } from '../../../state/pickup-order-at-till';
import { saleBasketPort } from '../../../state/sale-basket-port';
import type { SaleStore } from '../../../state/sale-store';
import type { TillServices } from '../../../state/till-services';
import { createVoucherFlow } from '../../../state/voucher-flow';

/**
 * The ticket and voucher flows of one cashier screen, and the scan path in
 * front of the sale's: a scan while a voucher dialog is open is the voucher
 * card's code; a kiosk ticket, and a click-and-collect order's pickup QR
 * (paid at the till), are recognised before any barcode parsing;
 * anything else goes on to `next` (the sale's own scan path: quantities
 * typed before a scan), or straight to the sale.
 */
export function createTicketFlows(
  services: Pick<TillServices, 'db'>,
  sale: SaleStore,
  next?: (raw: string) => Promise<void>,
) {
  const basket = saleBasketPort(sale);
  const tickets = createKioskTicketStore({ db: services.db, basket });
  const vouchers = createVoucherFlow({ db: services.db, basket });
  // A click-and-collect order to pay at the till: the customer's pickup QR (docs/pickup.md).
  const pickupOrders = createPickupOrderAtTillStore({ db: services.db, basket });
  const scan = async (raw: string): Promise<void> => {
    if (vouchers.store.getState().dialog !== 'closed') return vouchers.takeScan(raw);
    if (isKioskTicketText(raw)) {
      await tickets.scanTicket(raw);
      return;
    }
    if (pickupCodeOfScan(raw)) {
      await pickupOrders.scan(raw);
      return;
    }
    await (next ? next(raw) : sale.scan(raw));
    tickets.syncWithBasket();
    pickupOrders.syncWithBasket();
  };
  return { tickets, vouchers, pickupOrders, scan };
}

export type TicketFlows = ReturnType<typeof createTicketFlows>;
