import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { KioskState, KioskStore } from '../../state/kiosk-store';

export const KioskContext = createContext<KioskStore | undefined>(undefined);

export function useKiosk(): KioskStore {
  const kiosk = useContext(KioskContext);
  if (!kiosk) throw new Error('useKiosk outside <KioskContext>');
  return kiosk;
}

export function useKioskState<T>(select: (state: KioskState) => T): T {
  return useStore(useKiosk().store, select);
}
