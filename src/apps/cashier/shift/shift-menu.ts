import type { ShiftStore } from '../../../state/shift-store';
import type { TillMenuEntry } from '../till-menu';

/** The shift's menu (F9): cash in and out, X report, close. */
export function shiftMenuEntries(shift: Pick<ShiftStore, 'show'>): TillMenuEntry[] {
  return [
    {
      id: 'shift',
      labelKey: 'shifts.menu.label',
      shortcut: 'F9',
      onSelect: () => shift.show('menu'),
    },
  ];
}
