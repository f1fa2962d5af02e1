import type { UserDto } from '@shared/contracts/users';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDateTime } from '../../components/format';

/** Whether the account can log in now, and what it still has to do at its next login. */
export function UserStatus({ user, now = new Date() }: { user: UserDto; now?: Date }) {
  const { t } = useTranslation();
  const tags = [];
  if (user.disabledAt) {
    tags.push(
      <Tag key="disabled" color="default">
        {t('users.status.disabled', { date: displayDateTime(user.disabledAt) })}
      </Tag>,
    );
  } else if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    tags.push(
      <Tag key="locked" color="orange">
        {t('users.status.locked', { until: displayDateTime(user.lockedUntil) })}
      </Tag>,
    );
  } else {
    tags.push(
      <Tag key="active" color="green">
        {t('users.status.active')}
      </Tag>,
    );
  }
  if (user.mustChangePassword) tags.push(<Tag key="password">{t('users.status.mustChangePassword')}</Tag>);
  if (!user.mfaEnrolled) tags.push(<Tag key="mfa">{t('users.status.noMfa')}</Tag>);
  return (
    <Space size={[4, 4]} wrap>
      {tags}
    </Space>
  );
}
