import { foldVi } from '@shared/text/vi';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { agencyQueries } from '../agencies/agencies-api';

/** An agency of the catalogue (GET /api/agencies), searchable without accents; a code not in it still shows. */
export function AgencyPicker({
  value,
  onChange,
  id,
  testId,
}: {
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const agencies = useQuery({ ...agencyQueries.list(false), staleTime: 5 * 60_000 });
  const english = i18n.language === 'en';
  const options = (agencies.data?.items ?? []).map((agency) => ({
    value: agency.code,
    label: `${english ? agency.nameEn : agency.nameVi} (${agency.code})`,
  }));
  if (value && agencies.data && !options.some((option) => option.value === value)) options.push({ value, label: value });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      virtual={false}
      data-testid={testId}
      loading={agencies.isPending}
      placeholder={t('plans.form.agencyPlaceholder')}
      status={agencies.isError ? 'error' : undefined}
      notFoundContent={agencies.isError ? agencies.error.message : undefined}
      showSearch={{ filterOption: (input, option) => foldVi(String(option?.label ?? '')).includes(foldVi(input)) }}
      options={options}
    />
  );
}
