import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { priceCart } from '../../core/cart';
import { money } from '../../core/money';
import { useFormat } from '../../i18n/use-format';
import { createApprovalStore } from '../../state/approval-store';
import { keptCash } from '../../state/kept-tenders';
import { createNoSaleStore } from '../../state/no-sale-store';
import { createOpenSaleKeeper, restoreOpenSale } from '../../state/open-sale';
import { createPinGuard } from '../../state/pin-guard';
import { createProductSearchStore } from '../../state/product-search-store';
import { createReceiptDesk } from '../../state/receipt-desk';
import { createReturnStore } from '../../state/return-store';
import { createSaleStore } from '../../state/sale-store';
import { listenForScans, routeScan } from '../../state/scan-input';
import { useStoreSlice, useTillServices } from '../../state/services-context';
import { createSessionLockStore } from '../../state/session-lock-store';
import { createShiftStore } from '../../state/shift-store';
import { createSignInStore } from '../../state/sign-in-store';
import { storeSaleFinder } from '../../state/store-sale-finder';
import { createWaitingReceipts } from '../../state/waiting-receipts';
import { tillModals } from '../../ui/kit/modal-stack';
import { Toasts } from '../../ui/kit/Toasts';
import { tillToasts } from '../../ui/kit/toast-store';
import { ApprovalPrompt } from './ApprovalPrompt';
import { CartLines } from './CartLines';
import { FunctionsDialog } from './FunctionsDialog';
import { PaymentPanel } from './PaymentPanel';
import { ReceiptPanel } from './ReceiptPanel';

import { ConnectedReturnIncidents } from './returns/ConnectedReturnIncidents';
import { ReturnPanel } from './returns/ReturnPanel';
import { ScanForm } from './ScanForm';
import { SignInPanel } from './SignInPanel';
import { SaleEditingPanel } from './sale/SaleEditingPanel';
import { SalePadFor } from './sale/SalePad';
import { saleMenuEntries } from './sale/sale-menu';
import { useSaleEditing } from './sale/use-sale-editing';
import { ProductSearch } from './search/ProductSearch';
import { ShiftBeside, ShiftScreen, shiftTakesOver } from './shift/ShiftArea';
import { LockScreen } from './staff/LockScreen';
import { NoSaleDialog } from './staff/NoSaleDialog';
import { useIdleLock } from './staff/use-idle-lock';
import { TillMenu, useFunctionKey } from './TillMenu';
import { KioskTicketNotice } from './tickets/KioskTicketNotice';
import { TicketDialogs } from './tickets/TicketDialogs';
import { useTicketFlows } from './tickets/use-ticket-flows';
import type { TillMenuEntry } from './till-menu';
import { WaitingReceiptsList } from './WaitingReceiptsList';

const PAY_KEY = 'F12';

