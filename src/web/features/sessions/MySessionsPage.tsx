import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { App, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi, mySessionsQuery } from '../../auth/auth-api';
import { forgetSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { SessionsTable } from './SessionsTable';

/** /me/sessions: where the officer is logged in, and a way to end a session left open elsewhere. */
export function MySessionsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { message } = App.useApp();
  const sessions = useQuery(mySessionsQuery());
  const revoke = useMutation({
    mutationFn: ({ id }: { id: string; current: boolean }) => authApi.revokeMySession(id),
    onSuccess: (_, { current }) => {
      if (current) {
        // Ending this very session is logging out.
        forgetSession(queryClient);
        void router.navigate({ to: '/login' });
        return;
      }
      void message.success(t('sessions.revoked'));
      void queryClient.invalidateQueries({ queryKey: mySessionsQuery().queryKey });
    },
    onError: (error) => void message.error(error.message),
  });

  return (
    <>
      <PageHeader title={t('sessions.title')} lead={t('sessions.lead')} />
      {sessions.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : sessions.isError ? (
        <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <SessionsTable
          sessions={sessions.data.items}
          revokingId={revoke.isPending ? revoke.variables.id : null}
          onRevoke={(session) => revoke.mutateAsync({ id: session.id, current: session.current }).catch(() => undefined)}
        />
      )}
    </>
  );
}
