import { ROLES, type Role } from '@shared/permissions';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
