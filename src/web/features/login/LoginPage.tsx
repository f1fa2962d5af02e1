import type { MfaConfirmResponse, SessionResponse } from '@shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { Card, Flex, Skeleton, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setCsrfToken } from '../../api/client';
import { authApi } from '../../auth/auth-api';
import { safeNext } from '../../auth/safe-next';
import { acceptSession, forgetSession, useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { usePageTitle } from '../../layout/use-page-title';
import { LoginForm } from './LoginForm';
import { MfaForm } from './MfaForm';
import { SetupSteps } from './SetupSteps';

const route = getRouteApi('/login');

/**
 * /login: username and password, then whatever the session's stage asks for (a code, or the
 * first-login set-up), then back to the page in `?next=`. The stage comes from the server, so a
 * reload in the middle of the steps resumes where the officer was.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { next } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useSession();
  const [typedPassword, setTypedPassword] = useState('');
  const [enrolment, setEnrolment] = useState<MfaConfirmResponse | null>(null);
  usePageTitle(t('login.title'));

  const stage = session.data?.stage;
  const target = safeNext(next);
  useEffect(() => {
    // While the recovery codes are on screen the new session is held back (see finishEnrolment).
    if (stage === 'active' && !enrolment) router.history.replace(target);
  }, [stage, enrolment, router, target]);

  const accept = (answer: SessionResponse) => acceptSession(queryClient, answer);
  const enrolled = (result: MfaConfirmResponse) => {
    // The session is taken on only once the codes are saved, but its token is valid from now.
    setCsrfToken(result.csrfToken);
    setEnrolment(result);
  };
  const finishEnrolment = () => {
    if (enrolment) accept(stripCodes(enrolment));
    setEnrolment(null);
  };
  const startOver = useMutation({
    // Ends the half-finished session on the server too; whatever its answer, start again here.
    mutationFn: () => authApi.logout().catch(() => undefined),
    onSettled: () => {
      setTypedPassword('');
      forgetSession(queryClient);
    },
  });

  let body: ReactNode;
  if (session.isPending || startOver.isPending || (stage === 'active' && !enrolment)) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (session.isError) {
    body = <ApiErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  } else if (!session.data) {
    body = (
      <LoginForm
        onLoggedIn={(fresh, password) => {
          setTypedPassword(password);
          // Nothing fetched for an earlier user of this browser stays in memory.
          forgetSession(queryClient);
          accept(fresh);
        }}
      />
    );
  } else if (stage === 'mfa') {
    body = <MfaForm onVerified={accept} onCancel={() => startOver.mutate()} />;
  } else {
    body = (
      <SetupSteps
        user={session.data.user}
        currentPassword={typedPassword}
        enrolment={enrolment}
        onSession={(answer) => {
          // The password has been changed: the old one is not kept a moment longer.
          setTypedPassword('');
          accept(answer);
        }}
        onEnrolled={enrolled}
        onDone={finishEnrolment}
        onCancel={() => startOver.mutate()}
      />
    );
  }

  const wide = stage === 'setup' || enrolment !== null;
  return (
    <main className="pcmt-login">
      <div className="pcmt-login-language">
        <LanguageSwitch />
      </div>
      <Card className={wide ? 'pcmt-login-card is-wide' : 'pcmt-login-card'}>
        <Flex align="center" gap={12} className="pcmt-login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <div className="pcmt-login-short">{t('app.shortName')}</div>
            <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          </div>
        </Flex>
        <Typography.Title level={4} className="pcmt-login-title">
          {stage === 'mfa' ? t('login.mfa.title') : wide ? t('login.setup.title') : t('login.title')}
        </Typography.Title>
        {body}
      </Card>
    </main>
  );
}

function stripCodes({ recoveryCodes: _codes, ...session }: MfaConfirmResponse): SessionResponse {
  return session;
}
