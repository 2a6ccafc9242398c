import { useEffect } from 'react';
import type { SessionLockStore } from '../../state/session-lock-store';

/** Something whose changes mean the till is in use (the sale, a desk flow): a zustand store fits. */
export interface Activity {
  subscribe(listener: () => void): () => void;
}

/**
 * Feeds the till's activity to the idle lock: keys, touches and clicks on the
 * page, and every change of the sale or the desk's flow (a scan from the
 * bridge too); and runs the idle check.
 */
export function useIdleLock(lock: SessionLockStore, sale: Activity): void {
  useEffect(() => {
    const touch = () => lock.touch();
    window.addEventListener('keydown', touch, true);
    window.addEventListener('pointerdown', touch, true);
    const stopSale = sale.subscribe(touch);
    const stopWatch = lock.watchIdle();
    return () => {
      window.removeEventListener('keydown', touch, true);
      window.removeEventListener('pointerdown', touch, true);
      stopSale();
      stopWatch();
    };
  }, [lock, sale]);
}
