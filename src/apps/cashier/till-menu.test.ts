import { describe, expect, it } from 'vitest';
import { clashingShortcuts, entryForKey, type TillMenuEntry } from './till-menu';

const none = () => undefined;
const entries: TillMenuEntry[] = [
  { id: 'lock', labelKey: 'kit.menu.label', shortcut: 'F2', onSelect: none },
  { id: 'park', labelKey: 'kit.menu.label', shortcut: 'F3', onSelect: none, disabled: true },
  { id: 'search', labelKey: 'kit.menu.label', onSelect: none },
];
const press = (
  key: string,
  modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('till menu shortcuts', () => {
  it('a plain F-key selects its entry', () => {
    expect(entryForKey(entries, press('F2'))?.id).toBe('lock');
  });

  it('a disabled entry, a modified key or a key without entry selects nothing', () => {
    expect(entryForKey(entries, press('F3'))).toBeUndefined();
    expect(entryForKey(entries, press('F2', { ctrlKey: true }))).toBeUndefined();
    expect(entryForKey(entries, press('F2', { shiftKey: true }))).toBeUndefined();
    expect(entryForKey(entries, press('F9'))).toBeUndefined();
  });

  it('finds a shortcut given twice', () => {
    expect(clashingShortcuts(entries)).toEqual([]);
    expect(
      clashingShortcuts([
        ...entries,
        { id: 'x', labelKey: 'kit.menu.label', shortcut: 'F2', onSelect: none },
      ]),
    ).toEqual(['F2']);
  });
});
