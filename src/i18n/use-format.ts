import { useTranslation } from 'react-i18next';
import type { Money } from '../core/money';
import { formatMoney } from '../core/money';
import { INTL_LOCALE, isLanguage } from './i18n';

/** Money, counts and times in the active language (Intl), for screens. */
export function useFormat() {
  const { i18n } = useTranslation();
  return formatterFor(i18n.resolvedLanguage);
}

export function formatterFor(language: string | undefined) {
  const locale = INTL_LOCALE[isLanguage(language) ? language : 'fr'];
  return {
    locale,
    money: (amount: Money) => formatMoney(amount, locale),
    count: (n: number) => new Intl.NumberFormat(locale).format(n),
    percent: (share: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(share),
    time: (epochMs: number) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(epochMs),
  };
}