export function CashierScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const services = useTillServices();
  const [keeper] = useState(() => createOpenSaleKeeper(services.db));
  const [desk] = useState(() => createReceiptDesk(services));
  const [sale] = useState(() => createSaleStore(services, desk, keeper));
  // Wrong PINs count per person wherever typed: one guard for sign-in, unlock and approvals.
  const [pinGuard] = useState(() => createPinGuard(services));
  // Supervisor/manager PIN approvals for every flow of the till: `approvals.require(staff, request)`.
  const [approvals] = useState(() => createApprovalStore({ ...services, pinGuard }));
  const [signIn] = useState(() => createSignInStore({ ...services, pinGuard }, sale.signInAs));
  const [lock] = useState(() =>
    createSessionLockStore(
      { ...services, pinGuard },
      {
        current: () => sale.store.getState().staff,
        resumeAs: (staff) => void sale.signInAs(staff),
        busy: () =>
          sale.store.getState().card !== undefined || approvals.store.getState().pending !== undefined,
      },
    ),
  );
  const [noSale] = useState(() => createNoSaleStore(services, approvals, () => sale.store.getState().staff));
  const locked = useStore(lock.store, (s) => s.lock !== undefined);
  // The everyday sale: quantities, prices, discounts, quick keys, parked sales (src/apps/cashier/sale).
  const editing = useSaleEditing(sale, services.db, approvals);
  // Returns and exchanges (src/state/return-store.ts): the till menu's "Retour".
  const [returns] = useState(() =>
    createReturnStore({
      ...services,
      till: { storeCode: services.sync.identity.storeCode, tillCode: services.sync.identity.tillCode },
      approvals,
      findStoreSale: storeSaleFinder(services.db, services.sync.lookupSale),
      basketTotal: () => priceCart(sale.store.getState().cart).totals.total,
      takeExchangeCredit: (credit) => sale.takeExchangeCredit(credit),
    }),
  );
  // Kiosk tickets and gift vouchers (tickets/): their scan path sits in front of the sale's.
  const flows = useTicketFlows(services, sale, editing.lineEdit.submit);
  const state = useStore(sale.store);
  const [productSearch] = useState(() =>
    createProductSearchStore({
      searchProducts: services.searchProducts,
      addProduct: sale.addProduct,
      scan: sale.scan,
    }),
  );
  const print = useStore(desk.store, (s) => s.print);
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
  const [waiting] = useState(() => createWaitingReceipts(services.bridge, desk.receiptPrinted));
  const [shift] = useState(() => createShiftStore(services, approvals));
  useEffect(() => {
    void shift.load();
    return shift.dispose;
  }, [shift]);
  const shiftState = useStore(shift.store);
  const till = useStoreSlice(services.syncStatus, (s) => s.till);
  const priced = priceCart(state.cart);
  const signedIn = state.staff !== undefined && !locked;
  useIdleLock(lock, sale.store);
  const staffMenu: TillMenuEntry[] = [
    { id: 'no-sale', labelKey: 'noSale.menu', onSelect: noSale.start },
    { id: 'lock', labelKey: 'lock.menu', shortcut: 'F11', onSelect: () => void lock.lock() },
  ];
  // Scanners (keyboard wedge, HID, serial) feed the same path as the scan field, once a cashier is signed in.
  // Under a modal dialog the dialog takes the code or ignores it (scan-input.ts); a shift screen in the
  // till's place (open the till, a report) has no basket to add to.
  useEffect(
    () =>
      signedIn
        ? listenForScans(services.bridge, (scan) => {
            if (shiftTakesOver(shift.store.getState())) return;
            routeScan(scan, tillModals.onTop(), (toSale) => void flows.scan(toSale.data));
          })
        : undefined,
    [signedIn, services.bridge, flows, shift],
  );
  // The host's print queue, read again after each print of this screen and whenever the printer's state changes.
  const printStatus = print?.status;
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

  // F12 takes the payment, as on the pay button; the menu's own keys are its entries'.
  const canPay = signedIn && priced.lines.length > 0 && state.payment === undefined;
  useFunctionKey(PAY_KEY, sale.startPayment, canPay);
  const lastLine = priced.lines[priced.lines.length - 1]?.line;
  // The till's function keys: each flow adds its entries here (see till-menu.ts).
  const menuEntries: TillMenuEntry[] = [
    {
      id: 'void-last',
      labelKey: 'cashierLayout.voidLast',
      shortcut: 'F6',
      disabled: lastLine === undefined || state.payment !== undefined,
      onSelect: () => {
        if (!lastLine) return;
        sale.voidLine(lastLine.lineId);
        const stillThere = priceCart(sale.store.getState().cart).lines.some(
          ({ line }) => line.lineId === lastLine.lineId,
        );
        if (!stillThere) tillToasts.info(t('cashierLayout.voided', { name: lastLine.name }));
      },
    },
    ...saleMenuEntries(editing, {
      paying: state.payment !== undefined,
      basketEmpty: priced.lines.length === 0,
    }),
    {
      id: 'search',
      labelKey: 'productSearch.open',
      shortcut: 'F3',
      onSelect: productSearch.openSearch,
      disabled: state.payment !== undefined,
    },
    {
      id: 'returns',
      labelKey: 'returns.menu',
      shortcut: 'F4',
      onSelect: returns.open,
      disabled: state.payment !== undefined,
    },
    {
      id: 'shift',
      labelKey: 'shifts.menu.label',
      shortcut: 'F9',
      onSelect: () => shift.show('menu'),
    },
    {
      id: 'voucher-sale',
      labelKey: 'vouchers.menu',
      onSelect: flows.vouchers.openSell,
      disabled: state.payment !== undefined,
    },
    ...staffMenu,
  ];
  const [functionsOpen, setFunctionsOpen] = useState(false);
  const menu: TillMenuEntry[] = [
    {
      id: 'functions',
      labelKey: 'cashierLayout.functions',
      shortcut: 'F1',
      onSelect: () => setFunctionsOpen(true),
    },
    ...menuEntries,
  ];

  return (
    <main className="screen cashier">
      <header className="till-header">
        <h1>{t('till.title')}</h1>
        <span className="till-where">
          {t('till.where', {
            store: till?.storeCode ?? services.config.storeCode,
            till: till?.tillCode ?? services.config.tillCode,
          })}
          {state.staff && !locked && (
            <>
              {' · '}
              <span data-testid="cashier-name">{state.staff.displayName}</span>{' '}
              <button type="button" className="secondary" onClick={sale.signOut}>
                {t('till.signOut')}
              </button>
            </>
          )}
        </span>
      </header>
      {!restored ? (
        <p role="status" data-testid="restoring-sale">
          {t('openSale.restoring')}
        </p>
      ) : locked ? (
        <LockScreen lock={lock} />
      ) : !state.staff ? (
        <SignInPanel signIn={signIn} problem={state.problem} />
      ) : shiftTakesOver(shiftState) ? (
        <ShiftScreen shift={shift} staff={state.staff} />
      ) : (
        <div className="till-layout">
          <section className="basket">
            <ScanForm
              onScan={flows.scan}
              onTyped={editing.lineEdit.typed}
              disabled={state.payment !== undefined}
            />
            <KioskTicketNotice tickets={flows.tickets} locked={state.payment !== undefined} />
            <ProductSearch search={productSearch} disabled={state.payment !== undefined} />
            <Toasts />
            {print?.status === 'queued' && !(state.completed && priced.lines.length === 0) && (
              <p className="print-status print-queued" data-testid="receipt-waiting" role="status">
                {print.message}{' '}
                <button type="button" data-testid="reprint-waiting" onClick={() => void desk.retryPrint()}>
                  {t('till.reprint')}
                </button>
              </p>
            )}
            <WaitingReceiptsList waiting={waiting} />
            <ConnectedReturnIncidents db={services.db} role={state.staff.role} />
            {state.problem && (
              <p className="error" role="alert" data-testid="lookup-error">
                {state.problem}
              </p>
            )}
            <CartLines
              priced={priced}
              onVoid={sale.voidLine}
              // A kiosk order's lines are the signed order's: paid as they are, or dropped together.
              locked={state.payment !== undefined || state.links.kioskOrder !== undefined}
              selectedLineId={editing.lineEdit.targetLine()?.lineId}
              onSelect={editing.lineEdit.select}
            />
            <SaleEditingPanel editing={editing} paying={state.payment !== undefined} />
            {state.kept.length > 0 && !state.payment && (
              <p className="kept-cash" data-testid="kept-cash">
                {t('openSale.keptCash')} :{' '}
                <strong data-testid="kept-cash-amount">
                  {format.money(keptCash(state.kept, state.cart.currency))}
                </strong>
                . {t('openSale.keptCashHint')}{' '}
                <strong data-testid="kept-cash-remaining">
                  {t('openSale.remaining', {
                    amount: format.money(
                      money(
                        Math.max(
                          0,
                          priced.totals.total.minor - keptCash(state.kept, state.cart.currency).minor,
                        ),
                        state.cart.currency,
                      ),
                    ),
                  })}
                </strong>
              </p>
            )}
            <NoSaleDialog noSale={noSale} />
          </section>
          <aside className="side">
            {state.payment ? (
              <PaymentPanel
                payment={state.payment}
                card={state.card}
                cardAvailable={services.bridge !== undefined}
                onCash={sale.payCash}
                onCard={sale.payCard}
                onAbortCard={sale.abortCardPayment}
                onCheckCard={sale.checkCardPayment}
                onResolveCard={(resolution) => sale.resolveCardPayment(resolution, approvals)}
                onCancel={sale.cancelPayment}
                onVoucher={flows.vouchers.openRedeem}
              />
            ) : state.completed && priced.lines.length === 0 ? (
              <ReceiptPanel completed={state.completed} desk={desk} />
            ) : (
              <section className="totals" aria-label={t('cashierLayout.totals')}>
                <p className="total">
                  <span className="total-label">{t('till.total')}</span>
                  <strong data-testid="cart-total">{format.money(priced.totals.total)}</strong>
                </p>
                <p className="article-count" data-testid="article-count">
                  {t('cashierLayout.articleCount', { count: priced.lines.length })}
                </p>
                {priced.totals.totalDiscount.minor > 0 && (
                  <p className="total-discounts">
                    {t('till.discounts')} : {format.money(priced.totals.totalDiscount)}
                  </p>
                )}
                <button
                  type="button"
                  className="start-payment"
                  data-testid="start-payment"
                  aria-keyshortcuts={PAY_KEY}
                  disabled={priced.lines.length === 0}
                  onClick={sale.startPayment}
                >
                  <span>{t('till.pay')}</span>
                  <kbd className="till-menu-key">{PAY_KEY}</kbd>
                </button>
              </section>
            )}
            {/* The receipt question keeps the side column to itself. */}
            {!state.payment && !(state.completed && priced.lines.length === 0) && (
              <SalePadFor editing={editing} />
            )}
          </aside>
          <TillMenu entries={menu} />
          {functionsOpen && <FunctionsDialog entries={menuEntries} onClose={() => setFunctionsOpen(false)} />}
        </div>
      )}
      {state.staff && !shiftTakesOver(shiftState) && (
        <ShiftBeside
          shift={shift}
          staff={state.staff}
          saleInProgress={priced.lines.length > 0 || !!state.payment}
        />
      )}
      {state.staff && <ReturnPanel returns={returns} staff={state.staff} />}
      <TicketDialogs flows={flows} currency={state.cart.currency} />
      <ApprovalPrompt approvals={approvals} />
    </main>
  );
}
