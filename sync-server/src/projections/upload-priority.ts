/**
 * Bulk journal uploads go before projections (issue 15). A till that comes
 * back after hours offline sends its journal in batches of up to 1,000
 * entries, one batch at a time; until they are stored the sales exist only
 * on the till. This instance's projector runs in the same process: every
 * batch it projects while such an upload is being stored takes CPU the
 * upload waits for (measured: the 10,000-sale push took 21.7 s with the
 * projector off against 38.7 s with it on, on 2 loaded cores). So while a
 * bulk upload is in flight, and for a short grace after it (the till sends
 * its next batch as soon as it has the answer), the projector waits before
 * its next batch, never more than `maxDeferMs` in a row: then it projects
 * one batch and may wait again. Uploads of a few entries (a till online,
 * one sale at a time) do not count: under steady load they never stop.
 */
export interface UploadPriority {
  /** An upload of `entries` journal entries is being stored: call the returned function when it is answered. */
  begin(entries: number): () => void;
  /** How long the projector should wait before its next batch: 0 to go now. */
  projectorWaitMs(): number;
}

export interface UploadPriorityOptions {
  /** Uploads of at least this many entries make the projector wait. */
  readonly bulkEntries?: number;
  /** After the last bulk upload is answered, the projector waits this long for the next one. */
  readonly graceMs?: number;
  /** The longest the projector waits in a row. */
  readonly maxDeferMs?: number;
  /** How often a waiting projector looks again. */
  readonly pollMs?: number;
  readonly now?: () => number;
}

export function createUploadPriority({
  bulkEntries = 100,
  graceMs = 250,
  maxDeferMs = 2_000,
  pollMs = 20,
  now = () => performance.now(),
}: UploadPriorityOptions = {}): UploadPriority {
  let inFlight = 0;
  let lastAnsweredAt = Number.NEGATIVE_INFINITY;
  let waitingSince: number | undefined;

  return {
    begin(entries) {
      if (entries < bulkEntries) return () => undefined;
      inFlight++;
      let answered = false;
      return () => {
        if (answered) return;
        answered = true;
        inFlight--;
        lastAnsweredAt = now();
      };
    },
    projectorWaitMs() {
      const at = now();
      const busyFor = inFlight > 0 ? pollMs : Math.max(0, lastAnsweredAt + graceMs - at);
      if (busyFor === 0) {
        waitingSince = undefined;
        return 0;
      }
      waitingSince ??= at;
      const left = waitingSince + maxDeferMs - at;
      if (left <= 0) {
        // Waited long enough: one batch now, and the next wait starts afresh.
        waitingSince = undefined;
        return 0;
      }
      return Math.max(1, Math.min(busyFor, pollMs, left));
    },
  };
}
