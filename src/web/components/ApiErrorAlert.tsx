import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * Shows a failed API call with the server's own message (already in the UI language) and, for
 * server faults, the request id an administrator needs to find the log line.
 */
export function ApiErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.message ?? (error instanceof Error ? error.message : String(error));
  const isRequestProblem = apiError !== null && apiError.status >= 400 && apiError.status < 500;

  const details: ReactNode[] = [];
  if (title) details.push(<div key="message">{message}</div>);
  // Field issues (VALIDATION_FAILED) say which input is wrong, e.g. a malformed code in the URL.
  for (const [index, issue] of (apiError?.issues ?? []).entries()) {
    details.push(<div key={`issue-${index}`}>{issue.message}</div>);
  }
  if (apiError?.requestId && !isRequestProblem) {
    details.push(<small key="request-id">{t('common.requestId', { id: apiError.requestId })}</small>);
  }

  return (
    <Alert
      type={isRequestProblem ? 'warning' : 'error'}
      showIcon
      title={title ?? message}
      description={details.length > 0 ? details : undefined}
      action={
        // Retrying cannot fix a bad request; it can fix a dropped connection or a busy server.
        onRetry && !isRequestProblem ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
