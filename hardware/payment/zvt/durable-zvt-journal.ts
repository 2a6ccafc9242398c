import { JsonLinesJournal } from '../json-lines-journal';
import type { JournalEntry, PaymentJournal } from './payment-journal';

// The ZVT journal (which key was sent, the last trace number seen before it)
// kept in an fsynced JSON-lines file, so that a till restarted mid-payment
// still knows which transaction on the terminal may be its own.

type ZvtRecord =
  | { readonly key: string; readonly type: 'payment'; readonly entry: JournalEntry }
  | { readonly key: 'last-trace'; readonly type: 'last-trace'; readonly trace: number };

function isZvtRecord(value: unknown): value is ZvtRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.key !== 'string') return false;
  if (record.type === 'last-trace') return typeof record.trace === 'number';
  const entry = record.entry as Record<string, unknown> | undefined;
  return record.type === 'payment' && typeof entry?.key === 'string' && typeof entry.amountMinor === 'number';
}

export interface DurableZvtJournal extends PaymentJournal {
  close(): void;
}

export function durableZvtJournal(path: string): DurableZvtJournal {
  const file = JsonLinesJournal.open(path, isZvtRecord);
  return {
    get(key) {
      const record = file.get(`payment:${key}`);
      return record?.type === 'payment' ? record.entry : undefined;
    },
    put(entry) {
      file.put({ key: `payment:${entry.key}`, type: 'payment', entry });
    },
    lastTrace() {
      const record = file.get('last-trace');
      return record?.type === 'last-trace' ? record.trace : undefined;
    },
    setLastTrace(trace) {
      if (this.lastTrace() === trace) return;
      file.put({ key: 'last-trace', type: 'last-trace', trace });
    },
    close: () => file.close(),
  };
}
