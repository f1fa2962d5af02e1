import type { SessionResponse } from '@shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { authApi } from '../../auth/auth-api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/** Digits only: "123 456" pasted from a phone still works. */
export const digitsOnly = (value: string | undefined) => (value ?? '').replace(/\D/g, '');

/**
 * Second step of login: the 6-digit code of the authenticator app, or one of the single-use
 * recovery codes when the phone is not at hand.
 */
export function MfaForm({ onVerified, onCancel }: { onVerified: (session: SessionResponse) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [recovery, setRecovery] = useState(false);
  const verify = useMutation({
    mutationFn: (code: string) => authApi.verifyMfa({ code }),
    onSuccess: onVerified,
    // A wrong code is typed again from scratch.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'MFA_CODE_INVALID') form.resetFields();
    },
  });

  const toggle = () => {
    setRecovery((value) => !value);
    form.resetFields();
    verify.reset();
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={({ code }) => verify.mutate(code.trim())}>
      <Typography.Paragraph>{recovery ? t('login.mfa.recoveryLead') : t('login.mfa.lead')}</Typography.Paragraph>
      <Form.Item
        name="code"
        label={recovery ? t('login.mfa.recoveryLabel') : t('login.mfa.codeLabel')}
        normalize={recovery ? undefined : digitsOnly}
        rules={
          recovery
            ? [{ required: true, min: 6, max: 32, message: t('login.mfa.recoveryInvalid') }]
            : [{ required: true, pattern: /^\d{6}$/, message: t('login.mfa.codeInvalid') }]
        }
      >
        <Input
          key={recovery ? 'recovery' : 'totp'}
          data-testid="mfa-code"
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          maxLength={recovery ? 32 : 6}
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          className={recovery ? undefined : 'pcmt-code-input'}
        />
      </Form.Item>
      {verify.isError ? (
        <div className="pcmt-form-error">
          <ApiErrorAlert error={verify.error} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="mfa-submit">
        {t('login.mfa.submit')}
      </Button>
      <Flex justify="space-between" wrap className="pcmt-login-links">
        <Button type="link" size="small" onClick={toggle}>
          {recovery ? t('login.mfa.useApp') : t('login.mfa.useRecovery')}
        </Button>
        <Button type="link" size="small" onClick={onCancel}>
          {t('login.otherAccount')}
        </Button>
      </Flex>
    </Form>
  );
}
