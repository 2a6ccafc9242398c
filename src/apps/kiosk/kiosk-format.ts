import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, isLanguage } from '../../i18n/i18n';

// Dates and times as the kiosk says them to customers: "aujourd’hui",
// "demain", "jeudi 14 mai"; "14:02" (today) or "12/05 14:02" (an older figure).

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** The kiosk's local date (YYYY-MM-DD). */
const localDay = (at: Date) => `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

export function useKioskFormat() {
  const { i18n } = useTranslation();
  const locale = INTL_LOCALE[isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr'];
  return {
    /** A YYYY-MM-DD day: "aujourd’hui", "demain", else weekday and date ("jeudi 14 mai"). */
    day: (ymd: string, now: Date = new Date()) => {
      const ahead = Math.round(
        (Date.parse(`${ymd}T12:00:00Z`) - Date.parse(`${localDay(now)}T12:00:00Z`)) / DAY_MS,
      );
      if (ahead === 0 || ahead === 1)
        return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(ahead, 'day');
      return new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${ymd}T12:00:00Z`));
    },
    /** When a figure was true: the time today, the date and time before. */
    asOf: (iso: string, now: Date) => {
      const at = new Date(iso);
      const sameDay = at.toDateString() === now.toDateString();
      return new Intl.DateTimeFormat(
        locale,
        sameDay
          ? { hour: '2-digit', minute: '2-digit' }
          : { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' },
      ).format(at);
    },
  };
}
