import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../shared/languages';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import vi from './locales/vi.json';
import zh from './locales/zh.json';

/** The interface messages of every language, in ICU MessageFormat. */
export const messages: Record<Language, typeof en> = { ar, zh, en, fr, ru, es, vi };

const instances = new Map<Language, i18n>();

/** One ready i18next instance per language, created synchronously and reused across requests. */
export function getI18n(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    instance.use(ICU).init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      resources: Object.fromEntries(LANGUAGES.map((code) => [code, { translation: messages[code] }])),
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(language, instance);
  }
  return instance;
}
