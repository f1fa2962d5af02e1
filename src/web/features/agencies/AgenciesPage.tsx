import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Flex, Skeleton, Switch, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AgenciesTable } from './AgenciesTable';
import { agencyQueries } from './agencies-api';

const route = getRouteApi('/_app/agencies');

/** /agencies: the agencies list; `?all=true` keeps retired agencies in view. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const { all = false } = route.useSearch();
  const navigate = route.useNavigate();
  const switchId = useId();
  // Keep the current rows while the other list loads, so the table does not collapse.
  const agencies = useQuery({ ...agencyQueries.list(all), placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader title={t('agencies.title')} lead={t('agencies.lead')} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Flex align="center" gap={8}>
          <Switch id={switchId} checked={all} onChange={(checked) => void navigate({ search: { all: checked || undefined } })} />
          <label htmlFor={switchId}>{t('agencies.showRetired')}</label>
        </Flex>
        {agencies.data ? (
          <Typography.Text type="secondary">{t('agencies.count', { count: agencies.data.items.length })}</Typography.Text>
        ) : null}
      </Flex>
      {agencies.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : agencies.isError ? (
        <ApiErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : (
        <AgenciesTable agencies={agencies.data.items} loading={agencies.isPlaceholderData} />
      )}
    </>
  );
}
