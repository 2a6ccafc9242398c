import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { entryForKey, type TillMenuEntry } from './till-menu';

/**
 * The row of function buttons under the basket. Their F-keys work anywhere on
 * the cashier screen, except while a dialog is open (the dialog has the
 * keyboard then).
 */
export function TillMenu({ entries }: { readonly entries: readonly TillMenuEntry[] }) {
  const { t } = useTranslation();
  const current = useRef(entries);
  current.current = entries;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const entry = entryForKey(current.current, event);
      if (!entry) return;
      event.preventDefault();
      entry.onSelect();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  if (entries.length === 0) return null;
  return (
    <nav className="till-menu" aria-label={t('kit.menu.label')} data-testid="till-menu">
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
