// When the kiosk goes back to its attract screen by itself. After `idleMs`
// without a touch or a key, a warning offers to continue for `warningMs`
// (never less than 20 s: WCAG 2.2.1 asks for at least 20 s to extend a time
// limit), with a countdown; when it runs out the path is reset. Never while
// a payment runs: the clock stands still then, and starts again from the
// end of the payment. Pure: the screen passes the time.

export const DEFAULT_IDLE_SECONDS = 90;
export const DEFAULT_WARNING_SECONDS = 30;
export const MIN_WARNING_SECONDS = 20;
const MIN_IDLE_SECONDS = 15;
const MAX_SECONDS = 3_600;

export interface KioskIdleSettings {
  readonly idleMs: number;
  readonly warningMs: number;
}

/** The settings' figures (seconds) made safe: missing or absurd values get the defaults, the warning at least 20 s. */
export function kioskIdleSettings(idleSeconds?: unknown, warningSeconds?: unknown): KioskIdleSettings {
  const seconds = (value: unknown, fallback: number, min: number) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0
      ? Math.min(MAX_SECONDS, Math.max(min, Math.round(value)))
      : fallback;
  return {
    idleMs: seconds(idleSeconds, DEFAULT_IDLE_SECONDS, MIN_IDLE_SECONDS) * 1000,
    warningMs: seconds(warningSeconds, DEFAULT_WARNING_SECONDS, MIN_WARNING_SECONDS) * 1000,
  };
}

export type KioskIdleView =
  | { readonly phase: 'active' }
  | { readonly phase: 'warning'; readonly secondsLeft: number }
  | { readonly phase: 'reset' };

/**
 * Where the idle clock stands at `now`, given the last activity. `paused`
 * (a payment under way, or nothing to reset) keeps it active.
 */
export function kioskIdleView(
  now: number,
  lastActivityAt: number,
  settings: KioskIdleSettings,
  paused: boolean,
): KioskIdleView {
  if (paused) return { phase: 'active' };
  const idle = now - lastActivityAt;
  if (idle < settings.idleMs) return { phase: 'active' };
  const left = settings.idleMs + settings.warningMs - idle;
  if (left <= 0) return { phase: 'reset' };
  return { phase: 'warning', secondsLeft: Math.ceil(left / 1000) };
}
