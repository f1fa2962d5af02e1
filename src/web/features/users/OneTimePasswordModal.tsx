import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';

/**
 * A temporary password, shown this once (the server keeps only its hash). It closes only by the
 * explicit button, so a stray click beside it does not lose it.
 */
export function OneTimePasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('users.tempPassword.title', { username })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="temp-password-done">
          {t('users.tempPassword.done')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('users.tempPassword.lead')}</Typography.Paragraph>
      <div className="pcmt-temp-password">
        <code data-testid="temp-password">{password}</code>
        <CopyButton text={password} />
      </div>
      <Typography.Paragraph type="secondary">{t('users.tempPassword.firstLogin')}</Typography.Paragraph>
    </Modal>
  );
}
