import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ScreenSet } from '../core/runtime/screen-sets';
import { loadRuntimeConfig } from '../platform/runtime-config-client';
import { TillServicesContext } from '../state/services-context';
import { startTillServices } from '../state/till-services';
import { createTillStartup } from '../state/till-startup';
import { StartScreen } from '../ui/StartScreen';
import { App } from './App';

/** The start screen while the till starts (or cannot), then the screen set itself. */
export function TillBoot({ screenSet }: { readonly screenSet: ScreenSet }) {
  const [startup] = useState(() => createTillStartup(screenSet, { loadRuntimeConfig, startTillServices }));
  const state = useStore(startup.store);
  useEffect(() => {
    void startup.start();
  }, [startup]);

  if (state.services) {
    return (
      <TillServicesContext value={state.services}>
        <App screenSet={screenSet} />
      </TillServicesContext>
    );
  }
  return (
    <StartScreen
      screenSet={screenSet}
      state={state}
      onRetry={() => void startup.start()}
      onPairingCode={(code) => void startup.start(code)}
    />
  );
}
