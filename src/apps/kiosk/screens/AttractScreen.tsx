import { useTranslation } from 'react-i18next';
import type { KioskAccess } from '../../../state/kiosk-path';
import { useKiosk, useKioskState } from '../kiosk-context';
import { LanguageChoice } from './LanguageChoice';

// The attract screen: in the customer's language, one touch starts. The
// language and the accessibility modes are chosen here, before anything
// else, so they can be turned on without needing them first.

const MODES: readonly (keyof KioskAccess)[] = ['highContrast', 'largeText', 'lowerLayout'];

export function AttractScreen() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const access = useKioskState((s) => s.path.access);
  return (
    <section className="kiosk-attract" aria-labelledby="kiosk-attract-title" data-testid="kiosk-attract">
      <div className="kiosk-attract-hero">
        <h1 id="kiosk-attract-title">{t('kioskApp.title')}</h1>
        <p>{t('kioskApp.intro')}</p>
      </div>
      <button
        type="button"
        className="kiosk-start"
        data-testid="kiosk-start"
        onClick={() => void kiosk.start()}
      >
        <span className="kiosk-start-words">{t('kioskApp.attract.start')}</span>
        <span className="kiosk-start-hint">{t('kioskApp.attract.startHint')}</span>
      </button>
      <div className="kiosk-attract-choices">
        <LanguageChoice />
        <fieldset className="kiosk-access" data-testid="kiosk-access">
          <legend>{t('kioskApp.access.title')}</legend>
          {MODES.map((mode) => (
            <button
              key={mode}
              type="button"
              className="kiosk-toggle"
              aria-pressed={access[mode]}
              data-testid={`kiosk-access-${mode}`}
              onClick={() => kiosk.dispatch({ type: 'toggle-access', mode })}
            >
              <span aria-hidden="true" className="kiosk-toggle-mark">
                {access[mode] ? '✓' : ''}
              </span>
              <span className="kiosk-toggle-words">{t(`kioskApp.access.${mode}`)}</span>
              <span aria-hidden="true" className="kiosk-toggle-state">
                {access[mode] ? t('kioskApp.access.on') : t('kioskApp.access.off')}
              </span>
            </button>
          ))}
        </fieldset>
      </div>
    </section>
  );
}
