import { createStore } from 'zustand/vanilla';
import { ENROLMENT_REFUSAL_CODES } from '../core/error-codes';
import type { RuntimeConfig } from '../core/runtime/runtime-config';
import type { ScreenSet } from '../core/runtime/screen-sets';
import { pairingCodeSchema } from '../core/sync/wire';
import { SyncRequestError } from '../data/sync/sync-http';
import type { StartupErrorCode } from '../i18n/error-words';
import type { StartStep, StartupProgress } from './start-steps';
import type { TillServices } from './till-services';

// The till's start, step by step, for the start screen: what is being done,
// how far the first catalog sync is, and, when it fails, a code the screen
// turns into words and what to do (the technical detail is kept for support).

export interface StartupFailure {
  readonly code: StartupErrorCode;
  readonly step: StartStep;
  /** For support only (the "details" disclosure), never the main words. */
  readonly detail: string;
}

export interface StartupState {
  readonly step: StartStep | 'ready';
  readonly skipped: readonly StartStep[];
  readonly catalog:
    | { readonly have: number; readonly remaining: number; readonly serverFailing: boolean }
    | undefined;
  readonly failure: StartupFailure | undefined;
  readonly services: TillServices | undefined;
}

export interface StartupDeps {
  loadRuntimeConfig(): Promise<RuntimeConfig>;
  startTillServices(
    config: RuntimeConfig,
    screenSet: ScreenSet,
    options: { readonly progress: StartupProgress },
  ): Promise<TillServices>;
}

/** The failures that a new pairing code, typed on the start screen, can cure. */
export const PAIRING_FAILURES: readonly StartupErrorCode[] = [
  'not-enrolled',
  ...ENROLMENT_REFUSAL_CODES,
  'pairing-code-malformed',
];

export function createTillStartup(screenSet: ScreenSet, deps: StartupDeps) {
  const store = createStore<StartupState>()(() => ({
    step: 'config',
    skipped: [],
    catalog: undefined,
    failure: undefined,
    services: undefined,
  }));
  let running = false;

  const progress: StartupProgress = {
    step: (step) => store.setState({ step }),
    skip: (step) => store.setState((s) => ({ skipped: [...s.skipped, step] })),
    catalog: (have, remaining, serverFailing) =>
      store.setState({ catalog: { have, remaining, serverFailing } }),
  };

  /** Starts (or starts again after a failure), with a pairing code the cashier typed if any. */
  async function start(typedPairingCode?: string): Promise<void> {
    if (running) return;
    running = true;
    store.setState({ step: 'config', skipped: [], catalog: undefined, failure: undefined });
    try {
      if (typedPairingCode !== undefined && !pairingCodeSchema.safeParse(typedPairingCode).success) {
        store.setState({
          failure: { code: 'pairing-code-malformed', step: 'enrolment', detail: 'XXXX-XXXX-XXXX' },
        });
        return;
      }
      let config: RuntimeConfig;
      try {
        config = await deps.loadRuntimeConfig();
      } catch (error) {
        store.setState({ failure: { code: 'config-unavailable', step: 'config', detail: detailOf(error) } });
        return;
      }
      if (typedPairingCode !== undefined)
        config = { ...config, pairingCodes: { ...config.pairingCodes, [screenSet]: typedPairingCode } };
      const hasPairingCode = config.pairingCodes?.[screenSet] !== undefined;
      try {
        const services = await deps.startTillServices(config, screenSet, { progress });
        store.setState({ step: 'ready', services });
      } catch (error) {
        const step = store.getState().step;
        const at: StartStep = step === 'ready' ? 'devices' : step;
        store.setState({
          failure: {
            code: classifyStartupError(at, error, hasPairingCode),
            step: at,
            detail: detailOf(error),
          },
        });
      }
    } finally {
      running = false;
    }
  }

  return { store, start };
}

export type TillStartup = ReturnType<typeof createTillStartup>;

/** Which start-up failure this is, from the step it happened at and what was thrown. */
export function classifyStartupError(
  step: StartStep,
  error: unknown,
  hasPairingCode: boolean,
): StartupErrorCode {
  if (step === 'config') return 'config-unavailable';
  if (step === 'database') return 'storage-unavailable';
  if (step === 'enrolment') {
    if (!(error instanceof SyncRequestError)) return hasPairingCode ? 'server-refused' : 'not-enrolled';
    const { failure } = error;
    if (failure.kind === 'network') return 'server-unreachable';
    const reason = (failure.details as { reason?: unknown } | undefined)?.reason;
    const refusal = ENROLMENT_REFUSAL_CODES.find((code) => code === reason);
    if (refusal) return refusal;
    if (failure.error === 'upgrade-required' || failure.status === 426) return 'upgrade-required';
    if (failure.status >= 500) return 'server-unreachable';
    return 'server-refused';
  }
  return 'unexpected';
}

function detailOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1_000);
  return String(error).slice(0, 1_000);
}
