import { useNavigate, useRouterState } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description', { path: pathname })}
      extra={
        <Button type="primary" onClick={() => void navigate({ to: '/' })}>
          {t('notFound.backHome')}
        </Button>
      }
    />
  );
}
