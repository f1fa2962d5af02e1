import type { UserCreateBody, UserDto, UserUpdateBody } from '@shared/contracts/users';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from './users-api';

export interface OneTimePassword {
  username: string;
  password: string;
}

/**
 * What an administrator can do to an account, each confirmed first where it has consequences
 * (disabling and changing access end the user's sessions at once on the server).
 */
export function useUserActions() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [oneTimePassword, setOneTimePassword] = useState<OneTimePassword | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const failed = (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));

  const confirm = (options: {
    title: string;
    content: string;
    okText: string;
    danger?: boolean;
    action: () => Promise<unknown>;
  }) =>
    modal.confirm({
      title: options.title,
      content: options.content,
      okText: options.okText,
      okButtonProps: { danger: options.danger },
      cancelText: t('common.cancel'),
      onOk: () => options.action().catch(failed),
    });

  return {
    oneTimePassword,
    closeOneTimePassword: () => setOneTimePassword(null),

    create: async (body: UserCreateBody) => {
      const created = await usersApi.create(body);
      void refresh();
      setOneTimePassword({ username: created.user.username, password: created.temporaryPassword });
    },

    update: async (user: UserDto, body: UserUpdateBody) => {
      await usersApi.update(user.id, body);
      void message.success(t('users.saved', { username: user.username }));
      void refresh();
    },

    setDisabled: (user: UserDto, disabled: boolean) =>
      confirm({
        title: disabled
          ? t('users.disable.title', { username: user.username })
          : t('users.enable.title', { username: user.username }),
        content: disabled ? t('users.disable.content') : t('users.enable.content'),
        okText: disabled ? t('users.disable.ok') : t('users.enable.ok'),
        danger: disabled,
        action: async () => {
          await usersApi.update(user.id, { disabled });
          void message.success(disabled ? t('users.disable.done') : t('users.enable.done'));
          await refresh();
        },
      }),

    resetPassword: (user: UserDto) =>
      confirm({
        title: t('users.reset.title', { username: user.username }),
        content: t('users.reset.content'),
        okText: t('users.reset.ok'),
        danger: true,
        action: async () => {
          const { temporaryPassword } = await usersApi.resetPassword(user.id);
          setOneTimePassword({ username: user.username, password: temporaryPassword });
          void refresh();
        },
      }),

    revokeSessions: (user: UserDto) =>
      confirm({
        title: t('users.revoke.title', { username: user.username }),
        content: t('users.revoke.content'),
        okText: t('users.revoke.ok'),
        danger: true,
        action: async () => {
          await usersApi.revokeSessions(user.id);
          void message.success(t('users.revoke.done'));
          await refresh();
        },
      }),
  };
}
