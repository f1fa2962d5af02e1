import { UserAddOutlined } from '@ant-design/icons';
import type { UserDto } from '@shared/contracts/users';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Flex, Skeleton, Switch, Typography } from 'antd';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import { UsersTable } from './UsersTable';
import { useUserActions } from './use-user-actions';
import { userQueries } from './users-api';

const route = getRouteApi('/_app/admin/users');

/** /admin/users: accounts, for the system administrator. Search and the disabled switch live in the URL. */
export function UsersPage() {
  const { t } = useTranslation();
  const { q, all = false } = route.useSearch();
  const navigate = route.useNavigate();
  const switchId = useId();
  const self = useCurrentUser();
  const users = useQuery({ ...userQueries.list(q, all), placeholderData: keepPreviousData });
  const actions = useUserActions();
  // `null`: closed; `'new'`: creating; a user: editing that account.
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);

  const search = useCallback(
    (text: string | undefined) => void navigate({ search: (prev) => ({ ...prev, q: text }), replace: true }),
    [navigate],
  );

  return (
    <>
      <PageHeader title={t('users.title')} lead={t('users.lead')} />
      <Flex align="center" wrap gap={16} className="pcmt-toolbar">
        <div className="pcmt-toolbar-search">
          <SearchInput
            value={q}
            onSearch={search}
            label={t('users.search.label')}
            placeholder={t('users.search.placeholder')}
            testId="user-search"
          />
        </div>
        <Flex align="center" gap={8}>
          <Switch
            id={switchId}
            checked={all}
            onChange={(checked) => void navigate({ search: (prev) => ({ ...prev, all: checked || undefined }) })}
          />
          <label htmlFor={switchId}>{t('users.showDisabled')}</label>
        </Flex>
        {users.data ? (
          <Typography.Text type="secondary">{t('users.count', { count: users.data.items.length })}</Typography.Text>
        ) : null}
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => setEditing('new')}
          data-testid="user-create"
          className="pcmt-toolbar-end"
        >
          {t('users.create')}
        </Button>
      </Flex>
      {users.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : users.isError ? (
        <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <UsersTable
          users={users.data.items}
          loading={users.isPlaceholderData}
          selfId={self?.id}
          actions={{ ...actions, edit: setEditing }}
        />
      )}
      {editing ? (
        <UserFormDrawer
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onCreate={async (body) => {
            await actions.create(body);
            setEditing(null);
          }}
          onUpdate={async (user, body) => {
            await actions.update(user, body);
            setEditing(null);
          }}
        />
      ) : null}
      {actions.oneTimePassword ? (
        <OneTimePasswordModal {...actions.oneTimePassword} onClose={actions.closeOneTimePassword} />
      ) : null}
    </>
  );
}
