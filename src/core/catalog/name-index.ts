// Search by name, as the cashier types: accents and case folded, each typed
// word the start of a word of the name, in any order ("brul cre" finds
// "Crème brûlée"). Pure data structure, no storage: the till builds it from
// its catalog (src/data/product-search.ts), a Web Worker may hold it later.
//
// Layout, chosen for 100,000+ names (measured in Chromium, see
// docs/product-search.md): every name gets a slot, slots sorted by folded
// name, so "in slot order" is "in name order"; a sorted vocabulary of the
// names' words, each with its postings (the slots holding it) in one
// Int32Array. A typed word is a binary search for its range of the
// vocabulary; the typed word with the fewest postings drives, the others are
// checked on the candidate's own name. Later changes go to a small overlay
// (new and renamed names, dead slots) until it is worth rebuilding.

/** The folding as plain string operations: the reference `foldForSearch` must agree with. */
export function foldForSearchSlow(text: string): string {
  return text
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
}

// What each UTF-16 unit outside [a-z0-9] folds to ('' for a combining
// accent, ' ' for a separator), computed once per unit. Only those units go
// through it: with the regular expressions of the reference applied to every
// name, folding 100,000 names took twice as long.
const foldedUnits = new Map<number, string>();
function foldUnit(code: number): string {
  let piece = foldedUnits.get(code);
  if (piece === undefined) {
    piece = code >= 0xd800 && code <= 0xdfff ? ' ' : foldForSearchSlow(String.fromCharCode(code));
    if (!/^[a-z0-9]*$/.test(piece)) piece = ' ';
    foldedUnits.set(code, piece);
  }
  return piece;
}
const foldRun = (run: string): string => {
  let out = '';
  for (let i = 0; i < run.length; i++) out += foldUnit(run.charCodeAt(i));
  return out;
};

/** Lower-case, accent-free words of a text, one space between them ("Bœuf Épicé" -> "boeuf epice"). */
export function foldForSearch(text: string): string {
  const words = text.toLowerCase().replace(/[^a-z0-9]+/g, foldRun);
  return words.includes('  ') || words.startsWith(' ') || words.endsWith(' ')
    ? words.replace(/ +/g, ' ').trim()
    : words;
}

/** The words typed, folded, without repeats; a word that starts another typed word adds nothing. */
export function searchTerms(typed: string): string[] {
  const words = [
    ...new Set(
      foldForSearch(typed)
        .split(' ')
        .filter((w) => w.length > 0),
    ),
  ];
  return words.filter((w) => !words.some((other) => other !== w && other.startsWith(w)));
}

export interface NamedEntry {
  readonly id: string;
  readonly name: string;
  /** `foldForSearch(name)`, when the caller already has it. */
  readonly folded?: string;
}

export interface NameHit {
  readonly id: string;
  /** 0: the whole name starts with what was typed; 1: every typed word starts a word of the name. */
  readonly tier: 0 | 1;
}

export interface NameIndex {
  /** Best first: tier 0 before tier 1, then by folded name, then id. At most `limit`. */
  search(typed: string, limit: number): NameHit[];
  /** Adds or renames an entry (by id). */
  put(entry: NamedEntry): void;
  remove(id: string): void;
  readonly size: number;
  /** Entries changed since the last build: the caller rebuilds when it grows. */
  readonly overlaySize: number;
  /** What the build made (changes since are not in it): saved, it gives the same index back without building. */
  readonly tables: NameIndexTables;
}

/**
 * The built index's arrays: slots in folded-name order (`slotIds`,
 * `slotNames`), the sorted vocabulary, and each word's postings
 * (`postings[starts[w]..starts[w + 1]]`, the slots holding word w).
 */
export interface NameIndexTables {
  readonly slotIds: readonly string[];
  readonly slotNames: readonly string[];
  readonly vocabulary: readonly string[];
  readonly starts: Int32Array;
  readonly postings: Int32Array;
}

const HIGH = '\uffff';
const wordStartsWith = (folded: string, term: string): boolean =>
  folded.startsWith(term) || folded.includes(` ${term}`);

