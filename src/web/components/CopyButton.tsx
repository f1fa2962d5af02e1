import { CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy-text';

/** A button that copies `text` and says whether it worked (the officer must know before moving on). */
export function CopyButton({ text, label, ...props }: { text: string; label?: string } & Omit<ButtonProps, 'onClick'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      icon={<CopyOutlined />}
      {...props}
      onClick={async () => {
        if (await copyText(text)) void message.success(t('common.copied'));
        else void message.warning(t('common.copyFailed'));
      }}
    >
      {label ?? t('common.copy')}
    </Button>
  );
}
