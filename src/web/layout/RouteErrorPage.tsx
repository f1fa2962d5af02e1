import type { ErrorComponentProps } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Last-resort screen when a page throws while rendering; the error is in the browser console. */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  useEffect(() => console.error(error), [error]);
  return (
    <Result
      status="error"
      title={t('errors.renderFailed')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      }
    />
  );
}
