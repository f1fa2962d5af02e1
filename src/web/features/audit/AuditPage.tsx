import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AuditFilters } from './AuditFilters';
import { AuditCount, AuditTable } from './AuditTable';
import { AuditVerify } from './AuditVerify';
import { auditQueries } from './audit-api';

const route = getRouteApi('/_app/audit');

/**
 * /audit: the access log for auditors. Answers "who opened this record, when, from which unit";
 * every filter is in the URL.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canVerify = useCan('audit:verify');
  const events = useInfiniteQuery(auditQueries.events(search));
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} extra={canVerify ? <AuditVerify /> : null} />
      <AuditFilters key={JSON.stringify(search)} search={search} onApply={(next) => void navigate({ search: next })} />
      {events.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : events.isError && !events.isFetchNextPageError ? (
        <ApiErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          <AuditTable events={rows} loading={events.isFetching && !events.isFetchingNextPage} />
          <Flex justify="space-between" align="center" className="pcmt-audit-footer">
            <AuditCount shown={rows.length} more={events.hasNextPage} />
            {events.hasNextPage ? (
              <Button
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
                data-testid="audit-load-more"
              >
                {t('audit.loadMore')}
              </Button>
            ) : null}
          </Flex>
          {events.isFetchNextPageError ? (
            <ApiErrorAlert error={events.error} onRetry={() => void events.fetchNextPage()} />
          ) : null}
        </>
      )}
    </>
  );
}
