import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PredecessorsTable } from './PredecessorsTable';
import { SuccessorsTable } from './SuccessorsTable';
import { UnitDetailCard } from './UnitDetailCard';
import { unitQueries } from './units-api';
import type { UnitsPeriodParam } from './units-search';
import type { UnitPeriods } from './use-periods';

interface UnitDetailPanelProps {
  code: string | undefined;
  period: UnitsPeriodParam;
  periods: UnitPeriods;
}

/**
 * Right-hand side of the units page: the selected unit and how the 2025 reorganisation
 * touched it — where an old unit went ("Nay thuộc"), or what a current one was formed from.
 */
export function UnitDetailPanel({ code, period, periods }: UnitDetailPanelProps) {
  const { t } = useTranslation();
  const at = periods[period].referenceDate;
  const detail = useQuery({ ...unitQueries.detail(code ?? '', at), enabled: code !== undefined });

  if (code === undefined) {
    return (
      <Card>
        <Empty description={t('units.detail.placeholder')} />
      </Card>
    );
  }
  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (detail.isError) {
    // e.g. UNIT_NOT_FOUND for a code that does not exist in this period: the server says so.
    return <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }

  const { unit, ancestors } = detail.data;
  return (
    <Card
      title={unit.fullName}
      extra={<Tag color={period === 'current' ? 'blue' : 'default'}>{t(`units.period.${period}`)}</Tag>}
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <UnitDetailCard unit={unit} ancestors={ancestors} period={period} />
        {period === 'pre2025' ? (
          <SuccessorsTable code={unit.code} name={unit.fullName} periods={periods} />
        ) : (
          <PredecessorsTable code={unit.code} name={unit.fullName} at={at} />
        )}
      </Space>
    </Card>
  );
}
