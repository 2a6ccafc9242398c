import { createStore } from 'zustand/vanilla';

// Codes the pickup desk refused (forged, altered, unknown): each refusal is
// kept here for the desk's staff to see (newest first, the last 50) and
// written to the renderer's log as one JSON line, which the host keeps.

export interface PickupRefusal {
  readonly at: number;
  /** What was scanned or typed, cut to 64 characters. */
  readonly input: string;
  /** Why, as a code for support, and in words for the clerk. */
  readonly reason: string;
  readonly words: string;
  readonly orderId: string | undefined;
}

const KEEP = 50;

export function createPickupRefusalLog(
  now: () => number,
  write: (line: string) => void = (line) => console.warn(line),
) {
  const store = createStore<{ readonly refusals: readonly PickupRefusal[] }>()(() => ({ refusals: [] }));
  return {
    store,
    log(refusal: Omit<PickupRefusal, 'at' | 'input'> & { readonly input: string }): PickupRefusal {
      const entry: PickupRefusal = { ...refusal, at: now(), input: refusal.input.slice(0, 64) };
      write(
        JSON.stringify({
          event: 'pickup.code-refused',
          at: new Date(entry.at).toISOString(),
          input: entry.input,
          reason: entry.reason,
          orderId: entry.orderId ?? null,
        }),
      );
      store.setState((s) => ({ refusals: [entry, ...s.refusals].slice(0, KEEP) }));
      return entry;
    },
  };
}
export type PickupRefusalLog = ReturnType<typeof createPickupRefusalLog>;
