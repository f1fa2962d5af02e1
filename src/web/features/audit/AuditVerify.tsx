import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { verifyAuditChain } from './audit-api';

/**
 * Integrity check: each event carries the hash of the one before, so a row changed or removed
 * in the database breaks the chain from there on. The server walks it and names the first break.
 */
export function AuditVerify() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditChain });
  return (
    <div className="pcmt-audit-verify">
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verify.button')}
      </Button>
      {verify.isError ? <ApiErrorAlert error={verify.error} /> : null}
      {verify.data?.ok ? (
        <Alert
          type="success"
          showIcon
          data-testid="audit-verify-result"
          title={t('audit.verify.ok')}
          description={t('audit.verify.okDetail', { checked: verify.data.checked, headSeq: verify.data.headSeq })}
        />
      ) : null}
      {verify.data && !verify.data.ok ? (
        <Alert
          type="error"
          showIcon
          data-testid="audit-verify-result"
          title={t('audit.verify.broken')}
          description={
            verify.data.firstBad
              ? t('audit.verify.firstBad', {
                  seq: verify.data.firstBad.seq,
                  problem: verify.data.firstBad.problem,
                  checked: verify.data.checked,
                })
              : t('audit.verify.brokenUnknown', { checked: verify.data.checked })
          }
        />
      ) : null}
    </div>
  );
}
