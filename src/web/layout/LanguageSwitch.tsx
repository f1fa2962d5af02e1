import { isLocale, LOCALES, type Locale } from '@shared/locale';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, DEFAULT_LANGUAGE } from '../i18n';

/** Vietnamese / English switch; each option is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active: Locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('language.label')}
      value={active}
      options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      onChange={(locale) => void changeLanguage(locale)}
    />
  );
}
