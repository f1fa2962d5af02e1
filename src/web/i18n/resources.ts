import en from './en.json';
import vi from './vi.json';

/**
 * Both dictionaries are bundled: together they are a few kB, and loading them over the network
 * would only add a request before the first paint. `satisfies` makes the build fail when a key
 * exists in Vietnamese but not in English (or the other way round via the i18n test).
 */
export const resources = {
  vi: { translation: vi },
  en: { translation: en satisfies typeof vi },
} as const;
