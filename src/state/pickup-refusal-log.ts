import { createStore } from 'zustand/vanilla';
import {
  type PickupCodeRefusedPayload,
  type PickupRefusalReason,
  refusedInputText,
} from '../core/journal/pickup-refusal-payload';
import { refusalWords } from './pickup-words';

// Codes the pickup desk refused (forged, altered, unknown): each refusal is
// kept here for the desk's staff to see (newest first, the last 50), written
// to the renderer's log as one JSON line, and journaled as a
// `pickup.code-refused` entry: hash-chained, kept across a restart (the list
// is read back from the journal when the desk opens) and pushed to the server
// exactly once with the rest of the journal. Only the refused text, cut short,
// is kept about the customer (core/journal/pickup-refusal-payload.ts).

export interface PickupRefusal {
  /** The journal entry's id. */
  readonly id: string;
  readonly at: number;
  /** What was scanned or typed, cut (`refusedInputText`). */
  readonly input: string;
  /** Why, as a code for support, and in words for the clerk. */
  readonly reason: PickupRefusalReason;
  readonly words: string;
  readonly orderId: string | undefined;
}

/** Where refusals are kept: the desk's journal (the port's). */
export interface PickupRefusalJournal {
  /** Journals one refusal; false when the journal refused it (it is still shown and logged). */
  journalRefusal(
    payload: PickupCodeRefusedPayload,
    stamp: { readonly id: string; readonly recordedAt: string },
  ): Promise<boolean>;
  /** This desk's journaled refusals, newest first, at most `limit`. */
  journaledRefusals(limit: number): Promise<readonly JournaledRefusal[]>;
  newId(): string;
}

export interface JournaledRefusal {
  readonly id: string;
  readonly recordedAt: string;
  readonly payload: PickupCodeRefusedPayload;
}

const KEEP = 50;

export function createPickupRefusalLog(
  now: () => number,
  write: (line: string) => void = (line) => console.warn(line),
  journal?: PickupRefusalJournal & { readonly staffId: () => string | null },
) {
  const store = createStore<{ readonly refusals: readonly PickupRefusal[] }>()(() => ({ refusals: [] }));
  const keep = (entries: readonly PickupRefusal[]) => {
    const byId = new Map<string, PickupRefusal>();
    for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
    return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, KEEP);
  };
  // Appends run one after the other, in the order of the refusals.
  let journaling: Promise<void> = Promise.resolve();
  return {
    store,
    log(refusal: {
      readonly input: string;
      readonly reason: PickupRefusalReason;
      readonly words: string;
      readonly orderId: string | undefined;
    }): PickupRefusal {
      const at = now();
      const entry: PickupRefusal = {
        ...refusal,
        id: journal?.newId() ?? `memory-${at}-${store.getState().refusals.length}`,
        at,
        input: refusedInputText(refusal.input),
      };
      write(
        JSON.stringify({
          event: 'pickup.code-refused',
          at: new Date(entry.at).toISOString(),
          input: entry.input,
          reason: entry.reason,
          orderId: entry.orderId ?? null,
        }),
      );
      store.setState((s) => ({ refusals: keep([entry, ...s.refusals]) }));
      if (journal) {
        const payload: PickupCodeRefusedPayload = {
          input: entry.input,
          reason: entry.reason,
          orderId: entry.orderId ?? null,
          staffId: journal.staffId(),
        };
        const stamp = { id: entry.id, recordedAt: new Date(at).toISOString() };
        journaling = journaling.then(async () => {
          const kept = await journal.journalRefusal(payload, stamp).catch(() => false);
          if (!kept) write(JSON.stringify({ event: 'pickup.code-refused.not-journaled', id: entry.id }));
        });
      }
      return entry;
    },
    /** Reads back the refusals journaled before (after a restart); those in memory stay. */
    async load(): Promise<void> {
      if (!journal) return;
      const journaled = await journal.journaledRefusals(KEEP);
      const read = journaled.map(
        ({ id, recordedAt, payload }): PickupRefusal => ({
          id,
          at: Date.parse(recordedAt),
          input: payload.input,
          reason: payload.reason,
          words: refusalWords(payload.reason),
          orderId: payload.orderId ?? undefined,
        }),
      );
      store.setState((s) => ({ refusals: keep([...s.refusals, ...read]) }));
    },
    /** Resolves once every refusal logged so far has been journaled (or refused by the journal). */
    settled(): Promise<void> {
      return journaling;
    },
  };
}
export type PickupRefusalLog = ReturnType<typeof createPickupRefusalLog>;
