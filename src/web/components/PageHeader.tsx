import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from '../layout/use-page-title';

/** Page title (also the browser tab title) with a one-line explanation under it. */
export function PageHeader({ title, lead, extra }: { title: string; lead?: ReactNode; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <header className="pcmt-page-header">
      <Typography.Title level={3}>{title}</Typography.Title>
      {lead ? <Typography.Paragraph type="secondary">{lead}</Typography.Paragraph> : null}
      {extra}
    </header>
  );
}
