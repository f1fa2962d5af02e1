import { ROLES, type Role } from '@shared/permissions';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** Roles by their Vietnamese (or English) names; a user holds one to three. */
export function RoleSelect({ value, onChange, id }: { value?: Role[]; onChange?: (roles: Role[]) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Select<Role[]>
      id={id}
      mode="multiple"
      maxCount={3}
      value={value}
      onChange={onChange}
      virtual={false}
      data-testid="user-roles"
      placeholder={t('users.form.rolesPlaceholder')}
      options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
