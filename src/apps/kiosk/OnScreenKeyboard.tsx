import { type MouseEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskLanguage } from '../../state/kiosk-path';

// The kiosk has no physical keyboard: this one types into the field that has
// the focus (or had it last). Its keys never take the focus, so the field
// keeps its caret and a screen reader stays in the field; they remain
// buttons, reachable and pressable by keyboard too. AZERTY in French,
// QWERTY in English; accents are not needed to find a product.

const LAYOUTS: Readonly<Record<KioskLanguage, readonly string[]>> = {
  fr: ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn@.-_'],
  en: ['1234567890', 'qwertyuiop', 'asdfghjkl@', 'zxcvbnm.-_'],
};

export type KeyboardKey = { readonly type: 'char'; readonly char: string } | { readonly type: 'backspace' };

const keepFocus = (event: MouseEvent) => event.preventDefault();

/** Memoised: with a steady `onKey`, typing re-renders the field and the results, not the keys. */
export const OnScreenKeyboard = memo(function OnScreenKeyboard({
  language,
  onKey,
  testId = 'kiosk-keyboard',
}: {
  readonly language: KioskLanguage;
  readonly onKey: (key: KeyboardKey) => void;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="kiosk-plain kiosk-keyboard" data-testid={testId}>
      <legend className="visually-hidden">{t('kioskApp.keyboard.label')}</legend>
      {LAYOUTS[language].map((row) => (
        <div className="kiosk-keyboard-row" key={row}>
          {[...row].map((char) => (
            <button
              key={char}
              type="button"
              className="kiosk-key"
              tabIndex={-1}
              onMouseDown={keepFocus}
              onClick={() => onKey({ type: 'char', char })}
              data-key={char}
            >
              {char.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <div className="kiosk-keyboard-row">
        <button
          type="button"
          className="kiosk-key kiosk-key-space"
          tabIndex={-1}
          onMouseDown={keepFocus}
          onClick={() => onKey({ type: 'char', char: ' ' })}
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
