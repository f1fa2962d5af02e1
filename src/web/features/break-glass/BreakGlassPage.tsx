import type { BreakGlassDto } from '@shared/contracts/break-glass';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Badge, Skeleton, Space, Tabs, type TabsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { BreakGlassTable, type ReviewerName } from './BreakGlassTable';
import { breakGlassQueries } from './break-glass-api';
import { BreakGlassTab } from './break-glass-search';
import { ReviewModal } from './ReviewModal';

const route = getRouteApi('/_app/break-glass');

/**
 * /break-glass: emergency access to one record outside one's area or remit. Officers see their
 * own grants; supervisors (provincial lead, auditor) review the grants of others. A grant is
 * requested from the record itself, so this page has no request form.
 */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  const self = useCurrentUser();
  const canRequest = useCan('break_glass:request');
  const canReview = useCan('break_glass:review');
  const canReadAudit = useCan('audit:read');
  const grants = useQuery(breakGlassQueries.list());
  const [reviewing, setReviewing] = useState<BreakGlassDto | null>(null);

  const items = grants.data?.items ?? [];
  const refreshing = grants.isFetching && !grants.isPending;
  const mine = items.filter((grant) => grant.userId === self?.id);
  const others = items.filter((grant) => grant.userId !== self?.id);
  const unreviewed = others.filter((grant) => grant.reviewedAt === null).length;

  const names = new Map(items.map((grant) => [grant.userId, grant.username]));
  if (self) names.set(self.id, self.username);
  const nameOf: ReviewerName = (userId) => names.get(userId) ?? null;

  // An auditor requests nothing, so has no list of their own (unless a former role left one).
  const showMine = canRequest || mine.length > 0;
  const tabs: TabsProps['items'] = [];
  if (showMine) {
    tabs.push({
      key: 'mine',
      label: t('breakGlass.tab.mine'),
      children: <BreakGlassTable grants={mine} nameOf={nameOf} emptyText={t('breakGlass.emptyMine')} loading={refreshing} />,
    });
  }
  if (canReview) {
    tabs.push({
      key: 'review',
      label: (
        <Space size={6}>
          {t('breakGlass.tab.review')}
          <Badge count={unreviewed} title={t('breakGlass.unreviewedCount', { count: unreviewed })} />
        </Space>
      ),
      children: (
        <BreakGlassTable
          grants={others}
          nameOf={nameOf}
          emptyText={t('breakGlass.emptyReview')}
          onReview={setReviewing}
          loading={refreshing}
          auditLinks={canReadAudit}
        />
      ),
    });
  }
  const available = tabs.map((item) => BreakGlassTab.parse(item.key));
  const shown = tab && available.includes(tab) ? tab : available[0];

  return (
    <>
      <PageHeader title={t('breakGlass.title')} lead={t('breakGlass.lead')} />
      {grants.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : grants.isError ? (
        <ApiErrorAlert error={grants.error} onRetry={() => void grants.refetch()} />
      ) : (
        <Tabs
          activeKey={shown}
          items={tabs}
          destroyOnHidden
          onChange={(key) => void navigate({ search: { tab: BreakGlassTab.parse(key) } })}
        />
      )}
      {reviewing ? <ReviewModal grant={reviewing} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}
