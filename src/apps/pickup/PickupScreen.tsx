import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { listenForScans, routeScan } from '../../state/scan-input';
import { useStoreSlice, useTillServices } from '../../state/services-context';
import { tillModals } from '../../ui/kit/modal-stack';
import { LockScreen } from '../../ui/staff/LockScreen';
import { SignInPanel } from '../../ui/staff/SignInPanel';
import { DeskList } from './DeskList';
import { HandoverPanel } from './HandoverPanel';
import { OrderDetails } from './OrderDetails';
import { PreparePanel } from './PreparePanel';
import { usePickupDesk } from './use-pickup-desk';
import './pickup.css';

/**
 * The pickup desk: staff sign in with their PIN, then the store's
 * click-and-collect orders, found by a scan or a search, prepared and handed
 * over by scanning. Scanners feed the flow on screen (pickup-desk-store.ts).
 */
export function PickupScreen() {
  const { t } = useTranslation();
  const services = useTillServices();
  const parts = usePickupDesk(services);
  const { desk, signIn, lock } = parts;
  const state = useStore(desk.store);
  const locked = useStore(lock.store, (s) => s.lock !== undefined);
  const till = useStoreSlice(services.syncStatus, (s) => s.till);
  // Scans reach the desk's flow only while someone is signed in and the desk is not locked.
  const signedIn = state.staff !== undefined && !locked;
  useEffect(
    () =>
      signedIn
        ? listenForScans(services.bridge, (scan) => {
            routeScan(scan, tillModals.onTop(), (toDesk) => void desk.scan(toDesk.data));
          })
        : undefined,
    [signedIn, services.bridge, desk],
  );

  return (
    <main className="screen pickup">
      <header className="till-header">
        <h1>{t('pickupApp.title')}</h1>
        <span className="till-where">
          {t('till.where', {
            store: till?.storeCode ?? services.config.storeCode,
            till: till?.tillCode ?? services.config.tillCode,
          })}
          {state.staff && !locked && (
            <>
              {' · '}
              <span data-testid="pickup-staff">
                {t('pickupApp.signedInAs', { name: state.staff.displayName })}
              </span>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => void lock.lock('manual')}
                data-testid="pickup-lock"
              >
                {t('pickupApp.lock')}
              </button>{' '}
              <button type="button" className="secondary" onClick={desk.signOut}>
                {t('pickupApp.signOut')}
              </button>
            </>
          )}
        </span>
      </header>
      {locked ? (
        <LockScreen lock={lock} place="desk" />
      ) : !state.staff ? (
        <SignInPanel signIn={signIn} problem={undefined} />
      ) : (
        <div className="pickup-layout">
          <DeskList parts={parts} />
          <section className="pickup-detail" aria-live="polite">
            {state.view.kind === 'prepare' ? (
              <PreparePanel parts={parts} />
            ) : state.view.kind === 'handover' ? (
              <HandoverPanel parts={parts} staffId={state.staff.id} />
            ) : state.view.kind === 'order' ? (
              <OrderDetails parts={parts} orderId={state.view.orderId} />
            ) : (
              <p className="pickup-intro">{t('pickupApp.find.hint')}</p>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
