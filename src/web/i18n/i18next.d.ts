import 'i18next';
import type vi from './vi.json';

// Typed keys: `t('units.titel')` is a compile error. Vietnamese is the reference dictionary.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
