import type { ReactElement } from 'react';
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
  if (!screenSet) {
    return (
      <main className="screen chooser">
        <h1>Choisir l’application</h1>
        <nav>
          <a href="/cashier">Caisse</a>
          <a href="/kiosk">Borne</a>
          <a href="/pickup">Retrait</a>
        </nav>
      </main>
    );
  }
  const Screen = SCREENS[screenSet];
  return (
    <div className="app">
      <Screen />
      <ConnectedStatusBar />
    </div>
  );
}
