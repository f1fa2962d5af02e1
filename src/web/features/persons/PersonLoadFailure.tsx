import { useNavigate } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/**
 * A person's page that could not be loaded. 404 PERSON_NOT_FOUND is also the answer for a person
 * outside the officer's area or remit (the server does not say which), so it reads as "not found".
 */
export function PersonLoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={error.message}
        subTitle={t('persons.detail.notFoundHint')}
        extra={
          <Button type="primary" onClick={() => void navigate({ to: '/persons' })}>
            {t('persons.backToList')}
          </Button>
        }
      />
    );
  }
  return <ApiErrorAlert error={error} onRetry={onRetry} />;
}
