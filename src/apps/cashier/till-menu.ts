import type { ParseKeys } from 'i18next';

// The till's function keys: one row of large buttons, each also on an F-key.
// Each flow exports its entries (returns/returns-menu.ts gives
//   { id: 'returns', labelKey: 'returns.menu', shortcut: 'F4', onSelect: returns.open })
// and cashier-menu.ts puts them in the row's order: the key plan is there.
// F1 (all functions, a list of every entry) is the screen's, F12 the pay
// button's. clashingShortcuts() finds a key given twice.

export const FUNCTION_KEYS = ['F1', 'F2', 'F3', 'F4', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12'] as const;
/** F5 is left out: in a browser it reloads the page. */
export type FunctionKey = (typeof FUNCTION_KEYS)[number];

export interface TillMenuEntry {
  /** Stable id; the button's test id is "till-menu-<id>". */
  readonly id: string;
  /** The button's words (an i18next key). */
  readonly labelKey: ParseKeys;
  readonly shortcut?: FunctionKey;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
}

export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/** The enabled entry a key press selects, if any (a plain F-key, no modifier). */
export function entryForKey(entries: readonly TillMenuEntry[], press: KeyPress): TillMenuEntry | undefined {
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return undefined;
  return entries.find((entry) => entry.shortcut === press.key && !entry.disabled);
}

/** Shortcuts given to more than one entry (a mistake: the second would never be reached). */
export function clashingShortcuts(entries: readonly TillMenuEntry[]): string[] {
  const seen = new Set<string>();
  const clashes = new Set<string>();
  for (const { shortcut } of entries) {
    if (shortcut === undefined) continue;
    if (seen.has(shortcut)) clashes.add(shortcut);
    seen.add(shortcut);
  }
  return [...clashes];
}
