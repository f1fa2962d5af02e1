import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The recovery codes, shown this once and never again: copy or download them, then say so
 * explicitly before going on.
 */
export function RecoveryCodes({ codes, username, onDone }: { codes: string[]; username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const asText = codes.join('\n');
  return (
    <>
      <Alert type="warning" showIcon title={t('login.recovery.title')} description={t('login.recovery.lead')} />
      <ol className="pcmt-recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Flex gap={8} wrap className="pcmt-recovery-actions">
        <CopyButton text={asText} label={t('login.recovery.copy')} />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(t('login.recovery.fileName', { username }), `${t('login.recovery.fileHeader', { username })}\n\n${asText}\n`)
          }
        >
          {t('login.recovery.download')}
        </Button>
      </Flex>
      <Button type="primary" block onClick={onDone} data-testid="recovery-done">
        {t('login.recovery.done')}
      </Button>
    </>
  );
}
