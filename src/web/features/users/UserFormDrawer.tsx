import { Username } from '@shared/contracts/auth';
import type { UserCreateBody, UserDto, UserUpdateBody } from '@shared/contracts/users';
import type { Role } from '@shared/permissions';
import { App, Button, Drawer, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { AgencySelect } from './AgencySelect';
import { RoleSelect } from './RoleSelect';
import { roleMisfit } from './role-rules';
import { UnitSelect } from './UnitSelect';

export interface UserFormValues {
  username: string;
  displayName: string;
  unitCode: string;
  agencyCode: string;
  roles: Role[];
  /** Where reminders are e-mailed when the server has SMTP configured; empty: in-app only. */
  email?: string;
}

/** Server refusals that concern one field of this form. */
const FIELD_OF_ERROR = {
  USERNAME_TAKEN: 'username',
  UNIT_NOT_FOUND: 'unitCode',
  AGENCY_NOT_FOUND: 'agencyCode',
  ROLE_NOT_ALLOWED_HERE: 'roles',
};

/** The fields of an edit that differ from the account as it is; unit, agency and roles end its sessions. */
export function changesOf(
  user: UserDto,
  values: Omit<UserFormValues, 'username'>,
): { body: UserUpdateBody; endsSessions: boolean } {
  const body: UserUpdateBody = {};
  if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim();
  if (values.unitCode !== user.unit.code) body.unitCode = values.unitCode;
  if (values.agencyCode !== user.agencyCode) body.agencyCode = values.agencyCode;
  const sameRoles = values.roles.length === user.roles.length && values.roles.every((role) => user.roles.includes(role));
  if (!sameRoles) body.roles = values.roles;
  const email = values.email?.trim() || null;
  if (email !== (user.email ?? null)) body.email = email;
  return { body, endsSessions: body.unitCode !== undefined || body.agencyCode !== undefined || body.roles !== undefined };
}

interface UserFormDrawerProps {
  /** The account being edited; absent to create one. */
  user?: UserDto;
  onClose: () => void;
  onCreate: (body: UserCreateBody) => Promise<unknown>;
  onUpdate: (user: UserDto, body: UserUpdateBody) => Promise<unknown>;
}

/** Create an account, or change its name, unit, agency and roles. */
export function UserFormDrawer({ user, onClose, onCreate, onUpdate }: UserFormDrawerProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const [unplacedError, setUnplacedError] = useState<unknown>(null);

  const run = async (action: () => Promise<unknown>) => {
    setSaving(true);
    setUnplacedError(null);
    try {
      await action();
    } catch (error) {
      if (!applyServerErrors(form, error, FIELD_OF_ERROR)) setUnplacedError(error);
    } finally {
      setSaving(false);
    }
  };

  const submit = (values: UserFormValues) => {
    if (!user) {
      void run(() =>
        onCreate({
          ...values,
          username: values.username.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          email: values.email?.trim() || null,
        }),
      );
      return;
    }
    const { body, endsSessions } = changesOf(user, values);
    if (Object.keys(body).length === 0) {
      void message.info(t('users.form.noChanges'));
      onClose();
      return;
    }
    if (!endsSessions) {
      void run(() => onUpdate(user, body));
      return;
    }
    modal.confirm({
      title: t('users.form.confirmTitle'),
      content: t('users.form.confirmEndsSessions', { name: user.displayName }),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => run(() => onUpdate(user, body)),
    });
  };

  return (
    <Drawer
      open
      size={480}
      title={user ? t('users.form.editTitle', { username: user.username }) : t('users.form.createTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="user-form-submit">
            {user ? t('common.save') : t('users.form.create')}
          </Button>
        </Flex>
      }
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? {
                displayName: user.displayName,
                unitCode: user.unit.code,
                agencyCode: user.agencyCode,
                roles: user.roles,
                email: user.email ?? '',
              }
            : { roles: [] }
        }
      >
        {user ? (
          <Typography.Paragraph type="secondary">{t('users.form.editLead')}</Typography.Paragraph>
        ) : (
          <Form.Item
            name="username"
            label={t('users.form.username')}
            extra={t('users.form.usernameHint')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  Username.safeParse(value ?? '').success
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('users.form.usernameInvalid'))),
              },
            ]}
          >
            <Input data-testid="user-username" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={64} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('users.form.displayNameInvalid') }]}
        >
          <Input data-testid="user-display-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.form.email')}
          extra={t('users.form.emailHint')}
          rules={[{ type: 'email', max: 320, message: t('users.form.emailInvalid') }]}
        >
          <Input data-testid="user-email" type="email" autoComplete="off" maxLength={320} />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t('users.form.unit')}
          rules={[{ required: true, message: t('users.form.unitRequired') }]}
        >
          <UnitSelect initial={user ? { code: user.unit.code, label: `${user.unit.fullName} (${user.unit.code})` } : undefined} />
        </Form.Item>
        <Form.Item
          name="agencyCode"
          label={t('users.form.agency')}
          rules={[{ required: true, message: t('users.form.agencyRequired') }]}
        >
          <AgencySelect />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.form.roles')}
          extra={t('users.form.rolesHint')}
          dependencies={['unitCode']}
          rules={[
            { required: true, type: 'array', min: 1, message: t('users.form.rolesRequired') },
            ({ getFieldValue }) => ({
              validator: (_, roles: Role[] | undefined) => {
                const misfit = roleMisfit(roles ?? [], getFieldValue('unitCode'));
                if (!misfit) return Promise.resolve();
                const role = t(`roles.${misfit.role}`);
                return Promise.reject(
                  new Error(
                    misfit.needs === 'province'
                      ? t('users.form.roleNeedsProvince', { role })
                      : t('users.form.roleNeedsCommune', { role }),
                  ),
                );
              },
            }),
          ]}
        >
          <RoleSelect />
        </Form.Item>
        {user ? <Typography.Paragraph type="warning">{t('users.form.endsSessionsNote')}</Typography.Paragraph> : null}
        {unplacedError ? <ApiErrorAlert error={unplacedError} /> : null}
      </Form>
    </Drawer>
  );
}
