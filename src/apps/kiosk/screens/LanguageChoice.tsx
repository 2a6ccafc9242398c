import { useTranslation } from 'react-i18next';
import { useKiosk, useKioskState } from '../kiosk-context';

const LANGUAGES = ['fr', 'en'] as const;

/** Français / English, each named in its own language (lang attribute for screen readers). */
export function LanguageChoice({ compact = false }: { readonly compact?: boolean }) {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const language = useKioskState((s) => s.path.language);
  return (
    <fieldset
      className={`kiosk-plain ${compact ? 'kiosk-languages kiosk-languages-compact' : 'kiosk-languages'}`}
      data-testid="kiosk-languages"
    >
      <legend className="visually-hidden">{t('kioskApp.language.label')}</legend>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="kiosk-language"
          aria-pressed={language === code}
          data-testid={`kiosk-language-${code}`}
          onClick={() => kiosk.chooseLanguage(code)}
        >
          {t(`kioskApp.language.${code}`)}
        </button>
      ))}
    </fieldset>
  );
}
