import { useQuery } from '@tanstack/react-query';
import { Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { SuccessionTable } from './SuccessionTable';
import { unitQueries } from './units-api';
import type { UnitPeriods } from './use-periods';

/** "Nay thuộc": the current units an old (pre-2025) unit went into. */
export function SuccessorsTable({ code, name, periods }: { code: string; name: string; periods: UnitPeriods }) {
  const { t } = useTranslation();
  const currentAt = periods.current.referenceDate;
  const successors = useQuery(unitQueries.successors(code, periods.pre2025.referenceDate, currentAt));
  // Successors carry no ancestor names; the current provinces (usually cached by the tree) do.
  const provinces = useQuery(unitQueries.children(null, currentAt));
  const provinceNames = useMemo(
    () => new Map((provinces.data?.items ?? []).map((province) => [province.code, province.fullName])),
    [provinces.data],
  );

  return (
    <section>
      <Typography.Title level={5}>{t('units.successors.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('units.successors.lead', { name })}</Typography.Paragraph>
      {successors.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : successors.isError ? (
        <ApiErrorAlert error={successors.error} onRetry={() => void successors.refetch()} />
      ) : (
        <SuccessionTable
          links={successors.data.successors}
          linkPeriod="current"
          unitTitle={t('units.successors.unit')}
          placeOf={(link) => {
            const provinceCode = link.unit.path[0];
            if (link.unit.level === 'province' || provinceCode === undefined) return null;
            return provinceNames.get(provinceCode) ?? null;
          }}
          emptyText={t('units.successors.empty')}
        />
      )}
    </section>
  );
}
