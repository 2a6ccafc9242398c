import type { ParseKeys } from 'i18next';

// The till's function keys: one row of large buttons, each also on an F-key.
// Each flow adds ONE entry to the list CashierScreen passes to <TillMenu>:
//   { id: 'returns', labelKey: 'returns.menu', shortcut: 'F4', onSelect: () => returns.open() }
// Taken: F1 all functions (a list of every entry), F6 void the last line,
// F12 pay (the pay button). Suggested for the flows to come: F11 search, F2 quantity, F3 quick keys, F4 returns, F7
// discount, F8 park, F9 shift and cash, F10 lock. clashingShortcuts() finds
// a key given twice.

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
