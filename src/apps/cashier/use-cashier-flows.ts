import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { priceCart } from '../../core/cart';
import { createApprovalStore } from '../../state/approval-store';
import { createNoSaleStore } from '../../state/no-sale-store';
import { createOpenSaleKeeper, restoreOpenSale } from '../../state/open-sale';
import { createPinGuard } from '../../state/pin-guard';
import { createProductSearchStore } from '../../state/product-search-store';
import { createReceiptDesk } from '../../state/receipt-desk';
import { isReceiptCode } from '../../state/return-find';
import { createReturnStore } from '../../state/return-store';
import { createSaleStore } from '../../state/sale-store';
import { createSessionLockStore } from '../../state/session-lock-store';
import { createShiftStore } from '../../state/shift-store';
import { createSignInStore } from '../../state/sign-in-store';
import { storeSaleFinder } from '../../state/store-sale-finder';
import type { TillServices } from '../../state/till-services';
import { createWaitingReceipts } from '../../state/waiting-receipts';
import { useIdleLock } from '../../ui/staff/use-idle-lock';
import { createSaleEditing } from './sale/sale-editing';
import { createTicketFlows } from './tickets/ticket-flows';

/**
 * Every flow of one cashier screen, over one sale: the stores are made once
 * and wired to each other here, so the screen only lays them out.
 */
export function createCashierFlows(services: TillServices) {
  const keeper = createOpenSaleKeeper(services.db);
  const desk = createReceiptDesk(services);
  const sale = createSaleStore(services, desk, keeper);
  // Wrong PINs count per person wherever typed: one guard for sign-in, unlock and approvals.
  const pinGuard = createPinGuard(services);
  // Supervisor/manager PIN approvals for every flow of the till: `approvals.require(staff, request)`.
  const approvals = createApprovalStore({ ...services, pinGuard });
  const signIn = createSignInStore({ ...services, pinGuard }, sale.signInAs);
  const lock = createSessionLockStore(
    { ...services, pinGuard },
    {
      current: () => sale.store.getState().staff,
      resumeAs: (staff) => void sale.signInAs(staff),
      busy: () =>
        sale.store.getState().card !== undefined || approvals.store.getState().pending !== undefined,
    },
  );
  const noSale = createNoSaleStore(services, approvals, () => sale.store.getState().staff);
  // The everyday sale: quantities, prices, discounts, quick keys, parked sales (sale/).
  const editing = createSaleEditing(sale, services.db, approvals);
  // Returns and exchanges (src/state/return-store.ts): the till menu's "Retour".
  const returns = createReturnStore({
    ...services,
    till: { storeCode: services.sync.identity.storeCode, tillCode: services.sync.identity.tillCode },
    approvals,
    findStoreSale: storeSaleFinder(services.db, services.sync.lookupSale),
    basketTotal: () => priceCart(sale.store.getState().cart).totals.total,
    takeExchangeCredit: (credit) => sale.takeExchangeCredit(credit),
  });
  // Kiosk tickets and gift vouchers (tickets/): their scan path sits in front of the sale's.
  // A receipt's QR scanned at the sale is a customer bringing something back: the return window opens on it.
  const saleScan = async (raw: string): Promise<void> => {
    if (isReceiptCode(raw) && sale.store.getState().payment === undefined) {
      returns.open();
      return returns.find(raw);
    }
    return editing.lineEdit.submit(raw);
  };
  const tickets = createTicketFlows(services, sale, saleScan);
  const productSearch = createProductSearchStore({
    searchProducts: services.searchProducts,
    addProduct: sale.addProduct,
    scan: sale.scan,
  });
  const waiting = createWaitingReceipts(services.bridge, desk.receiptPrinted);
  const shift = createShiftStore(services, approvals);
  return {
    keeper,
    desk,
    sale,
    approvals,
    signIn,
    lock,
    noSale,
    editing,
    returns,
    tickets,
    productSearch,
    waiting,
    shift,
  };
}

export type CashierFlows = ReturnType<typeof createCashierFlows>;

/**
 * The cashier screen's flows, made once, and what keeps them going while the
 * screen is up: the open sale and the lock put back after a reload, the
 * shift read, the idle lock, the print queue read again. `restored` is false
 * until the sale this till had open is back.
 */
export function useCashierFlows(services: TillServices): CashierFlows & { readonly restored: boolean } {
  const [flows] = useState(() => createCashierFlows(services));
  const { sale, keeper, lock, shift, desk, waiting } = flows;
  // The sale this till had open before a reload or a crash comes back first.
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void restoreOpenSale(sale, keeper, services.db, services.bridge).then(async (unsubscribe) => {
      // A till locked before the reload stays locked.
      await lock.restore();
      if (gone) unsubscribe();
      else stop = unsubscribe;
      setRestored(true);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [sale, keeper, services, lock]);
  useEffect(() => {
    void shift.load();
    return shift.dispose;
  }, [shift]);
  useIdleLock(lock, sale.store);
  // The host's print queue, read again after each print of this screen and whenever the printer's state changes.
  const staffHere = useStore(sale.store, (s) => s.staff !== undefined);
  const locked = useStore(lock.store, (s) => s.lock !== undefined);
  const signedIn = staffHere && !locked;
  const printStatus = useStore(desk.store, (s) => s.print?.status);
  useEffect(() => {
    if (signedIn && printStatus !== 'printing') void waiting.refresh();
  }, [signedIn, printStatus, waiting]);
  useEffect(
    () =>
      services.bridge?.onDeviceStatus((status) => {
        if (status.kind === 'printer') void waiting.refresh();
      }),
    [services.bridge, waiting],
  );
  return { ...flows, restored };
}
