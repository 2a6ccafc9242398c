import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildNameIndex,
  foldForSearch,
  foldForSearchSlow,
  type NamedEntry,
  nameIndexOf,
  searchTerms,
} from './name-index';

const CATALOG: NamedEntry[] = [
  { id: 'brulee', name: 'Crème brûlée x2 – Maison Durand' },
  { id: 'fraiche', name: 'Crème fraîche épaisse 250 g – Laiterie du Val' },
  { id: 'marrons', name: 'Crème de marrons 400 g – Bonne Maman' },
  { id: 'cafe-creme', name: 'Café crème en dosettes' },
  { id: 'boeuf', name: 'Bœuf bourguignon' },
  { id: 'yaourt', name: 'Yaourt nature' },
  { id: 'fromage', name: 'Fromage blanc nature' },
];
const ids = (index: ReturnType<typeof buildNameIndex>, typed: string, limit = 20) =>
  index.search(typed, limit).map((h) => h.id);

describe('folding', () => {
  it('drops accents and case, ligatures written out, punctuation as spaces', () => {
    expect(foldForSearch('Crème BRÛLÉE')).toBe('creme brulee');
    expect(foldForSearch('Bœuf  & Œufs')).toBe('boeuf oeufs');
    expect(foldForSearch('Les Saveurs d’Émile')).toBe('les saveurs d emile');
    expect(foldForSearch('  !! ')).toBe('');
  });

  it('the fast folding agrees with the plain string operations on any text (property)', () => {
    const reference = (text: string) => foldForSearchSlow(text).replace(/ +/g, ' ').trim();
    const latin = fc.constantFrom(...'aàâäÉÈÊËçÇœŒæßøłİıñÑ ’–-.x9Z\u0301\u00a0½ǅﬁ'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: latin, maxLength: 30 })),
        (text) => {
          expect(foldForSearch(text)).toBe(reference(text));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('typed words: folded, no repeats, none that only starts another', () => {
    expect(searchTerms('Cre crème BRUL')).toEqual(['creme', 'brul']);
    expect(searchTerms(' ')).toEqual([]);
  });
});

describe('name index', () => {
  const index = buildNameIndex(CATALOG);

  it('finds « Crème brûlée » from « creme brulee », and from word starts in any order', () => {
    expect(ids(index, 'creme brulee')).toEqual(['brulee']);
    expect(ids(index, 'brul cre')).toEqual(['brulee']);
    expect(ids(index, 'CRÈME BRÛ')).toEqual(['brulee']);
    expect(ids(index, 'boeuf')).toEqual(['boeuf']);
    expect(ids(index, 'bœuf bourg')).toEqual(['boeuf']);
  });

  it('ranks names that start with what was typed first, then by name', () => {
    expect(ids(index, 'creme')).toEqual(['brulee', 'marrons', 'fraiche', 'cafe-creme']);
    expect(index.search('creme', 20).map((h) => h.tier)).toEqual([0, 0, 0, 1]);
    expect(ids(index, 'nature')).toEqual(['fromage', 'yaourt']);
  });

  it('matches word starts only, and every typed word must match', () => {
    expect(ids(index, 'reme')).toEqual([]);
    expect(ids(index, 'creme yaourt')).toEqual([]);
    expect(ids(index, '!!')).toEqual([]);
  });

  it('stops at the limit, best first', () => {
    expect(ids(index, 'creme', 2)).toEqual(['brulee', 'marrons']);
    expect(ids(index, 'creme', 0)).toEqual([]);
  });

  it('a new product, a rename and a removal are found (or not) without a rebuild', () => {
    const live = buildNameIndex(CATALOG);
    live.put({ id: 'flan', name: 'Crème caramel' });
    live.put({ id: 'yaourt', name: 'Yaourt à la crème' });
    live.remove('marrons');
    expect(ids(live, 'creme')).toEqual(['brulee', 'flan', 'fraiche', 'cafe-creme', 'yaourt']);
    expect(ids(live, 'yaourt nature')).toEqual([]);
    expect(ids(live, 'marrons')).toEqual([]);
    expect(live.size).toBe(CATALOG.length);
    expect(live.overlaySize).toBe(2);
    // Back to its first name: its built slot serves again.
    live.put({ id: 'yaourt', name: 'Yaourt nature' });
    expect(ids(live, 'yaourt nat')).toEqual(['yaourt']);
    expect(live.overlaySize).toBe(1);
    // Same name again (a price change): nothing moves.
    live.put({ id: 'brulee', name: 'Crème brûlée x2 – Maison Durand' });
    expect(live.overlaySize).toBe(1);
  });

  it('its tables, copied as a till saves them, give the same index back: same answers, and changes on top of it', () => {
    const built = buildNameIndex(CATALOG);
    built.put({ id: 'flan', name: 'Crème caramel' });
    // Saved and read back (structured clone): the build's tables, not the changes made since.
    const restored = nameIndexOf(structuredClone(built.tables));
    expect(restored.size).toBe(CATALOG.length);
    expect(restored.overlaySize).toBe(0);
    for (const typed of ['creme', 'brul cre', 'c', 'yaourt nat', 'flan', 'marrons'])
      expect(ids(restored, typed)).toEqual(ids(buildNameIndex(CATALOG), typed));
    restored.put({ id: 'flan', name: 'Crème caramel' });
    restored.remove('marrons');
    built.remove('marrons');
    expect(ids(restored, 'creme')).toEqual(ids(built, 'creme'));
    expect(ids(restored, 'marrons')).toEqual([]);
  });

  it('with many candidates per word (one letter) still gives the first names in order', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: `p${i}`,
      name: `Article ${String(i).padStart(4, '0')} ${i % 2 === 0 ? 'crème' : 'café'}`,
    }));
    const big = buildNameIndex(many);
    expect(ids(big, 'c', 3)).toEqual(['p0', 'p1', 'p2']);
    expect(ids(big, 'cr art', 3)).toEqual(['p0', 'p2', 'p4']);
    expect(ids(big, '0003 c')).toEqual(['p3']);
  });

  it('answers as a plain scan of the folded names does (property)', () => {
    const word = fc.constantFrom('crème', 'brûlée', 'café', 'lait', 'bœuf', 'épi', 'x2', '250', 'cre', 'ca');
    const name = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), name }), {
          selector: (e) => e.id,
          maxLength: 60,
        }),
        fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), name }), { maxLength: 10 }),
        fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.map((x) => x.slice(0, 3)).join(' ')),
        (entries, changes, typed) => {
          const index = buildNameIndex(entries);
          const truth = new Map(entries.map((e) => [e.id, e.name]));
          for (const change of changes) {
            index.put(change);
            truth.set(change.id, change.name);
          }
          const query = foldForSearch(typed);
          const terms = searchTerms(typed);
          const expected = [...truth]
            .map(([id, n]) => ({ id, folded: foldForSearch(n) }))
            .filter(({ folded }) => terms.every((t) => ` ${folded}`.includes(` ${t}`)))
            .map((e) => ({ ...e, tier: e.folded.startsWith(query) ? 0 : 1 }))
            .sort((a, b) =>
              a.tier !== b.tier
                ? a.tier - b.tier
                : a.folded < b.folded
                  ? -1
                  : a.folded > b.folded
                    ? 1
                    : a.id < b.id
                      ? -1
                      : a.id > b.id
                        ? 1
                        : 0,
            )
            .slice(0, 7)
            .map((e) => e.id);
          expect(ids(index, typed, 7)).toEqual(expected);
        },
      ),
    );
  });
});
