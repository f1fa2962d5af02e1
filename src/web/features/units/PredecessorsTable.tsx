import { useQuery } from '@tanstack/react-query';
import { Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { SuccessionTable } from './SuccessionTable';
import { ancestorsText } from './unit-text';
import { unitQueries } from './units-api';

/** "Hình thành từ": the pre-2025 units merged (wholly or partly) into a current unit. */
export function PredecessorsTable({ code, name, at }: { code: string; name: string; at: string }) {
  const { t } = useTranslation();
  const predecessors = useQuery(unitQueries.predecessors(code, at));

  return (
    <section>
      <Typography.Title level={5}>{t('units.predecessors.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('units.predecessors.lead', { name })}</Typography.Paragraph>
      {predecessors.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : predecessors.isError ? (
        <ApiErrorAlert error={predecessors.error} onRetry={() => void predecessors.refetch()} />
      ) : (
        <SuccessionTable
          links={predecessors.data.predecessors}
          linkPeriod="pre2025"
          unitTitle={t('units.predecessors.unit')}
          placeOf={(link) => (link.ancestors.length > 0 ? ancestorsText(link.ancestors) : null)}
          emptyText={t('units.predecessors.empty')}
        />
      )}
    </section>
  );
}
