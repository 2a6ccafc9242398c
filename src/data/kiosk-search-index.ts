import { Charset, Encoder, Index } from 'flexsearch';
import { type CatalogCategory, catalogCategories } from '../core/catalog/categories';
import { foldForSearch, searchTerms } from '../core/catalog/name-index';
import type { Product } from '../core/catalog/product';

// The kiosk's search as you type over the whole catalog (100,000 products),
// for customers: accents and case do not matter (« creme brulee » finds
// « Crème brûlée », « boeuf » finds « Bœuf »), and a slip of the finger
// still finds the product (« chocolta » finds « Chocolat »).
//
// Through FlexSearch 0.8 (docs/kiosk-data.md says why it and not MiniSearch):
// names are folded by the core (œ -> oe, accents off), then indexed by
// FlexSearch with its `LatinExtra` encoder, which keeps a word's consonant
// skeleton ("chocolat" and "chocolta" are both "kklt", "spaghetti" and
// "spagetti" both "spkt"), with `forward` tokenizing so a word being typed
// matches as a prefix.
//
// A skeleton of one or two letters ("b", "fm") starts most words of the
// catalog, and intersecting such a set costs FlexSearch tens of ms at 100k.
// So the words whose skeleton has at least three letters drive the
// FlexSearch query; the shorter ones are checked on the candidates' folded
// names as exact word starts (nothing to be tolerant about in "bo"). When
// no typed word is long enough, the longest one drives.
//
// Ranking: typed words found exactly (as word starts, without the typo
// tolerance) first, then names that start with the first typed word, then
// FlexSearch's order (earlier words in the name first).

/** How many candidates FlexSearch hands over for filtering and ranking. */
const CANDIDATES = 400;
/** Skeleton letters a typed word needs before it drives the FlexSearch query. */
const DRIVING_SKELETON = 3;
const DEFAULT_LIMIT = 20;

export interface KioskSearchOptions {
  /** At most this many products (20 by default). */
  readonly limit?: number;
  /** Only products of this category (browsing a category while typing). */
  readonly category?: string;
}

export interface KioskSearchIndex {
  /** Products whose name matches what was typed, best first; none for blank input. */
  search(typed: string, options?: KioskSearchOptions): Product[];
  /** Adds or replaces a product; an inactive product is removed (customers never see it). */
  put(product: Product): void;
  remove(productId: string): void;
  /** The categories of the indexed products, with icon and count (src/core/catalog/categories.ts). */
  categories(): CatalogCategory[];
  /** A category's products in name order, a page at a time (browsing without typing). */
  inCategory(category: string, page?: { readonly offset?: number; readonly limit?: number }): Product[];
  /** Active products indexed. */
  readonly size: number;
}

interface Slot {
  readonly product: Product;
  /** The name's folded words ("creme brulee x2 maison durand"). */
  readonly words: readonly string[];
}

const skeleton = new Encoder(Charset.LatinExtra);
const skeletonLength = (word: string): number => skeleton.encode(word).join('').length;

const startsAWord = (words: readonly string[], typed: string) => words.some((word) => word.startsWith(typed));

export function createKioskSearchIndex(products: Iterable<Product> = []): KioskSearchIndex {
  const index = new Index({ tokenize: 'forward', encoder: Charset.LatinExtra, resolution: 9 });
  const slots: (Slot | undefined)[] = [];
  const slotById = new Map<string, number>();
  const free: number[] = [];
  // Worked out again on the first call after a change.
  let categoryList: CatalogCategory[] | undefined;
  const byCategory = new Map<string, Slot[]>();
  const changed = () => {
    categoryList = undefined;
    byCategory.clear();
  };
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

  const remove = (productId: string) => {
    const slot = slotById.get(productId);
    if (slot === undefined) return;
    index.remove(slot);
    slots[slot] = undefined;
    slotById.delete(productId);
    free.push(slot);
    changed();
  };

  const put = (product: Product) => {
    const existing = slotById.get(product.id);
    if (!product.active) {
      remove(product.id);
      return;
    }
    changed();
    const folded = foldForSearch(product.name);
    const words = folded.split(' ');
    if (existing !== undefined) {
      const before = slots[existing];
      slots[existing] = { product, words };
      if (before && before.product.name !== product.name) index.update(existing, folded);
      return;
    }
    const slot = free.pop() ?? slots.length;
    slots[slot] = { product, words };
    slotById.set(product.id, slot);
    index.add(slot, folded);
  };

  for (const product of products) put(product);

  return {
    put,
    remove,
    get size() {
      return slotById.size;
    },
    categories() {
      categoryList ??= catalogCategories(slots.flatMap((slot) => (slot ? [slot.product] : [])));
      return categoryList;
    },
    inCategory(category, { offset = 0, limit = DEFAULT_LIMIT } = {}) {
      let members = byCategory.get(category);
      if (!members) {
        members = [];
        for (const slot of slots) if (slot && slot.product.category === category) members.push(slot);
        members.sort((a, b) => collator.compare(a.product.name, b.product.name));
        byCategory.set(category, members);
      }
      return members.slice(offset, offset + limit).map((slot) => slot.product);
    },
    search(typed, { limit = DEFAULT_LIMIT, category } = {}) {
      const words = searchTerms(typed);
      if (words.length === 0 || limit <= 0) return [];
      let driving = words.filter((word) => skeletonLength(word) >= DRIVING_SKELETON);
      if (driving.length === 0) {
        const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
        driving = [longest];
      }
      const checked = words.filter((word) => !driving.includes(word));
      const found = index.search(driving.join(' '), { limit: CANDIDATES }) as number[];
      const first = words[0] as string;
      const ranked: { slot: Slot; exact: number; starts: number; order: number }[] = [];
      found.forEach((slotNumber, order) => {
        const slot = slots[slotNumber];
        if (!slot) return;
        if (category !== undefined && slot.product.category !== category) return;
        if (!checked.every((word) => startsAWord(slot.words, word))) return;
        let exact = 0;
        for (const word of driving) if (startsAWord(slot.words, word)) exact++;
        const starts = (slot.words[0] ?? '').startsWith(first) ? 1 : 0;
        ranked.push({ slot, exact, starts, order });
      });
      ranked.sort((a, b) => b.exact - a.exact || b.starts - a.starts || a.order - b.order);
      return ranked.slice(0, limit).map((hit) => hit.slot.product);
    },
  };
}
