import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenSet } from '../core/runtime/screen-sets';
import { ConnectedStatusBar } from '../ui/ConnectedStatusBar';
import { CashierScreen } from './cashier/CashierScreen';
import { KioskScreen } from './kiosk/KioskScreen';
import { PickupScreen } from './pickup/PickupScreen';

const SCREENS = {
  cashier: CashierScreen,
  kiosk: KioskScreen,
  pickup: PickupScreen,
} as const satisfies Record<ScreenSet, () => ReactElement>;

export function App({ screenSet }: { readonly screenSet: ScreenSet | undefined }) {
  if (!screenSet) return <Chooser />;
  const Screen = SCREENS[screenSet];
  return (
    <div className="app">
      <Screen />
      {/* Customers never see the till's status bar: the kiosk words problems for them, details in its staff corner. */}
      {screenSet === 'kiosk' ? null : <ConnectedStatusBar />}
    </div>
  );
}

function Chooser() {
  const { t } = useTranslation();
  return (
    <main className="screen chooser">
      <h1>{t('chooser.title')}</h1>
      <nav>
        <a href="/cashier">{t('chooser.cashier')}</a>
        <a href="/kiosk">{t('chooser.kiosk')}</a>
        <a href="/pickup">{t('chooser.pickup')}</a>
      </nav>
    </main>
  );
}
