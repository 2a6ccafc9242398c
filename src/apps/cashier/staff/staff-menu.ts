import type { NoSaleStore } from '../../../state/no-sale-store';
import type { SessionLockStore } from '../../../state/session-lock-store';
import type { TillMenuEntry } from '../till-menu';

/** Opening the drawer without a sale (a reason, and an approval when the role needs one); no key. */
export function noSaleMenuEntries(noSale: Pick<NoSaleStore, 'start'>): TillMenuEntry[] {
  return [{ id: 'no-sale', labelKey: 'noSale.menu', onSelect: noSale.start }];
}

/** Locking the till while the cashier steps away (F11). */
export function lockMenuEntries(lock: Pick<SessionLockStore, 'lock'>): TillMenuEntry[] {
  return [{ id: 'lock', labelKey: 'lock.menu', shortcut: 'F11', onSelect: () => void lock.lock() }];
}
