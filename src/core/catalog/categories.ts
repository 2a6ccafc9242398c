import { z } from 'zod';

// The shelves a customer browses at the kiosk. A product names its category
// (`category`, also copied into sale lines) and may carry the key of the
// icon that stands for it (`categoryIcon`): the screens draw the icons they
// know and a generic one for any other key, so a catalog may use a key newer
// than a kiosk's build without being refused.

/** An icon key: lower-case words joined by dashes ("bakery", "fruit-veg"). */
export const categoryIconSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);

/** The icons the kiosk's screens draw; any other key is shown as `other`. */
export const CATEGORY_ICONS = [
  'pantry',
  'breakfast',
  'drinks',
  'wine',
  'dairy',
  'bakery',
  'produce',
  'butcher',
  'deli',
  'candy',
  'frozen',
  'beauty',
  'cleaning',
  'press',
  'books',
  'home',
  'toys',
  'other',
] as const;
export type CategoryIcon = (typeof CATEGORY_ICONS)[number];

const KNOWN = new Set<string>(CATEGORY_ICONS);

/** The icon a screen draws for a key: the key itself when known, else `other`. */
export function categoryIconOf(key: string | undefined): CategoryIcon {
  return key !== undefined && KNOWN.has(key) ? (key as CategoryIcon) : 'other';
}

export interface CatalogCategory {
  readonly name: string;
  readonly icon: CategoryIcon;
  /** Active products in it. */
  readonly count: number;
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * The categories of the active products, in French alphabetical order, each
 * with its icon (the one most of its products carry; ties go to the first
 * key in alphabetical order) and its number of products.
 */
export function catalogCategories(
  products: Iterable<{ readonly category: string; readonly categoryIcon?: string; readonly active: boolean }>,
): CatalogCategory[] {
  const seen = new Map<string, { count: number; icons: Map<string, number> }>();
  for (const product of products) {
    if (!product.active) continue;
    let entry = seen.get(product.category);
    if (!entry) {
      entry = { count: 0, icons: new Map() };
      seen.set(product.category, entry);
    }
    entry.count++;
    if (product.categoryIcon !== undefined)
      entry.icons.set(product.categoryIcon, (entry.icons.get(product.categoryIcon) ?? 0) + 1);
  }
  return [...seen]
    .map(([name, { count, icons }]) => {
      const [key] = [...icons].sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))[0] ?? [];
      return { name, icon: categoryIconOf(key), count };
    })
    .sort((a, b) => byName.compare(a.name, b.name) || (a.name < b.name ? -1 : 1));
}
