import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { raVietnamese } from './ra-vi';
import { vi } from './vi';
import { en } from './en';

export const MESSAGES = {
  vi: { ...raVietnamese, ...vi },
  en: { ...englishMessages, ...en },
};

/** Vietnamese by default; the app bar's language menu switches to English (kept in the browser). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? MESSAGES.en : MESSAGES.vi),
  'vi',
  [
    { locale: 'vi', name: 'Tiếng Việt' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
