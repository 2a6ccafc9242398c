import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { setLanguage } from '../../i18n/i18n';
import { kioskWords } from '../../i18n/kiosk-words';
import { newId } from '../../state/ids';
import { kioskIdleSettings } from '../../state/kiosk-idle';
import { cartCount, type KioskStep } from '../../state/kiosk-path';
import {
  createKioskStore,
  KIOSK_STOCK_NOTICES,
  type KioskNotice,
  type KioskShortLine,
  type KioskStockNotice,
} from '../../state/kiosk-store';
import { createPinGuard } from '../../state/pin-guard';
import { listenForScans } from '../../state/scan-input';
import { useStoreSlice, useTillServices } from '../../state/services-context';
import { IdleWarning } from './IdleWarning';
import { KioskExitDialog } from './KioskExitDialog';
import { KioskContext } from './kiosk-context';
import {
  createKioskPorts,
  kioskSettingsOf,
  prepareKioskDeviceKey,
  startReceiptMailPasses,
} from './kiosk-ports';
import { StaffCorner } from './StaffCorner';
import { StaffDetails } from './StaffDetails';
import { AttractScreen } from './screens/AttractScreen';
import { CartScreen } from './screens/CartScreen';
import { ContactScreen } from './screens/ContactScreen';
import { DeliveryScreen } from './screens/DeliveryScreen';
import { DoneScreen } from './screens/DoneScreen';
import { FindScreen } from './screens/FindScreen';
import { LanguageChoice } from './screens/LanguageChoice';
import { PaymentChecking } from './screens/PaymentChecking';
import { PayScreen } from './screens/PayScreen';
import { ProductScreen } from './screens/ProductScreen';
import { beep, useKioskIdle } from './use-kiosk-idle';
import './kiosk.css';

// The self-service kiosk (endless aisle): the customer's path from the
// attract screen to the confirmation, in the customer's language, with no
// till machinery in sight. Device and sync problems reach customers as plain
// words; the details are in the staff corner, behind a manager's PIN.

const PROGRESS = [
  'find',
  'cart',
  'delivery',
  'contact',
  'pay',
  'done',
] as const satisfies readonly KioskStep[];

export function KioskScreen() {
  const services = useTillServices();
  const { t, i18n } = useTranslation();
  const cardAvailable = useStoreSlice(
    services.deviceStatus,
    (s) =>
      s.hostConnected === true &&
      Object.values(s.devices).some(
        (d) => d.kind === 'payment-terminal' && (d.state === 'connected' || d.state === 'degraded'),
      ),
  );
  const [kiosk] = useState(() =>
    createKioskStore({
      ports: createKioskPorts(services),
      bridge: services.bridge,
      newId,
      now: () => new Date(),
      cardAvailable: () => {
        const s = services.deviceStatus.getState();
        return (
          s.hostConnected === true &&
          Object.values(s.devices).some(
            (d) => d.kind === 'payment-terminal' && (d.state === 'connected' || d.state === 'degraded'),
          )
        );
      },
      hostUp: () => services.deviceStatus.getState().hostConnected === true,
      setLanguage: (language) => void setLanguage(language),
      readyWords: (view, language) =>
        view.fulfilment === 'home-delivery'
          ? i18n.t('kioskApp.print.deliveredBy', { lng: language, day: view.readyBy })
          : i18n.t('kioskApp.print.pickupFrom', {
              lng: language,
              name: view.storeName ?? '',
              day: view.readyBy,
            }),
    }),
  );
  const [guard] = useState(() => createPinGuard(services));
  // Only what this frame shows: a keystroke in the find screen (query, results) re-renders that screen alone.
  const path = useStore(kiosk.store, (s) => s.path);
  const payment = useStore(kiosk.store, (s) => s.payment);
  const notice = useStore(kiosk.store, (s) => s.notice);
  const shortages = useStore(kiosk.store, (s) => s.shortages);
  const [exiting, setExiting] = useState(false);
  const [details, setDetails] = useState(false);
  const [settings, setSettings] = useState(() => kioskIdleSettings());

  useEffect(() => {
    prepareKioskDeviceKey(services);
    void kioskSettingsOf(services).then(setSettings);
    void kiosk.loadCategories();
    void kiosk.resumePending();
    // The kiosk's language follows the customer's choice, French by default.
    void setLanguage(kiosk.store.getState().path.language);
  }, [services, kiosk]);

  useEffect(() => startReceiptMailPasses(services), [services]);

  useEffect(
    () => listenForScans(services.bridge, (scan) => void kiosk.scan(scan.data)),
    [services.bridge, kiosk],
  );

  const idle = useKioskIdle(settings, path.step === 'attract' || payment.phase !== 'idle', {
    onWarn: beep,
    onReset: () => {
      setExiting(false);
      setDetails(false);
      kiosk.reset();
    },
  });

  // A payment kept from before a reload is settled before anything else: no cart to show then.
  const resuming = path.step !== 'pay' && (payment.phase === 'checking' || payment.phase === 'stuck');
  const shownStep: KioskStep = resuming ? 'pay' : path.step;

  const classes = [
    'kiosk',
    `kiosk-step-${path.step}`,
    path.access.highContrast ? 'kiosk-contrast' : '',
    path.access.largeText ? 'kiosk-large' : '',
    path.access.lowerLayout ? 'kiosk-lower' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <KioskContext value={kiosk}>
      <main className={classes} data-testid="kiosk" data-step={path.step} lang={path.language}>
        {path.access.lowerLayout ? (
          <div className="kiosk-lower-top" aria-hidden="true">
            <span className="kiosk-lower-brand">{t('kioskApp.title')}</span>
          </div>
        ) : null}
        <div className="kiosk-frame">
          {path.step !== 'attract' ? (
            <header className="kiosk-header">
              <nav className="kiosk-progress" aria-label={t('kioskApp.nav.steps')}>
                <ol>
                  {PROGRESS.map((step) => (
                    <li
                      key={step}
                      aria-current={
                        shownStep === step || (step === 'find' && shownStep === 'product')
                          ? 'step'
                          : undefined
                      }
                    >
                      {t(`kioskApp.nav.step.${step}`)}
                    </li>
                  ))}
                </ol>
              </nav>
              <div className="kiosk-header-actions">
                <LanguageChoice compact />
                {path.step !== 'done' && !resuming ? (
                  <button
                    type="button"
                    className="kiosk-cart-button"
                    data-testid="kiosk-cart-button"
                    disabled={payment.phase !== 'idle'}
                    onClick={() => kiosk.go('cart')}
                  >
                    {t('kioskApp.nav.cart', { count: cartCount(path.cart) })}
                  </button>
                ) : null}
                {path.step !== 'done' ? (
                  <button
                    type="button"
                    className="kiosk-secondary kiosk-restart"
                    data-testid="kiosk-restart"
                    disabled={payment.phase !== 'idle'}
                    onClick={() => kiosk.reset()}
                  >
                    {t('kioskApp.nav.restart')}
                  </button>
                ) : null}
              </div>
            </header>
          ) : null}
          {notice ? (
            <NoticeBanner
              notice={notice}
              shortages={shortages}
              onCart={path.step === 'cart' ? undefined : () => kiosk.go('cart')}
              onDismiss={kiosk.dismissNotice}
            />
          ) : null}
          <div className="kiosk-body">
            {resuming ? (
              <section className="kiosk-pay" aria-labelledby="kiosk-resume-title" data-testid="kiosk-resume">
                <h1 id="kiosk-resume-title">{t('kioskApp.pay.title')}</h1>
                <PaymentChecking />
              </section>
            ) : (
              <Step step={path.step} cardAvailable={cardAvailable} />
            )}
          </div>
          {!cardAvailable && path.step !== 'pay' && path.step !== 'done' ? (
            <p className="kiosk-footnote" data-testid="kiosk-card-unavailable-note">
              {t('kioskApp.notice.card-unavailable')}
            </p>
          ) : null}
        </div>
        <StaffCorner onGesture={() => setExiting(true)} />
        {exiting ? (
          <KioskExitDialog
            onClose={() => setExiting(false)}
            onDetails={() => {
              setExiting(false);
              setDetails(true);
            }}
          />
        ) : null}
        {details ? <StaffDetails guard={guard} onClose={() => setDetails(false)} /> : null}
        {idle.view.phase === 'warning' ? (
          <IdleWarning secondsLeft={idle.view.secondsLeft} onContinue={idle.stillHere} />
        ) : null}
      </main>
    </KioskContext>
  );
}

