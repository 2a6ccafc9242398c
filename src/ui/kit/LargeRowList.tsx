import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isNavigationKey, moveSelection, typeAhead } from './list-navigation';

// A list of large rows (at least 56 px) to choose from: a listbox that takes
// the focus, moved with the arrows, Home/End, Page Up/Down and type-ahead,
// Enter (or a tap) to take the row. The selected row is always scrolled into
// view. Rows hold no buttons of their own (a listbox's options cannot).

export interface LargeRow {
  readonly id: string;
  /** The row's words for type-ahead and screen readers (already translated). */
  readonly label: string;
}

export interface LargeRowListProps<Row extends LargeRow> {
  readonly rows: readonly Row[];
  /** The list's accessible name (already translated). */
  readonly label: string;
  readonly selectedId: string | undefined;
  readonly onSelect: (id: string) => void;
  /** Enter, or a tap on a row. */
  readonly onActivate?: (id: string) => void;
  /** What a row shows; its label by default. */
  readonly renderRow?: (row: Row, selected: boolean) => ReactNode;
  readonly emptyText?: string;
  readonly testId?: string;
}

/** Letters typed within this delay make one type-ahead query. */
const TYPE_AHEAD_MS = 700;

export function LargeRowList<Row extends LargeRow>(props: LargeRowListProps<Row>) {
  const { t } = useTranslation();
  const baseId = useId();
  const query = useRef({ text: '', at: 0 });
  const testId = props.testId ?? 'row-list';
  const optionId = (id: string) => `${baseId}-option-${id}`;
  const index = props.rows.findIndex((row) => row.id === props.selectedId);

  useEffect(() => {
    if (props.selectedId === undefined) return;
    document.getElementById(optionId(props.selectedId))?.scrollIntoView({ block: 'nearest' });
  });

  const select = (at: number) => {
    const row = props.rows[at];
    if (row) props.onSelect(row.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (isNavigationKey(event.key)) {
      event.preventDefault();
      select(moveSelection(props.rows.length, index, event.key));
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = props.rows[index];
      if (row && props.onActivate) {
        event.preventDefault();
        props.onActivate(row.id);
      }
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const now = Date.now();
      const text = now - query.current.at > TYPE_AHEAD_MS ? event.key : query.current.text + event.key;
      query.current = { text, at: now };
      const found = typeAhead(
        props.rows.map((row) => row.label),
        index,
        text,
      );
      if (found >= 0) {
        event.preventDefault();
        select(found);
      }
    }
  };

  if (props.rows.length === 0) {
    return (
      <p className="kit-rows-empty" data-testid={`${testId}-empty`}>
        {props.emptyText ?? t('kit.list.empty')}
      </p>
    );
  }
  return (
    <div
      className="kit-rows"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={index >= 0 ? optionId(props.selectedId ?? '') : undefined}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {props.rows.map((row) => {
        const selected = row.id === props.selectedId;
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox itself takes the keys (aria-activedescendant)
          // biome-ignore lint/a11y/useFocusableInteractive: the listbox keeps the focus and names its active option
          <div
            key={row.id}
            id={optionId(row.id)}
            role="option"
            aria-selected={selected}
            className={selected ? 'kit-row kit-row-selected' : 'kit-row'}
            data-testid={`${testId}-row`}
            data-row-id={row.id}
            onClick={() => {
              props.onSelect(row.id);
              props.onActivate?.(row.id);
            }}
          >
            {props.renderRow ? props.renderRow(row, selected) : row.label}
          </div>
        );
      })}
    </div>
  );
}
