import { DownloadOutlined } from '@ant-design/icons';
import { type ComplianceRowDto, ComplianceState, type PlanDto, type PlanReportDto } from '@shared/contracts/plans';
import { compareVi } from '@shared/text/vi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate, displayDateTime, displayFileSize } from '../../components/format';
import { COMPLIANCE_COLOR, ComplianceTag } from './plan-tags';
import { documentUrl, planQueries, plansApi } from './plans-api';

const REPORT_STATUS_COLOR: Record<PlanReportDto['status'], string> = {
  submitted: 'blue',
  accepted: 'green',
  returned: 'magenta',
};

/** One report as the reviewer reads it, with accept / return (a return says why). */
function ReportReviewModal({
  row,
  canReview,
  returning,
  onClose,
}: {
  row: ComplianceRowDto;
  canReview: boolean;
  returning: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const [wholeError, setWholeError] = useState<unknown>(null);
  const reports = useQuery(planQueries.reports(row.taskId));
  const report = reports.data?.items.find((item) => item.id === row.reportId) ?? null;
  const review = useMutation({
    mutationFn: ({ decision, comment }: { decision: 'accept' | 'return'; comment: string | null }) => {
      if (!report) throw new Error('no report');
      return plansApi.review(report.id, { version: report.version, decision, comment });
    },
    onMutate: () => setWholeError(null),
    onSuccess: (_, { decision }) => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void message.success(t(decision === 'accept' ? 'plans.review.accepted' : 'plans.review.returned'));
      onClose();
    },
    onError: (error) => {
      const comment = error instanceof ApiError ? error.issues.find((issue) => issue.path.includes('comment')) : undefined;
      if (comment) form.setFields([{ name: 'comment', errors: [comment.message] }]);
      else setWholeError(error);
    },
  });
  const decide = async (decision: 'accept' | 'return') => {
    const comment = ((form.getFieldValue('comment') as string | undefined) ?? '').trim();
    if (decision === 'return' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('plans.review.commentRequired')] }]);
      return;
    }
    review.mutate({ decision, comment: comment || null });
  };
  const reviewable = canReview && report?.status === 'submitted';

  return (
    <Modal
      open
      width={760}
      title={t('plans.review.title', { unit: row.unitName, deadline: displayDate(row.deadline) })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {reviewable ? (
            <>
              <Button
                danger
                loading={review.isPending && review.variables?.decision === 'return'}
                onClick={() => void decide('return')}
                data-testid="report-return"
              >
                {t('plans.review.return')}
              </Button>
              <Button
                type="primary"
                loading={review.isPending && review.variables?.decision === 'accept'}
                onClick={() => void decide('accept')}
                data-testid="report-accept"
              >
                {t('plans.review.accept')}
              </Button>
            </>
          ) : null}
        </Flex>
      }
    >
      {reports.isPending ? <Skeleton active /> : null}
      {reports.isError ? <ApiErrorAlert error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      {wholeError ? <ApiErrorAlert error={wholeError} /> : null}
      {reports.data && !report ? <Empty description={t('plans.review.notFound')} /> : null}
      {report ? (
        <Flex vertical gap={12} data-testid="report-view">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('plans.report.period')}>
              {displayDate(report.periodFrom)} – {displayDate(report.periodTo)}
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.report.deadline')}>{displayDate(report.deadline)}</Descriptions.Item>
            <Descriptions.Item label={t('plans.compliance.submittedAt')}>
              {displayDateTime(report.submittedAt)}
              {report.late ? (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('plans.compliance.state.late')}
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.review.status')}>
              <Tag color={REPORT_STATUS_COLOR[report.status]}>{t(`plans.reportStatus.${report.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph className="pcmt-plan-narrative" data-testid="report-narrative">
            {report.narrative}
          </Typography.Paragraph>
          {report.figures.length > 0 ? (
            <Table
              size="small"
              pagination={false}
              rowKey={(figure) => figure.label}
              dataSource={report.figures}
              columns={[
                { key: 'label', title: t('plans.report.figureLabel'), dataIndex: 'label' },
                {
                  key: 'value',
                  title: t('plans.report.figureValue'),
                  render: (_, figure) => `${figure.value.toLocaleString('vi-VN')}${figure.unit ? ` ${figure.unit}` : ''}`,
                },
              ]}
            />
          ) : null}
          {report.attachments.length > 0 ? (
            <ul>
              {report.attachments.map((file) => (
                <li key={file.id}>
                  <a href={documentUrl(file.id)} download={file.fileName}>
                    {file.fileName}
                  </a>{' '}
                  ({displayFileSize(file.sizeBytes)})
                </li>
              ))}
            </ul>
          ) : null}
          {report.reviewComment ? (
            <Typography.Text type="secondary">
              {t('plans.review.comment')}: {report.reviewComment}
            </Typography.Text>
          ) : null}
          {reviewable ? (
            <Form form={form} layout="vertical">
              <Form.Item name="comment" label={t('plans.review.comment')} extra={t('plans.review.commentHint')}>
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={4000}
                  autoFocus={returning}
                  data-testid="report-review-comment"
                />
              </Form.Item>
            </Form>
          ) : null}
        </Flex>
      ) : null}
    </Modal>
  );
}

/** Rows of one reporter (agency and unit). */
interface Group {
  key: string;
  agencyName: string;
  unitName: string;
  rows: ComplianceRowDto[];
}

export function groupRows(rows: readonly ComplianceRowDto[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = `${row.agencyCode}|${row.unitCode}`;
    const group = groups.get(key) ?? { key, agencyName: row.agencyName, unitName: row.unitName, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.rows.sort((a, b) => a.taskPosition - b.taskPosition || a.deadline.localeCompare(b.deadline));
  }
  return [...groups.values()].sort((a, b) => compareVi(a.agencyName, b.agencyName) || compareVi(a.unitName, b.unitName));
}

/**
 * "Theo dõi báo cáo": for every task, reporter and deadline whether the report came on time, late,
 * not at all, was returned, or is not yet due; the following agency reviews the reports from here.
 */
export function ComplianceBoard({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const compliance = useQuery(planQueries.compliance(plan.id));
  const [open, setOpen] = useState<{ row: ComplianceRowDto; returning: boolean } | null>(null);
  // Accepting needs the report's version: read the task's reports, then accept that one.
  const accept = useMutation({
    mutationFn: async (row: ComplianceRowDto) => {
      const { items } = await queryClient.fetchQuery(planQueries.reports(row.taskId));
      const report = items.find((item) => item.id === row.reportId);
      if (!report) throw new Error(t('plans.review.notFound'));
      return plansApi.review(report.id, { version: report.version, decision: 'accept', comment: null });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void message.success(t('plans.review.accepted'));
    },
    onError: (error) => void message.error(error.message),
  });
  if (compliance.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (compliance.isError) return <ApiErrorAlert error={compliance.error} onRetry={() => void compliance.refetch()} />;
  const { totals, rows, asOf } = compliance.data;

  const columns: TableColumnsType<ComplianceRowDto> = [
    {
      key: 'task',
      title: t('plans.compliance.task'),
      render: (_, row) => `${row.taskPosition}. ${row.assigneeName}`,
    },
    { key: 'deadline', title: t('plans.report.deadline'), width: 120, render: (_, row) => displayDate(row.deadline) },
    {
      key: 'state',
      title: t('plans.compliance.stateTitle'),
      width: 140,
      render: (_, row) => <ComplianceTag state={row.state} />,
    },
    {
      key: 'submitted',
      title: t('plans.compliance.submittedAt'),
      width: 150,
      render: (_, row) => displayDateTime(row.submittedAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 230,
      render: (_, row) =>
        row.reportId ? (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setOpen({ row, returning: false })} data-testid="compliance-view">
              {t('plans.review.view')}
            </Button>
            {plan.canReview && row.reviewStatus === 'submitted' ? (
              <>
                <Button
                  size="small"
                  type="primary"
                  ghost
                  loading={accept.isPending && accept.variables?.reportId === row.reportId}
                  onClick={() => accept.mutate(row)}
                  data-testid="compliance-accept"
                >
                  {t('plans.review.accept')}
                </Button>
                <Button size="small" danger onClick={() => setOpen({ row, returning: true })} data-testid="compliance-return">
                  {t('plans.review.return')}
                </Button>
              </>
            ) : null}
          </Space>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" data-testid="compliance-totals">
        {ComplianceState.options.map((state) => (
          <Tag key={state} color={COMPLIANCE_COLOR[state]}>
            {t(`plans.compliance.state.${state}`)}:{' '}
            <strong data-testid={`compliance-total-${state}`}>{totals[state] ?? 0}</strong>
          </Tag>
        ))}
        <Typography.Text type="secondary">{t('plans.compliance.asOf', { date: displayDate(asOf.slice(0, 10)) })}</Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={`/api/plans/${encodeURIComponent(plan.id)}/compliance.xlsx`}
          data-testid="compliance-export"
        >
          {t('plans.compliance.export')}
        </Button>
      </Flex>
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.compliance.empty')} /> : null}
      {groupRows(rows).map((group) => (
        <section key={group.key} data-testid={`compliance-group-${group.key}`}>
          <Typography.Title level={5}>
            {group.agencyName} · {group.unitName}
          </Typography.Title>
          <Table<ComplianceRowDto>
            size="small"
            pagination={false}
            rowKey={(row) => `${row.taskId}|${row.unitCode}|${row.deadline}`}
            columns={columns}
            dataSource={group.rows}
            onRow={(row) =>
              ({
                'data-testid': `compliance-row-${row.taskPosition}-${row.unitCode}-${row.deadline}`,
              }) as HTMLAttributes<HTMLElement>
            }
          />
        </section>
      ))}
      {open ? (
        <ReportReviewModal row={open.row} canReview={plan.canReview} returning={open.returning} onClose={() => setOpen(null)} />
      ) : null}
    </Flex>
  );
}