/** First index i in sorted `values` with values[i] >= key. */
function lowerBound(values: readonly string[], key: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byNameThenId = (a: { folded: string; id: string }, b: { folded: string; id: string }): number =>
  a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function buildNameIndex(entries: Iterable<NamedEntry>): NameIndex {
  // Slots in folded-name order.
  const rows: { id: string; folded: string }[] = [];
  for (const entry of entries) rows.push({ id: entry.id, folded: entry.folded ?? foldForSearch(entry.name) });
  rows.sort(byNameThenId);
  const slotIds = rows.map((r) => r.id);
  const slotNames = rows.map((r) => r.folded);

  // Vocabulary and postings (each word's slots, ascending since slots are visited in order).
  const postingsByWord = new Map<string, number[]>();
  slotNames.forEach((folded, slot) => {
    let previous = '';
    for (const word of folded.split(' ')) {
      if (word.length === 0 || word === previous) continue;
      previous = word;
      const list = postingsByWord.get(word);
      if (list === undefined) postingsByWord.set(word, [slot]);
      else if (list[list.length - 1] !== slot) list.push(slot);
    }
  });
  const vocabulary = [...postingsByWord.keys()].sort();
  // starts[w]..starts[w + 1] are word w's postings; a prefix range's size is one subtraction.
  const starts = new Int32Array(vocabulary.length + 1);
  let total = 0;
  vocabulary.forEach((word, w) => {
    starts[w] = total;
    total += (postingsByWord.get(word) as number[]).length;
  });
  starts[vocabulary.length] = total;
  const postings = new Int32Array(total);
  vocabulary.forEach((word, w) => {
    postings.set(postingsByWord.get(word) as number[], starts[w] as number);
  });
  postingsByWord.clear();
  return nameIndexOf({ slotIds, slotNames, vocabulary, starts, postings });
}

/** The index of tables a build made (saved with the catalog, read back at start: no build). */
export function nameIndexOf(tables: NameIndexTables): NameIndex {
  const { slotIds, slotNames, vocabulary, starts, postings } = tables;
  const slots = slotIds.length;
  // Built at the first change only: a till that starts from saved tables answers searches without it.
  let slotOfMap: Map<string, number> | undefined;
  const slotOf = () => {
    if (!slotOfMap) {
      slotOfMap = new Map();
      for (let slot = 0; slot < slots; slot++) slotOfMap.set(slotIds[slot] as string, slot);
    }
    return slotOfMap;
  };
  const dead = new Uint8Array(slots);

  // Overlay: entries added or renamed since the build (their old slot is dead).
  const overlay = new Map<string, string>();
  // Candidates are marked with the query's stamp, so the marks never need clearing.
  const stamps = new Uint32Array(slots);
  let stamp = 0;
  let live = slots;

  function mainTier0(query: string, limit: number, out: { id: string; folded: string }[]): void {
    for (let slot = lowerBound(slotNames, query); slot < slotNames.length && out.length < limit; slot++) {
      const folded = slotNames[slot] as string;
      if (!folded.startsWith(query)) break;
      if (dead[slot] === 0) out.push({ id: slotIds[slot] as string, folded });
    }
  }

  function mainTier1(
    terms: readonly string[],
    query: string,
    limit: number,
    out: { id: string; folded: string }[],
  ) {
    // The typed word with the fewest postings drives.
    let driver = '';
    let from = 0;
    let to = 0;
    let best = Number.POSITIVE_INFINITY;
    for (const term of terms) {
      const w0 = lowerBound(vocabulary, term);
      const w1 = lowerBound(vocabulary, term + HIGH);
      const size = (starts[w1] as number) - (starts[w0] as number);
      if (size < best) {
        best = size;
        driver = term;
        from = w0;
        to = w1;
      }
    }
    if (best === 0) return;
    const others = terms.filter((t) => t !== driver);
    const accept = (slot: number): boolean => {
      if (dead[slot] !== 0) return false;
      const folded = slotNames[slot] as string;
      if (folded.startsWith(query)) return false; // tier 0 already
      for (const term of others) if (!wordStartsWith(folded, term)) return false;
      return true;
    };
    const take = (slot: number) =>
      out.push({ id: slotIds[slot] as string, folded: slotNames[slot] as string });
    if (to - from === 1) {
      // One word: its postings are already in slot order.
      for (let p = starts[from] as number; p < (starts[to] as number) && out.length < limit; p++) {
        const slot = postings[p] as number;
        if (accept(slot)) take(slot);
      }
      return;
    }
    if (best * 16 < slotNames.length) {
      const candidates = postings.slice(starts[from] as number, starts[to] as number).sort();
      let last = -1;
      for (let i = 0; i < candidates.length && out.length < limit; i++) {
        const slot = candidates[i] as number;
        if (slot !== last && accept(slot)) take(slot);
        last = slot;
      }
      return;
    }
    // Many candidates ("c"): mark them, then walk the slots in order.
    stamp = stamp === 0xffffffff ? 1 : stamp + 1;
    if (stamp === 1) stamps.fill(0);
    for (let p = starts[from] as number; p < (starts[to] as number); p++)
      stamps[postings[p] as number] = stamp;
    for (let slot = 0; slot < slotNames.length && out.length < limit; slot++) {
      if (stamps[slot] === stamp && accept(slot)) take(slot);
    }
  }

  return {
    search(typed, limit) {
      const terms = searchTerms(typed);
      if (terms.length === 0 || limit <= 0) return [];
      const query = foldForSearch(typed);
      const tier0: { id: string; folded: string }[] = [];
      const tier1: { id: string; folded: string }[] = [];
      mainTier0(query, limit, tier0);
      if (tier0.length < limit) mainTier1(terms, query, limit - tier0.length, tier1);
      if (overlay.size > 0) {
        for (const [id, folded] of overlay) {
          if (folded.startsWith(query)) tier0.push({ id, folded });
          else if (terms.every((term) => wordStartsWith(folded, term))) tier1.push({ id, folded });
        }
        tier0.sort(byNameThenId);
        tier1.sort(byNameThenId);
      }
      const hits: NameHit[] = tier0.slice(0, limit).map(({ id }) => ({ id, tier: 0 }));
      for (const { id } of tier1) {
        if (hits.length >= limit) break;
        hits.push({ id, tier: 1 });
      }
      return hits;
    },
    put({ id, name }) {
      const folded = foldForSearch(name);
      const slot = slotOf().get(id);
      if (slot !== undefined && slotNames[slot] === folded) {
        // Back under its built name: its slot serves again.
        if (dead[slot] === 1) live++;
        dead[slot] = 0;
        if (overlay.delete(id)) live--;
        return;
      }
      if (slot !== undefined && dead[slot] === 0) {
        dead[slot] = 1;
        live--;
      }
      if (!overlay.has(id)) live++;
      overlay.set(id, folded);
    },
    remove(id) {
      const slot = slotOf().get(id);
      if (slot !== undefined && dead[slot] === 0) {
        dead[slot] = 1;
        live--;
      }
      if (overlay.delete(id)) live--;
    },
    get size() {
      return live;
    },
    get overlaySize() {
      return overlay.size;
    },
    tables,
  };
}
