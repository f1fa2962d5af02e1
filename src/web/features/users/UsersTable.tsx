import { DownOutlined, EditOutlined } from '@ant-design/icons';
import type { UserDto } from '@shared/contracts/users';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDate, displayDateTime } from '../../components/format';
import { agencyQueries } from '../agencies/agencies-api';
import { UserStatus } from './UserStatus';

export interface UserRowActions {
  edit: (user: UserDto) => void;
  setDisabled: (user: UserDto, disabled: boolean) => void;
  resetPassword: (user: UserDto) => void;
  revokeSessions: (user: UserDto) => void;
}

interface UsersTableProps {
  users: UserDto[];
  loading: boolean;
  /** The administrator's own id: they cannot disable themselves (SELF_LOCKOUT). */
  selfId: string | undefined;
  actions: UserRowActions;
}

export function UsersTable({ users, loading, selfId, actions }: UsersTableProps) {
  const { t, i18n } = useTranslation();
  // Retired agencies too: an account may still point at one.
  const agencies = useQuery(agencyQueries.list(true));
  const agencyName = (code: string) => {
    const agency = agencies.data?.items.find((candidate) => candidate.code === code);
    if (!agency) return code;
    return i18n.language === 'en' ? agency.nameEn : agency.nameVi;
  };

  const columns: TableColumnsType<UserDto> = [
    {
      key: 'user',
      title: t('users.column.user'),
      width: 200,
      render: (_, user) => (
        <div>
          <Space size={4} wrap>
            <Typography.Text strong>{user.displayName}</Typography.Text>
            {user.id === selfId ? <Tag color="blue">{t('users.you')}</Tag> : null}
          </Space>
          <div>
            <Typography.Text code>{user.username}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'roles',
      title: t('users.column.roles'),
      width: 170,
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.roles.map((role) => (
            <Tag key={role}>{t(`roles.${role}`)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'place',
      title: t('users.column.place'),
      width: 220,
      render: (_, user) => (
        <div>
          <div>
            {user.unit.fullName} <Typography.Text type="secondary">({user.unit.code})</Typography.Text>
          </div>
          <Typography.Text type="secondary">{agencyName(user.agencyCode)}</Typography.Text>
        </div>
      ),
    },
    { key: 'status', title: t('users.column.status'), width: 170, render: (_, user) => <UserStatus user={user} /> },
    {
      key: 'sessions',
      title: t('users.column.sessions'),
      width: 70,
      align: 'right',
      render: (_, user) => user.activeSessions,
    },
    {
      key: 'createdAt',
      title: t('users.column.createdAt'),
      width: 100,
      render: (_, user) => <span title={displayDateTime(user.createdAt)}>{displayDate(user.createdAt.slice(0, 10))}</span>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      fixed: 'right',
      render: (_, user) => {
        const disabled = user.disabledAt !== null;
        return (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => actions.edit(user)} data-testid="user-edit">
              {t('users.action.edit')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'toggle',
                    label: disabled ? t('users.action.enable') : t('users.action.disable'),
                    danger: !disabled,
                    disabled: user.id === selfId,
                  },
                  { key: 'reset', label: t('users.action.resetPassword') },
                  { key: 'revoke', label: t('users.action.revokeSessions'), disabled: user.activeSessions === 0 },
                ],
                onClick: ({ key }) => {
                  if (key === 'toggle') actions.setDisabled(user, !disabled);
                  if (key === 'reset') actions.resetPassword(user);
                  if (key === 'revoke') actions.revokeSessions(user);
                },
              }}
            >
              <Button type="link" size="small" data-testid="user-more">
                {t('users.action.more')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    },
  ];

  return (
    <Table<UserDto>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('users.empty') }}
      scroll={{ x: 1070 }}
      rowClassName={(user) => (user.disabledAt ? 'pcmt-row-muted' : '')}
    />
  );
}
