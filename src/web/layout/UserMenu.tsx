import { DownOutlined, LaptopOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { App, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAuthRequired } from '../api/client';
import { authApi } from '../auth/auth-api';
import { forgetSession, useCurrentUser } from '../auth/session';

/**
 * Who is logged in, with which unit and agency (what the server's access rules go by), and the
 * way out. A menu button, so it is reachable with the keyboard.
 */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const logout = useMutation({
    mutationFn: () => authApi.logout(),
    onSuccess: () => {
      forgetSession(queryClient);
      void router.navigate({ to: '/login' });
    },
    onError: (error) => {
      // Already over on the server: the redirect to the login page has happened.
      if (!isAuthRequired(error)) void message.error(error.message);
    },
  });
  if (!user) return null;

  const agencyName = i18n.language === 'en' ? user.agency.nameEn : user.agency.nameVi;
  const items: MenuProps['items'] = [
    { key: 'sessions', icon: <LaptopOutlined />, label: t('header.mySessions') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), disabled: logout.isPending },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'sessions') void router.navigate({ to: '/me/sessions' });
    if (key === 'logout') logout.mutate();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <button type="button" className="pcmt-user" data-testid="user-menu" aria-label={t('header.userMenu')}>
        <UserOutlined className="pcmt-user-icon" />
        <span className="pcmt-user-text">
          <span className="pcmt-user-name">{user.displayName}</span>
          <span className="pcmt-user-place" title={`${user.unit.fullName} · ${agencyName}`}>
            {user.unit.fullName} · {agencyName}
          </span>
        </span>
        <DownOutlined className="pcmt-user-caret" />
      </button>
    </Dropdown>
  );
}
