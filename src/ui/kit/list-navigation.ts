// Moving through a list of large rows with the keyboard: arrows, Home/End,
// Page Up/Down, and type-ahead (the first letters of a row's label, accents
// and case folded). Pure: LargeRowList only calls these.

export const NAVIGATION_KEYS = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'] as const;
export type NavigationKey = (typeof NAVIGATION_KEYS)[number];

export const isNavigationKey = (key: string): key is NavigationKey =>
  (NAVIGATION_KEYS as readonly string[]).includes(key);

/** The row index after a key; -1 (nothing selected) moves to the first or last row. Stops at the ends. */
export function moveSelection(count: number, index: number, key: NavigationKey, pageSize = 5): number {
  if (count === 0) return -1;
  const last = count - 1;
  const from = index < 0 || index > last ? -1 : index;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'ArrowDown':
      return from < 0 ? 0 : Math.min(last, from + 1);
    case 'ArrowUp':
      return from < 0 ? last : Math.max(0, from - 1);
    case 'PageDown':
      return from < 0 ? 0 : Math.min(last, from + pageSize);
    case 'PageUp':
      return from < 0 ? 0 : Math.max(0, from - pageSize);
  }
}

/** Lower case without accents: « Crème » and « creme » compare equal. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase('fr');
}

/**
 * The row that type-ahead lands on: the first label starting with the query,
 * searching from the current row (a longer query may stay on it) or, for a
 * single repeated letter, from the next row, wrapping round. -1 when none.
 */
export function typeAhead(labels: readonly string[], index: number, query: string): number {
  const folded = foldForSearch(query);
  if (folded === '' || labels.length === 0) return -1;
  const repeated = [...folded].every((char) => char === folded[0]);
  const needle = repeated ? (folded[0] ?? '') : folded;
  const start = repeated || index < 0 ? index + 1 : index;
  for (let step = 0; step < labels.length; step++) {
    const at = (((start + step) % labels.length) + labels.length) % labels.length;
    if (foldForSearch(labels[at] ?? '').startsWith(needle)) return at;
  }
  return -1;
}
