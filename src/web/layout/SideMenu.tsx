import {
  AimOutlined,
  AlertOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  HomeOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UnlockOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Link, useRouterState } from '@tanstack/react-router';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session';
import {
  ADMIN_MODULES,
  BREAK_GLASS_MODULE,
  mayOpen,
  type NavModule,
  navKeyForPath,
  REFERENCE_MODULES,
  WORK_MODULES,
} from './navigation';

type MenuItem = Required<MenuProps>['items'][number];

const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  tasks: <CheckSquareOutlined />,
  legalRules: <BookOutlined />,
  calendar: <CalendarOutlined />,
  plans: <ScheduleOutlined />,
  subjects: <TeamOutlined />,
  hotspots: <AimOutlined />,
  cases: <AlertOutlined />,
  outreach: <NotificationOutlined />,
  reports: <BarChartOutlined />,
  units: <EnvironmentOutlined />,
  agencies: <BankOutlined />,
  users: <UserSwitchOutlined />,
  audit: <FileSearchOutlined />,
  breakGlass: <UnlockOutlined />,
};

export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const selected = navKeyForPath(pathname);
  const user = useCurrentUser();
  const permissions = user?.permissions ?? [];
  const roles = user?.roles ?? [];
  const adminModules = ADMIN_MODULES.filter((module) => mayOpen(module, permissions, roles));

  const toItem = (module: NavModule): MenuItem => {
    const label = t(module.labelKey);
    if (module.to) {
      return { key: module.key, icon: ICONS[module.key], label: <Link to={module.to}>{label}</Link> };
    }
    // Two lines (name, then "sắp có") so that long Vietnamese names are never cut off.
    return {
      key: module.key,
      icon: ICONS[module.key],
      disabled: true,
      className: 'pcmt-menu-soon',
      title: t('nav.comingSoonHint'),
      label: (
        <span className="pcmt-menu-soon-label">
          <span>{label}</span>
          <span className="pcmt-menu-soon-hint">{t('nav.comingSoon')}</span>
        </span>
      ),
    };
  };

  const items: MenuItem[] = [
    ...WORK_MODULES.filter((module) => mayOpen(module, permissions, roles)).map(toItem),
    ...(mayOpen(BREAK_GLASS_MODULE, permissions) ? [toItem(BREAK_GLASS_MODULE)] : []),
    {
      type: 'group',
      key: 'reference',
      label: collapsed ? null : t('nav.referenceData'),
      children: REFERENCE_MODULES.map(toItem),
    },
    ...(adminModules.length > 0
      ? [{ type: 'group' as const, key: 'admin', label: collapsed ? null : t('nav.admin'), children: adminModules.map(toItem) }]
      : []),
  ];

  return (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
    </nav>
  );
}
