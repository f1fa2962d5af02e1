import type { SessionResponse } from '@shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../auth/auth-api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Same bounds as NewPassword in the contract; the server also refuses common passwords. */
const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

const FIELD_OF_ERROR = {
  PASSWORD_WRONG: 'currentPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
  PASSWORD_UNCHANGED: 'newPassword',
};

/** First login (or after a reset): the temporary password is replaced by one only the officer knows. */
export function PasswordChangeForm({
  currentPassword,
  onChanged,
}: {
  currentPassword: string;
  onChanged: (session: SessionResponse) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const [unplacedError, setUnplacedError] = useState<unknown>(null);
  const change = useMutation({
    mutationFn: ({ currentPassword: current, newPassword }: PasswordValues) =>
      authApi.changePassword({ currentPassword: current, newPassword }),
    onMutate: () => setUnplacedError(null),
    onSuccess: onChanged,
    // Most refusals concern one field (the current password, or the new one); show them there.
    onError: (error) => {
      if (!applyServerErrors(form, error, FIELD_OF_ERROR)) setUnplacedError(error);
    },
  });

  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ currentPassword }}
      onFinish={(values) => change.mutate(values)}
    >
      <Alert type="info" showIcon className="pcmt-form-note" title={t('login.password.rules')} />
      <Form.Item
        name="currentPassword"
        label={t('login.password.current')}
        rules={[{ required: true, message: t('login.password.currentRequired') }]}
      >
        <Input.Password data-testid="current-password" autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('login.password.new')}
        extra={t('login.password.lengthHint', { min: MIN_LENGTH, max: MAX_LENGTH })}
        rules={[
          { required: true, message: t('login.password.newRequired') },
          { min: MIN_LENGTH, max: MAX_LENGTH, message: t('login.password.length', { min: MIN_LENGTH, max: MAX_LENGTH }) },
        ]}
      >
        <Input.Password data-testid="new-password" autoComplete="new-password" autoFocus={currentPassword !== ''} />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('login.password.repeat')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('login.password.repeatRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('login.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password data-testid="new-password-repeat" autoComplete="new-password" />
      </Form.Item>
      {unplacedError ? (
        <div className="pcmt-form-error">
          <ApiErrorAlert error={unplacedError} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
        {t('login.password.submit')}
      </Button>
    </Form>
  );
}
