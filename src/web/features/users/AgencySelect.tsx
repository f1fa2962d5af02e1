import { foldVi } from '@shared/text/vi';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { agencyQueries } from '../agencies/agencies-api';

/** Active agencies by name, searchable without accents ("cong an" finds "Công an tỉnh"). */
export function AgencySelect({ value, onChange, id }: { value?: string; onChange?: (code: string) => void; id?: string }) {
  const { t, i18n } = useTranslation();
  const agencies = useQuery(agencyQueries.list(false));
  const english = i18n.language === 'en';
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      virtual={false}
      data-testid="user-agency"
      loading={agencies.isPending}
      placeholder={t('users.form.agencyPlaceholder')}
      status={agencies.isError ? 'error' : undefined}
      notFoundContent={agencies.isError ? agencies.error.message : undefined}
      showSearch={{
        filterOption: (input, option) => foldVi(String(option?.label ?? '')).includes(foldVi(input)),
      }}
      options={(agencies.data?.items ?? []).map((agency) => ({
        value: agency.code,
        label: `${english ? agency.nameEn : agency.nameVi} (${agency.code})`,
      }))}
    />
  );
}