function Step({ step, cardAvailable }: { readonly step: KioskStep; readonly cardAvailable: boolean }) {
  switch (step) {
    case 'attract':
      return <AttractScreen />;
    case 'find':
      return <FindScreen />;
    case 'product':
      return <ProductScreen />;
    case 'cart':
      return <CartScreen />;
    case 'delivery':
      return <DeliveryScreen />;
    case 'contact':
      return <ContactScreen />;
    case 'pay':
      return <PayScreen cardAvailable={cardAvailable} />;
    case 'done':
      return <DoneScreen />;
  }
}

const isStockNotice = (notice: KioskNotice): notice is KioskStockNotice => notice in KIOSK_STOCK_NOTICES;

function NoticeBanner({
  notice,
  shortages,
  onCart,
  onDismiss,
}: {
  readonly notice: KioskNotice;
  readonly shortages: readonly KioskShortLine[];
  /** Where the customer changes what the stock refused. */
  readonly onCart: (() => void) | undefined;
  readonly onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const changeCart = notice === 'stock-short' || notice === 'reservation-conflict';
  return (
    <div className="kiosk-notice" role="alert" data-testid="kiosk-notice" data-notice={notice}>
      <div className="kiosk-notice-words">
        <p>
          {isStockNotice(notice)
            ? kioskWords('refusal', KIOSK_STOCK_NOTICES[notice])
            : t(`kioskApp.notice.${notice}`)}
        </p>
        {notice === 'stock-short' && shortages.length > 0 ? (
          <ul className="kiosk-notice-shortages" data-testid="kiosk-notice-shortages">
            {shortages.map((short) => (
              <li key={short.productId} data-product-id={short.productId}>
                {t('kioskApp.notice.shortage', { name: short.name, count: short.available })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {changeCart && onCart ? (
        <button type="button" className="kiosk-primary" data-testid="kiosk-notice-cart" onClick={onCart}>
          {t('kioskApp.notice.toCart')}
        </button>
      ) : null}
      <button
        type="button"
        className="kiosk-secondary"
        data-testid="kiosk-notice-dismiss"
        onClick={onDismiss}
      >
        {t('kioskApp.notice.dismiss')}
      </button>
    </div>
  );
}
