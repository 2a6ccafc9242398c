import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/kit/Dialog';
import { LargeRowList } from '../../ui/kit/LargeRowList';
import type { TillMenuEntry } from './till-menu';

/**
 * Every till function in one list (F1), for when the menu row is long: arrows
 * or the first letters to choose, Enter to run it. The dialog closes first,
 * so the function's own screen or dialog gets the focus.
 */
export function FunctionsDialog({
  entries,
  onClose,
}: {
  readonly entries: readonly TillMenuEntry[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const usable = entries.filter((entry) => !entry.disabled);
  const [selected, setSelected] = useState(usable[0]?.id);
  const rows = usable.map((entry) => ({ id: entry.id, label: t(entry.labelKey), shortcut: entry.shortcut }));
  const run = (id: string) => {
    const entry = usable.find((e) => e.id === id);
    onClose();
    entry?.onSelect();
  };
  return (
    <Dialog title={t('cashierLayout.functions')} onClose={onClose} testId="functions-dialog">
      <LargeRowList
        rows={rows}
        label={t('cashierLayout.functions')}
        selectedId={selected}
        onSelect={setSelected}
        onActivate={run}
        emptyText={t('cashierLayout.noFunction')}
        testId="functions-list"
        renderRow={(row) => (
          <>
            <span className="functions-label">{row.label}</span>
            {row.shortcut && <kbd className="till-menu-key">{row.shortcut}</kbd>}
          </>
        )}
      />
    </Dialog>
  );
}
