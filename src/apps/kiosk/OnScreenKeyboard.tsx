import { type MouseEvent, memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskLanguage } from '../../state/kiosk-path';

// The kiosk has no physical keyboard: this one types into the field that has
// the focus (or had it last). Its keys never take the focus, so the field
// keeps its caret and a screen reader stays in the field; they remain
// buttons, reachable and pressable by keyboard too. AZERTY in French,
// QWERTY in English, both with the accents and the apostrophe of French
// names and streets ("Léa", "rue de l'Église") and "+" for a +33 number.
// The shift key makes the next letter a capital. Postcode and phone fields
// get a digit pad instead.

const LAYOUTS: Readonly<Record<KioskLanguage, readonly string[]>> = {
  fr: ['1234567890+', 'azertyuiop', 'qsdfghjklm', 'wxcvbn@.-_', "éèêàâçîôù'"],
  en: ['1234567890+', 'qwertyuiop', 'asdfghjkl@', 'zxcvbnm.-_', "éèêàâçîôù'"],
};
const DIGITS: readonly string[] = ['123', '456', '789', '+0'];

export type KeyboardKey = { readonly type: 'char'; readonly char: string } | { readonly type: 'backspace' };
export type KeyboardLayout = 'text' | 'digits';

const keepFocus = (event: MouseEvent) => event.preventDefault();

/** Memoised: with a steady `onKey`, typing re-renders the field and the results, not the keys. */
export const OnScreenKeyboard = memo(function OnScreenKeyboard({
  language,
  onKey,
  layout = 'text',
  testId = 'kiosk-keyboard',
}: {
  readonly language: KioskLanguage;
  readonly onKey: (key: KeyboardKey) => void;
  readonly layout?: KeyboardLayout;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  const [shift, setShift] = useState(false);
  const rows = layout === 'digits' ? DIGITS : LAYOUTS[language];
  const type = (char: string) => {
    onKey({ type: 'char', char: shift ? char.toUpperCase() : char });
    setShift(false);
  };
  return (
    <fieldset
      className={
        layout === 'digits'
          ? 'kiosk-plain kiosk-keyboard kiosk-keyboard-digits'
          : 'kiosk-plain kiosk-keyboard'
      }
      data-testid={testId}
      data-layout={layout}
    >
      <legend className="visually-hidden">{t('kioskApp.keyboard.label')}</legend>
      {rows.map((row) => (
        <div className="kiosk-keyboard-row" key={row}>
          {[...row].map((char) => (
            <button
              key={char}
              type="button"
              className="kiosk-key"
              tabIndex={-1}
              onMouseDown={keepFocus}
              onClick={() => type(char)}
              aria-label={char === "'" ? t('kioskApp.keyboard.apostrophe') : undefined}
              data-key={char}
            >
              {shift ? char.toUpperCase() : char}
            </button>
          ))}
        </div>
      ))}
      <div className="kiosk-keyboard-row">
        {layout === 'text' ? (
          <button
            type="button"
            className="kiosk-key kiosk-key-shift"
            tabIndex={-1}
            onMouseDown={keepFocus}
            onClick={() => setShift(!shift)}
            aria-pressed={shift}
            aria-label={t('kioskApp.keyboard.shift')}
            data-key="shift"
          >
            ⇧
          </button>
        ) : null}
        <button
          type="button"
          className="kiosk-key kiosk-key-space"
          tabIndex={-1}
          onMouseDown={keepFocus}
          onClick={() => type(' ')}
          data-key="space"
        >
          {t('kioskApp.keyboard.space')}
        </button>
        <button
          type="button"
          className="kiosk-key kiosk-key-back"
          tabIndex={-1}
          onMouseDown={keepFocus}
          onClick={() => onKey({ type: 'backspace' })}
          aria-label={t('kioskApp.keyboard.backspace')}
          data-key="backspace"
        >
          ⌫
        </button>
      </div>
    </fieldset>
  );
});

/** The text after a key of the on-screen keyboard, typed at the end. */
export function typeKey(text: string, key: KeyboardKey, maxLength = 100): string {
  if (key.type === 'backspace') return [...text].slice(0, -1).join('');
  return (text + key.char).slice(0, maxLength);
}
