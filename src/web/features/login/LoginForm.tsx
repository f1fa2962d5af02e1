import type { SessionResponse } from '@shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../auth/auth-api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

interface LoginValues {
  username: string;
  password: string;
}

/** Username and password. The server gives one answer for every refusal (LOGIN_FAILED), shown as it comes. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: (session: SessionResponse, password: string) => void }) {
  const { t } = useTranslation();
  const login = useMutation({
    mutationFn: (values: LoginValues) => authApi.login({ username: values.username.trim(), password: values.password }),
    onSuccess: (session, values) => onLoggedIn(session, values.password),
  });

  return (
    <Form<LoginValues>
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values)}
      disabled={login.isPending}
    >
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
        <Input data-testid="login-username" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.passwordLabel')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password data-testid="login-password" autoComplete="current-password" />
      </Form.Item>
      {login.isError ? (
        <div className="pcmt-form-error">
          <ApiErrorAlert error={login.error} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
