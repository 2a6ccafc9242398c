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
import { createReceiptDesk } from '../../state/receipt-desk';
import { createSaleStore } from '../../state/sale-store';
import { listenForScans } from '../../state/scan-input';
import { useStoreSlice, useTillServices } from '../../state/services-context';
import { createSessionLockStore } from '../../state/session-lock-store';
import { createSignInStore } from '../../state/sign-in-store';
import { createWaitingReceipts } from '../../state/waiting-receipts';
import { ApprovalPrompt } from './ApprovalPrompt';
import { CartLines } from './CartLines';
import { PaymentPanel } from './PaymentPanel';
import { ReceiptPanel } from './ReceiptPanel';
import { ScanForm } from './ScanForm';
import { SignInPanel } from './SignInPanel';
import { LockScreen } from './staff/LockScreen';
import { NoSaleDialog } from './staff/NoSaleDialog';
import { useIdleLock } from './staff/use-idle-lock';
import { TillMenu } from './TillMenu';
import type { TillMenuEntry } from './till-menu';
import { WaitingReceiptsList } from './WaitingReceiptsList';

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
  const state = useStore(sale.store);
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
  const till = useStoreSlice(services.syncStatus, (s) => s.till);
  const priced = priceCart(state.cart);
  const signedIn = state.staff !== undefined && !locked;
  useIdleLock(lock, sale.store);
  const menu: TillMenuEntry[] = [
    { id: 'no-sale', labelKey: 'noSale.menu', shortcut: 'F11', onSelect: noSale.start },
    { id: 'lock', labelKey: 'lock.menu', shortcut: 'F12', onSelect: () => void lock.lock() },
  ];
  // Scanners (keyboard wedge, HID, serial) feed the same path as the scan field, once a cashier is signed in.
  useEffect(
    () => (signedIn ? listenForScans(services.bridge, (scan) => void sale.scan(scan.data)) : undefined),
    [signedIn, services.bridge, sale],
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

  return (
    <main className="screen cashier">
      <header>
        <h1>{t('till.title')}</h1>
        <span>
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
      ) : (
        <div className="till-layout">
          <section className="basket">
            <ScanForm onScan={sale.scan} disabled={state.payment !== undefined} />
            {print?.status === 'queued' && !(state.completed && priced.lines.length === 0) && (
              <p className="print-status print-queued" data-testid="receipt-waiting" role="status">
                {print.message}{' '}
                <button type="button" data-testid="reprint-waiting" onClick={() => void desk.retryPrint()}>
                  {t('till.reprint')}
                </button>
              </p>
            )}
            <WaitingReceiptsList waiting={waiting} />
            {state.problem && (
              <p className="error" role="alert" data-testid="lookup-error">
                {state.problem}
              </p>
            )}
            <CartLines priced={priced} onVoid={sale.voidLine} locked={state.payment !== undefined} />
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
            <TillMenu entries={menu} />
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
                onResolveCard={sale.resolveCardPayment}
                onCancel={sale.cancelPayment}
              />
            ) : state.completed && priced.lines.length === 0 ? (
              <ReceiptPanel completed={state.completed} desk={desk} />
            ) : (
              <section className="totals">
                <p>
                  {t('till.total')} :{' '}
                  <strong data-testid="cart-total">{format.money(priced.totals.total)}</strong>
                </p>
                {priced.totals.totalDiscount.minor > 0 && (
                  <p>
                    {t('till.discounts')} : {format.money(priced.totals.totalDiscount)}
                  </p>
                )}
                <button
                  type="button"
                  data-testid="start-payment"
                  disabled={priced.lines.length === 0}
                  onClick={sale.startPayment}
                >
                  {t('till.pay')}
                </button>
              </section>
            )}
          </aside>
        </div>
      )}
      <ApprovalPrompt approvals={approvals} />
    </main>
  );
}
