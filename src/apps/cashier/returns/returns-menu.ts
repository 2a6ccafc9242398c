import type { ReturnStore } from '../../../state/return-store';
import type { TillMenuEntry } from '../till-menu';

/** Returns and exchanges (F4), not while a payment is under way. */
export function returnsMenuEntries(
  returns: Pick<ReturnStore, 'open'>,
  { paying }: { readonly paying: boolean },
): TillMenuEntry[] {
  return [
    {
      id: 'returns',
      labelKey: 'returns.menu',
      shortcut: 'F4',
      onSelect: returns.open,
      disabled: paying,
    },
  ];
}
