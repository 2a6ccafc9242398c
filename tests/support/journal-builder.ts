import { randomFillSync } from 'node:crypto';
import { createUuidV7Generator } from '../../src/core/ids';
import { appendEntry, type JournalDraft } from '../../src/core/journal/append-entry';
import { computeEntryHash, hashedMaterialOf } from '../../src/core/journal/entry-hash';
import type { JournalEntry } from '../../src/core/journal/journal-entry';

export interface TillIdentityForTests {
  readonly storeCode: string;
  readonly tillCode: string;
  readonly tillId: string;
}

/** A till's journal in a test: appends real, hash-chained entries. */
export class TestJournal {
  readonly entries: JournalEntry[] = [];
  readonly #newId = createUuidV7Generator({
    now: () => Date.now(),
    randomBytes: (n) => randomFillSync(new Uint8Array(n)),
  });

  readonly till: TillIdentityForTests;

  constructor(till: TillIdentityForTests) {
    this.till = { storeCode: till.storeCode, tillCode: till.tillCode, tillId: till.tillId };
  }

  append(draft: Omit<JournalDraft, 'id' | 'recordedAt'>): JournalEntry {
    const head = this.entries.at(-1);
    const appended = appendEntry(
      head ? { sequence: head.sequence, hash: head.hash } : null,
      { ...draft, id: this.#newId(), recordedAt: new Date().toISOString() } as JournalDraft,
      this.till,
    );
    if (!appended.ok) throw new Error(`test journal: ${JSON.stringify(appended.error)}`);
    this.entries.push(appended.value.entry);
    return appended.value.entry;
  }

  /** A simple valid entry: a float brought to the drawer. */
  floatIn(minor = 10_000): JournalEntry {
    return this.append({
      kind: 'cash.movement',
      payload: { type: 'float-in', amount: { minor, currency: 'EUR' }, staffId: 'staff-camille' },
    });
  }
}

/** Push rows for entries the server has never seen. */
export const asNewRows = (entries: readonly JournalEntry[]) =>
  entries.map((entry) => ({ assumedMasterState: null, newDocumentState: { ...entry, _deleted: false } }));

/**
 * An entry re-sealed after an edit, as a hostile or broken client would send it
 * (the core would refuse to make it): its own hash is right, its content or its
 * place in the chain is not.
 */
export function resealed(
  entry: JournalEntry,
  edit: (material: Record<string, unknown>) => void,
): JournalEntry {
  const material = structuredClone(hashedMaterialOf(entry));
  edit(material);
  const hash = computeEntryHash(material);
  if (!hash.ok) throw new Error(JSON.stringify(hash.error));
  return { ...material, hash: hash.value } as unknown as JournalEntry;
}
