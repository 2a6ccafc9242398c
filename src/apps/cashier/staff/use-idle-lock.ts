import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { SessionLockStore } from '../../../state/session-lock-store';

/**
 * Feeds the till's activity to the idle lock: keys, touches and clicks on the
 * page, and every change of the sale (a scan from the bridge too); and runs
 * the idle check.
 */
export function useIdleLock(lock: SessionLockStore, sale: StoreApi<unknown>): void {
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
