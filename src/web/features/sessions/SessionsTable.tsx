import type { SessionDto } from '@shared/contracts/auth';
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDateTime } from '../../components/format';
import { describeUserAgent } from './user-agent';

interface SessionsTableProps {
  sessions: SessionDto[];
  revokingId: string | null;
  onRevoke: (session: SessionDto) => Promise<unknown>;
}

export function SessionsTable({ sessions, revokingId, onRevoke }: SessionsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SessionDto> = [
    {
      key: 'device',
      title: t('sessions.column.device'),
      render: (_, session) => (
        <Space size={4} wrap>
          <Tooltip title={session.userAgent ?? undefined}>
            <span>{describeUserAgent(session.userAgent) ?? t('sessions.unknownDevice')}</span>
          </Tooltip>
          {session.current ? <Tag color="blue">{t('sessions.current')}</Tag> : null}
          {session.stage === 'active' ? null : <Tag>{t(`sessions.stage.${session.stage}`)}</Tag>}
        </Space>
      ),
    },
    { key: 'ip', title: t('sessions.column.ip'), width: 140, render: (_, session) => session.ip ?? t('common.empty') },
    {
      key: 'createdAt',
      title: t('sessions.column.createdAt'),
      width: 150,
      render: (_, session) => displayDateTime(session.createdAt),
    },
    {
      key: 'lastSeenAt',
      title: t('sessions.column.lastSeenAt'),
      width: 150,
      render: (_, session) => displayDateTime(session.lastSeenAt),
    },
    {
      key: 'expiresAt',
      title: t('sessions.column.expiresAt'),
      width: 150,
      render: (_, session) => displayDateTime(session.expiresAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, session) => (
        <Popconfirm
          title={t('sessions.revokeTitle')}
          description={session.current ? t('sessions.revokeCurrentWarning') : t('sessions.revokeOtherWarning')}
          okText={t('sessions.revoke')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => onRevoke(session)}
        >
          <Button size="small" danger loading={revokingId === session.id} data-testid="session-revoke">
            {session.current ? t('sessions.revokeCurrent') : t('sessions.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <Table<SessionDto>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={sessions}
      pagination={false}
      locale={{ emptyText: t('sessions.empty') }}
      scroll={{ x: 900 }}
    />
  );
}
