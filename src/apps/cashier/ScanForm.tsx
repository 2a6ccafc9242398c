import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Scanned (keyboard wedge) or typed codes; the scan itself is parsed by the core. */
export function ScanForm({
  onScan,
  onTyped,
  disabled,
}: {
  onScan: (code: string) => Promise<void>;
  /** What is typed so far; true when it was taken ("3*": the next item's quantity), which empties the field. */
  onTyped?: (text: string) => boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    if (scanned) await onScan(scanned);
  };
  return (
    <form className="scan-form" onSubmit={submit}>
      <label htmlFor="barcode">{t('till.barcode')}</label>
      <input
        id="barcode"
        data-testid="barcode-input"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: a till's scan field must have focus as soon as the screen opens
        autoFocus
        disabled={disabled}
        value={code}
        onChange={(e) => setCode(onTyped?.(e.target.value) ? '' : e.target.value)}
      />
      <button type="submit" disabled={disabled}>
        {t('till.add')}
      </button>
    </form>
  );
}
