import type { JournalEntry } from '../../../src/core/journal/journal-entry';

/** The envelope fields every projected row repeats. The store and till come from the envelope, which the push checked against the till's token; the payload's own copies are not trusted for that. */
export function envelopeOf(entry: JournalEntry) {
  return {
    entry_id: entry.id,
    store_code: entry.storeCode,
    till_id: entry.tillId,
    till_code: entry.tillCode,
    sequence: entry.sequence,
    recorded_at: entry.recordedAt,
  };
}
