import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { priceCart, unitsOf } from '../../core/cart';
import { money } from '../../core/money';
import { useFormat } from '../../i18n/use-format';
import { keptCash } from '../../state/kept-tenders';
import { listenForScans, routeScan } from '../../state/scan-input';
import { useStoreSlice, useTillServices } from '../../state/services-context';
import { tillModals } from '../../ui/kit/modal-stack';
import { Toasts } from '../../ui/kit/Toasts';
import { LockScreen } from '../../ui/staff/LockScreen';
import { SignInPanel } from '../../ui/staff/SignInPanel';
import { ApprovalPrompt } from './ApprovalPrompt';
import { CartLines } from './CartLines';
import { cashierMenuEntries } from './cashier-menu';
import { FunctionsDialog } from './FunctionsDialog';
import { PaymentPanel } from './PaymentPanel';
import { ReceiptPanel } from './ReceiptPanel';
import { ConnectedReturnIncidents } from './returns/ConnectedReturnIncidents';
import { ReturnPanel } from './returns/ReturnPanel';
import { ScanForm } from './ScanForm';
import { SaleEditingPanel } from './sale/SaleEditingPanel';
import { SalePadFor } from './sale/SalePad';
import { ProductSearch } from './search/ProductSearch';
import { ShiftBeside, ShiftScreen, shiftTakesOver } from './shift/ShiftArea';
import { NoSaleDialog } from './staff/NoSaleDialog';
import { TillMenu, useFunctionKey } from './TillMenu';
import { KioskTicketNotice } from './tickets/KioskTicketNotice';
import { PickupOrderNotice } from './tickets/PickupOrderNotice';
import { TicketDialogs } from './tickets/TicketDialogs';
import type { TillMenuEntry } from './till-menu';
import { useCashierFlows } from './use-cashier-flows';
import { WaitingReceiptsList } from './WaitingReceiptsList';

const PAY_KEY = 'F12';

export function CashierScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const services = useTillServices();
  const cashier = useCashierFlows(services);
  const {
    sale,
    desk,
    approvals,
    signIn,
    lock,
    noSale,
    editing,
    returns,
    tickets: flows,
    productSearch,
    waiting,
    shift,
    restored,
  } = cashier;
  const locked = useStore(lock.store, (s) => s.lock !== undefined);
  const state = useStore(sale.store);
  const returnsOpen = useStore(returns.store, (s) => s.open);
  const print = useStore(desk.store, (s) => s.print);
  const shiftState = useStore(shift.store);
  const till = useStoreSlice(services.syncStatus, (s) => s.till);
  const priced = priceCart(state.cart);
  const signedIn = state.staff !== undefined && !locked;
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

  // F12 takes the payment, as on the pay button; the menu's own keys are its entries'.
  const canPay = signedIn && priced.lines.length > 0 && state.payment === undefined;
  useFunctionKey(PAY_KEY, sale.startPayment, canPay);
  // The till's function keys: each flow's entries (cashier-menu.ts), and F1 to list them all.
  const menuEntries = cashierMenuEntries(cashier, {
    paying: state.payment !== undefined,
    basketEmpty: priced.lines.length === 0,
    lastLine: priced.lines[priced.lines.length - 1]?.line,
  });
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
            <PickupOrderNotice orders={flows.pickupOrders} locked={state.payment !== undefined} />
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
              <ReceiptPanel completed={state.completed} desk={desk} behindDialog={returnsOpen} />
            ) : (
              <section className="totals" aria-label={t('cashierLayout.totals')}>
                <p className="total">
                  <span className="total-label">{t('till.total')}</span>
                  <strong data-testid="cart-total">{format.money(priced.totals.total)}</strong>
                </p>
                <p className="article-count" data-testid="article-count">
                  {t('cashierLayout.articleCount', {
                    count: priced.lines.reduce((n, priced) => n + unitsOf(priced.line.measure), 0),
                  })}
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
