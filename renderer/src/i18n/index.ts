import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fi } from './locales/fi';
import { pl } from './locales/pl';
import { sv } from './locales/sv';
import type { AppErrorShape } from '../../../shared/ipc/errors';

export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'sv', label: 'Svenska' },
  { value: 'fi', label: 'Suomi' },
  { value: 'pl', label: 'Polski' },
] as const;

const LANGUAGE_KEY = 'tessera.language';
const supported: readonly string[] = LANGUAGES.map((l) => l.value);

function initialLanguage(): string {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (stored && supported.includes(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return supported.includes(browser) ? browser : 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    sv: { translation: sv },
    fi: { translation: fi },
    pl: { translation: pl },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(LANGUAGE_KEY, lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

/**
 * The message for an error from the core: its reason in the person's language when we have words
 * for it; else the core's own (English) message, which is specific; a code alone gets its generic words.
 */
export function errorMessage(error: AppErrorShape): string {
  const key = error.reason ? `errors.${error.reason}` : `errors.${error.code}`;
  return i18n.t(key, { ...error.params, defaultValue: error.message });
}

export default i18n;
