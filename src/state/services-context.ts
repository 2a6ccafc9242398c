import { createContext, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';
import type { TillServices } from './till-services';

export const TillServicesContext = createContext<TillServices | undefined>(undefined);

export function useTillServices(): TillServices {
  const services = useContext(TillServicesContext);
  if (!services) throw new Error('useTillServices outside <TillServicesContext>');
  return services;
}

/** Subscribes a component to one slice of a vanilla zustand store. */
export function useStoreSlice<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  return useStore(store, select);
}
