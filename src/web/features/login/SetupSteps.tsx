import type { CurrentUserDto, MfaConfirmResponse, SessionResponse } from '@shared/contracts/auth';
import { Button, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from './PasswordChangeForm';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpEnrolment } from './TotpEnrolment';

type StepKey = 'password' | 'totp' | 'recovery';

interface SetupStepsProps {
  user: CurrentUserDto;
  /** The password just typed at login, so that it need not be typed twice. */
  currentPassword: string;
  /** The confirmed enrolment, while its recovery codes are on screen. */
  enrolment: MfaConfirmResponse | null;
  onSession: (session: SessionResponse) => void;
  onEnrolled: (result: MfaConfirmResponse) => void;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * What a session in stage `setup` must do before reaching any data: change the temporary
 * password, enrol an authenticator app, keep the recovery codes. The list of steps is fixed when
 * the stage opens, so that finished steps stay visible as done.
 */
export function SetupSteps({ user, currentPassword, enrolment, onSession, onEnrolled, onDone, onCancel }: SetupStepsProps) {
  const { t } = useTranslation();
  const [plan] = useState(() => ({ password: user.mustChangePassword, totp: !user.mfaEnrolled }));
  const current: StepKey = enrolment ? 'recovery' : user.mustChangePassword ? 'password' : 'totp';

  const keys: StepKey[] = [];
  if (plan.password || current === 'password') keys.push('password');
  if (plan.totp || current !== 'password') keys.push('totp', 'recovery');
  const titles: Record<StepKey, string> = {
    password: t('login.setup.stepPassword'),
    totp: t('login.setup.stepTotp'),
    recovery: t('login.setup.stepRecovery'),
  };

  return (
    <>
      <Typography.Paragraph>{t('login.setup.lead', { name: user.displayName })}</Typography.Paragraph>
      <Steps
        size="small"
        current={keys.indexOf(current)}
        items={keys.map((key) => ({ key, title: titles[key] }))}
        className="pcmt-setup-steps"
      />
      {current === 'password' ? <PasswordChangeForm currentPassword={currentPassword} onChanged={onSession} /> : null}
      {current === 'totp' ? <TotpEnrolment onEnrolled={onEnrolled} /> : null}
      {current === 'recovery' && enrolment ? (
        <RecoveryCodes codes={enrolment.recoveryCodes} username={user.username} onDone={onDone} />
      ) : null}
      {current === 'recovery' ? null : (
        <Button type="link" size="small" className="pcmt-login-links" onClick={onCancel}>
          {t('login.otherAccount')}
        </Button>
      )}
    </>
  );
}
