import { Outlet } from '@tanstack/react-router';
import { Layout } from 'antd';
import { useState } from 'react';
import { AppHeader } from './AppHeader';
import { SideMenu } from './SideMenu';

/** Header, side menu and the current page. The menu folds to icons on narrow windows. */
export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="pcmt-shell">
      <AppHeader />
      <Layout>
        <Layout.Sider
          theme="light"
          width={240}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="pcmt-sider"
        >
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
        <Layout.Content className="pcmt-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
