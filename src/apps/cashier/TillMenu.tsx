import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { entryForKey, type FunctionKey, type TillMenuEntry } from './till-menu';

/** Calls `onKey` on the cashier screen's key presses, except while a dialog has the keyboard. */
function useScreenKeys(onKey: (event: KeyboardEvent) => void): void {
  const current = useRef(onKey);
  current.current = onKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open], [aria-modal="true"]')) return;
      current.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** One function key outside the menu (F12 on the pay button), with the menu's rules. */
export function useFunctionKey(key: FunctionKey, onPress: () => void, enabled: boolean): void {
  useScreenKeys((event) => {
    const entry = entryForKey(
      [{ id: key, labelKey: 'kit.menu.label', shortcut: key, onSelect: onPress }],
      event,
    );
    if (!entry || !enabled) return;
    event.preventDefault();
    entry.onSelect();
  });
}

/**
 * Makes the buttons the row's width pushed to its hidden second row inert (out of the Tab order and of
 * the accessibility tree), again whenever the row's width or its buttons change.
 */
function useHiddenOverflow(entriesKey: string) {
  const row = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const nav = row.current;
    if (!nav || entriesKey === '') return;
    const mark = () => {
      const buttons = [...nav.querySelectorAll<HTMLButtonElement>(':scope > button')];
      const firstRow = buttons[0]?.offsetTop ?? 0;
      for (const button of buttons) button.inert = button.offsetTop > firstRow;
    };
    mark();
    const observer = new ResizeObserver(mark);
    observer.observe(nav);
    return () => observer.disconnect();
  }, [entriesKey]);
  return row;
}

/**
 * The row of function buttons under the basket: the first one lists them all
 * (F1), and those that do not fit the row's width are left out of it. Their F-keys work anywhere on
 * the cashier screen, except while a dialog is open (the dialog has the
 * keyboard then).
 */
export function TillMenu({ entries }: { readonly entries: readonly TillMenuEntry[] }) {
  const { t } = useTranslation();
  useScreenKeys((event) => {
    const entry = entryForKey(entries, event);
    if (!entry) return;
    event.preventDefault();
    entry.onSelect();
  });
  const row = useHiddenOverflow(entries.map((entry) => `${entry.id}:${t(entry.labelKey)}`).join('|'));
  if (entries.length === 0) return null;
  return (
    <nav ref={row} className="till-menu" aria-label={t('kit.menu.label')} data-testid="till-menu">
      {entries.map((entry) => (
        <button
          key={entry.id}
          type="button"
          className="till-menu-button"
          data-testid={`till-menu-${entry.id}`}
          aria-keyshortcuts={entry.shortcut}
          disabled={entry.disabled}
          onClick={entry.onSelect}
        >
          <span className="till-menu-label">{t(entry.labelKey)}</span>
          {entry.shortcut && <kbd className="till-menu-key">{entry.shortcut}</kbd>}
        </button>
      ))}
    </nav>
  );
}
