import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { priceCart } from '../../core/cart';
import { money } from '../../core/money';
import { useFormat } from '../../i18n/use-format';
import { createApprovalStore } from '../../state/approval-store';
import { keptCash } from '../../state/kept-tenders';
import { createOpenSaleKeeper, restoreOpenSale } from '../../state/open-sale';
import { createReceiptDesk } from '../../state/receipt-desk';
import { createSaleStore } from '../../state/sale-store';
import { listenForScans } from '../../state/scan-input';
import { useStoreSlice, useTillServices } from '../../state/services-context';
import { createWaitingReceipts } from '../../state/waiting-receipts';
import { Toasts } from '../../ui/kit/Toasts';
import { tillToasts } from '../../ui/kit/toast-store';
import { ApprovalPrompt } from './ApprovalPrompt';
import { CartLines } from './CartLines';
import { FunctionsDialog } from './FunctionsDialog';
import { PaymentPanel } from './PaymentPanel';
import { ReceiptPanel } from './ReceiptPanel';
import { ConnectedReturnIncidents } from './returns/ConnectedReturnIncidents';
import { ScanForm } from './ScanForm';
import { SignInPanel } from './SignInPanel';
import { TillMenu, useFunctionKey } from './TillMenu';
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
  // Supervisor/manager PIN approvals for every flow of the till: `approvals.require(staff, request)`.
  const [approvals] = useState(() => createApprovalStore(services));
  const state = useStore(sale.store);
  const print = useStore(desk.store, (s) => s.print);
  // The sale this till had open before a reload or a crash comes back first.
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void restoreOpenSale(sale, keeper, services.db, services.bridge).then((unsubscribe) => {
      if (gone) unsubscribe();
      else stop = unsubscribe;
      setRestored(true);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [sale, keeper, services]);
  const [waiting] = useState(() => createWaitingReceipts(services.bridge, desk.receiptPrinted));
  const till = useStoreSlice(services.syncStatus, (s) => s.till);
  const priced = priceCart(state.cart);
  const signedIn = state.staff !== undefined;
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

  // F12 takes the payment, as on the pay button; the menu's own keys are its entries'.
  const canPay = signedIn && priced.lines.length > 0 && state.payment === undefined;
  useFunctionKey(PAY_KEY, sale.startPayment, canPay);
  const lastLine = priced.lines[priced.lines.length - 1]?.line;
  // The till's function keys: each flow adds ONE entry here (see till-menu.ts).
  const flows: TillMenuEntry[] = [
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
  ];
  const [functionsOpen, setFunctionsOpen] = useState(false);
  const menu: TillMenuEntry[] = [
    {
      id: 'functions',
      labelKey: 'cashierLayout.functions',
      shortcut: 'F1',
      onSelect: () => setFunctionsOpen(true),
    },
    ...flows,
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
          {state.staff && (
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
      ) : !state.staff ? (
        <SignInPanel onSignIn={sale.signIn} problem={state.problem} />
      ) : (
        <div className="till-layout">
          <section className="basket">
            <ScanForm onScan={sale.scan} disabled={state.payment !== undefined} />
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
          </aside>
          <TillMenu entries={menu} />
          {functionsOpen && <FunctionsDialog entries={flows} onClose={() => setFunctionsOpen(false)} />}
        </div>
      )}
      <ApprovalPrompt approvals={approvals} />
    </main>
  );
}
