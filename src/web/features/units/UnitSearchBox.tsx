import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput';

interface UnitSearchBoxProps {
  /** The search text in the URL (`?q=`). */
  value: string | undefined;
  /** Called once typing pauses; `undefined` clears the search and brings the tree back. */
  onSearch: (q: string | undefined) => void;
}

/** Search box of the units page (debounced, kept in the URL). */
export function UnitSearchBox({ value, onSearch }: UnitSearchBoxProps) {
  const { t } = useTranslation();
  return (
    <SearchInput
      value={value}
      onSearch={onSearch}
      label={t('units.search.label')}
      placeholder={t('units.search.placeholder')}
      testId="unit-search"
    />
  );
}
