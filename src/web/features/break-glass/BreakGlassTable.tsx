import type { BreakGlassDto } from '@shared/contracts/break-glass';
import { Link } from '@tanstack/react-router';
import { Button, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDateTime } from '../../components/format';

/**
 * The reviewer, by name where the page knows it. The API gives the reviewer's user id only; the
 * names it knows are those of the current user and of the requesters in the list.
 */
export type ReviewerName = (userId: string) => string | null;

function Reviewer({ userId, nameOf }: { userId: string; nameOf: ReviewerName }) {
  const name = nameOf(userId);
  return name ? (
    <Typography.Text strong>{name}</Typography.Text>
  ) : (
    <Typography.Text code title={userId}>
      {userId.slice(0, 8)}
    </Typography.Text>
  );
}

/** A grant's review: who, when and the note; or a tag when nobody has looked at it yet. */
export function ReviewStatus({ grant, nameOf }: { grant: BreakGlassDto; nameOf: ReviewerName }) {
  const { t } = useTranslation();
  if (!grant.reviewedAt) return <Tag color="orange">{t('breakGlass.notReviewed')}</Tag>;
  return (
    <div>
      <div>
        <Tag color="blue">{t('breakGlass.reviewed')}</Tag>
        {grant.reviewedByUsername ? (
          <Typography.Text strong>{grant.reviewedByUsername}</Typography.Text>
        ) : grant.reviewedBy ? (
          <Reviewer userId={grant.reviewedBy} nameOf={nameOf} />
        ) : null}
      </div>
      <Typography.Text type="secondary">{displayDateTime(grant.reviewedAt)}</Typography.Text>
      {grant.reviewNote ? (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: grant.reviewNote }} className="pcmt-break-glass-note">
          {grant.reviewNote}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** The full texts of a grant, shown when its row is expanded. */
function GrantDetails({ grant }: { grant: BreakGlassDto }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('breakGlass.column.reason')}>
        <span className="pcmt-break-glass-text">{grant.reason}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('breakGlass.detail.reviewNote')}>
        <span className="pcmt-break-glass-text">{grant.reviewNote ?? t('common.empty')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('breakGlass.detail.grantId')}>
        <Typography.Text code>{grant.id}</Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

interface BreakGlassTableProps {
  grants: BreakGlassDto[];
  nameOf: ReviewerName;
  emptyText: string;
  loading?: boolean;
  /** Given (the review list): unreviewed rows get a "review" button. */
  onReview?: (grant: BreakGlassDto) => void;
  /** Auditors: the record id links to the access log of that record (what was opened, by whom). */
  auditLinks?: boolean;
}

/** Break-the-glass grants, newest first (as the server sends them); a row expands to the full texts. */
export function BreakGlassTable({
  grants,
  nameOf,
  emptyText,
  loading = false,
  onReview,
  auditLinks = false,
}: BreakGlassTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BreakGlassDto> = [
    {
      key: 'user',
      title: t('breakGlass.column.user'),
      width: 140,
      render: (_, grant) => <Typography.Text strong>{grant.username}</Typography.Text>,
    },
    {
      key: 'recordKind',
      title: t('breakGlass.column.recordKind'),
      width: 110,
      render: (_, grant) => t(`breakGlass.recordKind.${grant.recordKind}`),
    },
    {
      key: 'recordId',
      title: t('breakGlass.column.recordId'),
      width: 150,
      ellipsis: true,
      render: (_, grant) =>
        auditLinks ? (
          <Link
            to="/audit"
            search={{ recordKind: grant.recordKind, recordId: grant.recordId }}
            title={t('breakGlass.openAudit', { id: grant.recordId })}
          >
            <Typography.Text code>{grant.recordId}</Typography.Text>
          </Link>
        ) : (
          <Typography.Text code title={grant.recordId}>
            {grant.recordId}
          </Typography.Text>
        ),
    },
    {
      key: 'reason',
      title: t('breakGlass.column.reason'),
      width: 240,
      render: (_, grant) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: grant.reason }} className="pcmt-break-glass-note">
          {grant.reason}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'grantedAt',
      title: t('breakGlass.column.grantedAt'),
      width: 130,
      render: (_, grant) => displayDateTime(grant.grantedAt),
    },
    {
      key: 'expiresAt',
      title: t('breakGlass.column.expiresAt'),
      width: 140,
      render: (_, grant) => (
        <Space orientation="vertical" size={2}>
          <span>{displayDateTime(grant.expiresAt)}</span>
          {grant.active ? <Tag color="green">{t('breakGlass.active')}</Tag> : <Tag>{t('breakGlass.expired')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'review',
      title: t('breakGlass.column.review'),
      width: 220,
      render: (_, grant) => <ReviewStatus grant={grant} nameOf={nameOf} />,
    },
  ];
  if (onReview) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, grant) =>
        grant.reviewedAt ? null : (
          <Button size="small" type="primary" onClick={() => onReview(grant)} data-testid="break-glass-review">
            {t('breakGlass.review.button')}
          </Button>
        ),
    });
  }

  return (
    <Table<BreakGlassDto>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={grants}
      loading={loading}
      pagination={grants.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText }}
      expandable={{ expandedRowRender: (grant) => <GrantDetails grant={grant} /> }}
      scroll={{ x: 1150 }}
      data-testid="break-glass-table"
    />
  );
}
