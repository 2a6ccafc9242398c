import { useEffect, useRef, useState } from 'react';
import { type KioskIdleSettings, type KioskIdleView, kioskIdleView } from '../../state/kiosk-idle';

const TICK_MS = 250;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * The idle clock of the kiosk (kiosk-idle.ts) on this page: any touch, key
 * or typing counts as activity; `paused` (a payment, or the attract screen)
 * stops it. Calls `onReset` once when the warning runs out, and `onWarn`
 * when the warning starts.
 */
export function useKioskIdle(
  settings: KioskIdleSettings,
  paused: boolean,
  { onWarn, onReset }: { readonly onWarn: () => void; readonly onReset: () => void },
): { readonly view: KioskIdleView; readonly stillHere: () => void } {
  const lastActivity = useRef(Date.now());
  const [view, setView] = useState<KioskIdleView>({ phase: 'active' });
  const handlers = useRef({ onWarn, onReset });
  handlers.current = { onWarn, onReset };
  const pausedRef = useRef(paused);

  useEffect(() => {
    // Coming out of a pause (a payment ended) starts the clock from now.
    if (pausedRef.current && !paused) lastActivity.current = Date.now();
    pausedRef.current = paused;
  }, [paused]);

  useEffect(() => {
    const seen = () => {
      lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY_EVENTS)
      document.addEventListener(type, seen, { capture: true, passive: true });
    let previous: KioskIdleView['phase'] = 'active';
    const timer = setInterval(() => {
      const next = kioskIdleView(Date.now(), lastActivity.current, settings, pausedRef.current);
      setView((current) =>
        current.phase === next.phase &&
        (next.phase !== 'warning' ||
          (current.phase === 'warning' && current.secondsLeft === next.secondsLeft))
          ? current
          : next,
      );
      if (next.phase === 'warning' && previous !== 'warning') handlers.current.onWarn();
      if (next.phase === 'reset' && previous !== 'reset') {
        lastActivity.current = Date.now();
        handlers.current.onReset();
      }
      previous = next.phase;
    }, TICK_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, seen, { capture: true });
    };
  }, [settings]);

  return {
    view,
    stillHere: () => {
      lastActivity.current = Date.now();
      setView({ phase: 'active' });
    },
  };
}

/** A short beep (WebAudio): the warning is heard as well as seen. Silent where audio is not allowed. */
export function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.35);
    tone.onended = () => void audio.close();
  } catch {
    // No audio output: the countdown is still on the screen.
  }
}
