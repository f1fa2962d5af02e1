import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title, so that several open tabs of PCMT can be told apart. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page });
  }, [t, page]);
}
