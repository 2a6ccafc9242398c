import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

// The renderer's words: French by default, English complete (a test holds
// both to the same keys). Screens use `useTranslation()`; state modules that
// build sentences for the screens use `i18n.t` (the same instance).

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export const resources = {
  fr: { translation: fr },
  en: { translation: en },
} as const;

/** Intl locale of each language: money, numbers, dates and times. */
export const INTL_LOCALE: Readonly<Record<Language, string>> = { fr: 'fr-FR', en: 'en-GB' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  // React escapes what it renders; the words are never put in HTML by hand.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** The active language (French unless switched). */
export function activeLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

/** Switches every screen's words; also tells the page, for screen readers and hyphenation. */
export async function setLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export const t = i18n.t;
