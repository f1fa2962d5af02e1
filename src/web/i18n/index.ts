import { isLocale, type Locale } from '@shared/locale';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';

export const DEFAULT_LANGUAGE: Locale = 'vi';
const STORAGE_KEY = 'pcmt.language';

/** The language chosen earlier on this computer; Vietnamese unless the officer switched. */
export function storedLanguage(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled by browser policy; the app still works, in Vietnamese.
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguageToPage(language: Locale): void {
  document.documentElement.lang = language;
  // dayjs drives antd's date widgets; the English UI keeps dayjs' default (en).
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
}

export const i18n = i18next.createInstance();

/** Initialises i18next synchronously (resources are bundled), in the stored language. */
export function initI18n(language: Locale = storedLanguage()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: ['vi', 'en'],
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
    });
    i18n.on('languageChanged', (lng) => {
      if (isLocale(lng)) applyLanguageToPage(lng);
    });
  } else if (i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  applyLanguageToPage(language);
  return i18n;
}

/** The language currently shown, as sent in `Accept-Language`. */
export function currentLanguage(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LANGUAGE;
}

/** Switches the UI language and remembers the choice on this computer. */
export async function changeLanguage(language: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch itself still works for this session.
  }
  await i18n.changeLanguage(language);
}
