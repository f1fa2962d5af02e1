import type { WorkQueueItemDto } from '@shared/contracts/work-queue';
import { PROCEDURES } from '@shared/workflow/registry';
import { TIMER_LABELS } from '@shared/workflow/timer-labels';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Empty, Skeleton, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate, displayDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { moveQueries } from '../persons/person-moves-api';

type TransferItem = Extract<WorkQueueItemDto, { kind: 'transfer' }>;
const DIRECTION_COLOR: Record<TransferItem['direction'], string> = {
  incoming: 'blue',
  outgoing: 'default',
  internal: 'purple',
};

type PlanReportItem = Extract<WorkQueueItemDto, { kind: 'plan_report' }>;
const PLAN_STATE_COLOR: Record<PlanReportItem['state'], string> = { pending: 'blue', returned: 'orange', missing: 'red' };

function rowKeyOf(item: WorkQueueItemDto): string {
  switch (item.kind) {
    case 'transfer':
      return item.transferId;
    case 'deadline':
      return item.deadlineId;
    case 'plan_report':
      return `${item.taskId}:${item.dueDate}`;
    case 'plan_review':
      return item.reportId;
  }
}

/**
 * /work-queue, "Việc cần làm" (USER-JOURNEYS.md: where a commune officer starts the day): what
 * waits for the officer's unit, oldest deadline first, overdue items in red: residence transfers
 * to acknowledge (incoming) or awaiting the other commune (outgoing), and legal deadlines of the
 * procedures overdue or due within 7 days (issue 5), each opening the person's file; plan reports the
 * unit owes or must review (issue 6), each opening the plan.
 */
export function WorkQueuePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const queue = useQuery(moveQueries.workQueue());
  const columns: TableColumnsType<WorkQueueItemDto> = [
    {
      key: 'due',
      title: t('workQueue.column.due'),
      width: 150,
      render: (_, item) => (
        <Space size={4} wrap>
          <span data-testid="work-item-due">{displayDate(item.dueDate)}</span>
          {item.overdue ? (
            <Tag color="red" data-testid="work-item-overdue">
              {t('workQueue.overdue')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'what',
      title: t('workQueue.column.what'),
      render: (_, item) =>
        item.kind === 'plan_report' ? (
          <Space size={[6, 4]} wrap data-testid="work-item-plan-report">
            <Tag color={PLAN_STATE_COLOR[item.state]}>{t(`workQueue.planReport.${item.state}`)}</Tag>
            <span>{t('workQueue.planTask', { position: item.taskPosition, assignee: item.assigneeName })}</span>
          </Space>
        ) : item.kind === 'plan_review' ? (
          <Space size={[6, 4]} wrap data-testid="work-item-plan-review">
            <Tag color="purple">{t('workQueue.planReview')}</Tag>
            <span>{t('workQueue.planReviewOf', { position: item.taskPosition, unit: item.unit.fullName })}</span>
          </Space>
        ) : item.kind === 'transfer' ? (
          <Space size={[6, 4]} wrap>
            <Tag color={DIRECTION_COLOR[item.direction]}>{t(`workQueue.direction.${item.direction}`)}</Tag>
            <span>{t('workQueue.transfer', { from: item.fromUnit.fullName, to: item.toUnit.fullName })}</span>
          </Space>
        ) : (
          <Space size={[6, 4]} wrap data-testid={`work-item-deadline-${item.timer}`}>
            <Tag color="geekblue">{PROCEDURES[item.procedureKind].label[lang]}</Tag>
            <span>{TIMER_LABELS[item.timer]?.[lang] ?? item.timer}</span>
            {item.confirmed ? null : <Tag color="gold">{t('workQueue.unconfirmed')}</Tag>}
          </Space>
        ),
    },
    {
      key: 'person',
      title: t('workQueue.column.person'),
      width: 260,
      render: (_, item) =>
        item.kind === 'plan_report' || item.kind === 'plan_review' ? (
          <Link to="/plans/$planId" params={{ planId: item.planId }} data-testid="work-item-plan-link">
            {item.planNumber ? `${item.planNumber}: ` : ''}
            {item.planTitle}
          </Link>
        ) : (
          <Link
            to="/persons/$id"
            params={{ id: item.personId }}
            search={{ tab: item.kind === 'transfer' ? 'transfers' : 'procedures' }}
            data-testid="work-item-link"
          >
            <strong>{item.fullName}</strong> ({item.birthYear})
          </Link>
        ),
    },
    {
      key: 'requested',
      title: t('workQueue.column.requested'),
      width: 130,
      render: (_, item) =>
        item.kind === 'transfer'
          ? displayDateTime(item.requestedAt).slice(0, 10)
          : item.kind === 'deadline'
            ? displayDate(item.startsOn)
            : item.kind === 'plan_review'
              ? displayDateTime(item.submittedAt).slice(0, 10)
              : '—',
    },
  ];
  return (
    <>
      <PageHeader title={t('workQueue.title')} lead={t('workQueue.lead')} />
      {queue.isPending ? <Skeleton active paragraph={{ rows: 5 }} /> : null}
      {queue.isError ? <ApiErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data ? (
        queue.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workQueue.empty')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('workQueue.summary', {
                count: queue.data.items.length,
                overdue: queue.data.items.filter((item) => item.overdue).length,
                date: displayDate(queue.data.today),
              })}
            </Typography.Paragraph>
            <Table<WorkQueueItemDto>
              size="middle"
              rowKey={rowKeyOf}
              columns={columns}
              dataSource={queue.data.items}
              pagination={false}
              rowClassName={(item) => (item.overdue ? 'pcmt-row-overdue' : '')}
              onRow={() => ({ 'data-testid': 'work-item' }) as HTMLAttributes<HTMLElement>}
            />
          </>
        )
      ) : null}
    </>
  );
}
