import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/**
 * What the server refused that no field of the form shows: an error of the whole request, and
 * field messages for fields the form does not have (placeServerErrors in plan-form.ts sorts them).
 */
export function FormRefusals({ whole, messages }: { whole: unknown; messages: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {whole ? <ApiErrorAlert error={whole} /> : null}
      {messages.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('plans.form.refused')}
          description={messages.map((text) => <div key={text}>{text}</div>)}
        />
      ) : null}
    </>
  );
}
