import { Link } from '@tanstack/react-router';
import { Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header className="pcmt-header">
      <Link to="/" className="pcmt-brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="pcmt-brand-short">{t('app.shortName')}</span>
        <Typography.Text className="pcmt-brand-full" ellipsis>
          {t('app.fullName')}
        </Typography.Text>
      </Link>
      <Flex align="center" gap={16} className="pcmt-header-tools">
        <LanguageSwitch />
        <NotificationBell />
        <UserMenu />
      </Flex>
    </Layout.Header>
  );
}
