import type { PoleWords } from '../core/display/pole-display-lines';
import { activeLanguage, INTL_LOCALE, t } from '../i18n/i18n';

/** The customer display's words and amount format in the active language. */
export function poleWords(): PoleWords {
  return {
    total: t('display.total'),
    toPay: t('display.toPay'),
    received: t('display.received'),
    change: t('display.change'),
    locale: INTL_LOCALE[activeLanguage()],
  };
}
