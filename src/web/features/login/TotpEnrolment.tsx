import type { MfaConfirmResponse } from '@shared/contracts/auth';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../auth/auth-api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CopyButton } from '../../components/CopyButton';
import { applyServerErrors } from '../../components/form-errors';
import { digitsOnly } from './MfaForm';

/** The base32 secret in groups of four, as authenticator apps show them, for typing by hand. */
export function secretGroups(secret: string): { offset: number; text: string }[] {
  const groups: { offset: number; text: string }[] = [];
  for (let offset = 0; offset < secret.length; offset += 4) groups.push({ offset, text: secret.slice(offset, offset + 4) });
  return groups;
}

/** The server's QR code as an image: the CSP allows `data:` images, never injected markup. */
export function qrImageSource(qrSvg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`;
}

/**
 * Two-factor enrolment: a new secret is asked for once when the step opens, shown as a QR code
 * and as text, and confirmed with the first code the app shows.
 */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: (result: MfaConfirmResponse) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [unplacedError, setUnplacedError] = useState<unknown>(null);
  // One secret per visit of this step: a query (never stale) so that re-renders do not ask for
  // another, dropped from memory as soon as the step is left (gcTime 0).
  const enrolment = useQuery({
    queryKey: ['auth', 'mfa-enrol'],
    queryFn: () => authApi.enrolMfa(),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: (code: string) => authApi.confirmMfa({ code }),
    onMutate: () => setUnplacedError(null),
    onSuccess: onEnrolled,
    onError: (error) => {
      if (!applyServerErrors(form, error, { MFA_CODE_INVALID: 'code' })) setUnplacedError(error);
    },
  });

  if (enrolment.isPending) return <Skeleton active />;
  if (enrolment.isError) return <ApiErrorAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  const { secret, qrSvg } = enrolment.data;

  return (
    <>
      <Flex gap={16} align="flex-start" className="pcmt-totp">
        <img src={qrImageSource(qrSvg)} alt={t('login.totp.qrAlt')} width={168} height={168} data-testid="totp-qr" />
        <ol className="pcmt-totp-steps">
          <li>{t('login.totp.install')}</li>
          <li>{t('login.totp.scan')}</li>
          <li>
            {t('login.totp.typeInstead')}
            <Flex align="center" gap={8} wrap className="pcmt-totp-secret-row">
              <code className="pcmt-totp-secret" data-testid="totp-secret" data-secret={secret}>
                {secretGroups(secret).map((group) => (
                  <span key={group.offset}>{group.text}</span>
                ))}
              </code>
              <CopyButton text={secret} size="small" />
            </Flex>
            <Typography.Text type="secondary" className="pcmt-totp-kind">
              {t('login.totp.kind')}
            </Typography.Text>
          </li>
          <li>{t('login.totp.enterCode')}</li>
        </ol>
      </Flex>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ code }) => confirm.mutate(code)}>
        <Form.Item
          name="code"
          label={t('login.mfa.codeLabel')}
          normalize={digitsOnly}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.mfa.codeInvalid') }]}
        >
          <Input
            data-testid="enrol-code"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            className="pcmt-code-input"
          />
        </Form.Item>
        {unplacedError ? (
          <div className="pcmt-form-error">
            <ApiErrorAlert error={unplacedError} />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={confirm.isPending} data-testid="enrol-submit">
          {t('login.totp.submit')}
        </Button>
      </Form>
    </>
  );
}
