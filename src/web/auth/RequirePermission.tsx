import type { Permission, Role } from '@shared/permissions';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/use-page-title';
import { useCanAny, useHasAnyRole } from './session';

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forbidden.title'));
  return <Result status="403" title={t('auth.forbidden.title')} subTitle={t('auth.forbidden.description')} />;
}

/**
 * Shows `children` only to users with the permission (given a list: any one of them). The server
 * refuses the data anyway; this spares the officer a page of error messages when a link is opened
 * by someone without it.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const allowed = useCanAny(typeof permission === 'string' ? [permission] : permission);
  return allowed ? children : <Forbidden />;
}

/** Shows `children` only to users holding one of `roles` (pages opened by role, not by a named permission). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return useHasAnyRole(roles) ? children : <Forbidden />;
}
