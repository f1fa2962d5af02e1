import { FileExcelOutlined } from '@ant-design/icons';
import { PERSON_EXPORT_MAX_ROWS } from '@shared/contracts/persons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload, apiPost } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { PersonFilter } from './persons-api';

/**
 * "Xuất Excel": the current list leaves the system only after the officer enters the TOTP code
 * again (POST /api/auth/step-up), then the server writes the file and audits every person in it.
 */
export function PersonExportButton({ filter }: { filter: PersonFilter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const exporting = useMutation({
    mutationFn: async () => {
      await apiPost('/api/auth/step-up', { body: { code } });
      return apiDownload('/api/persons/export', {
        method: 'POST',
        body: { ...filter, q: filter.q.trim() },
        fallbackName: 'danh-sach.xlsx',
      });
    },
    onSuccess: (file) => {
      setOpen(false);
      setCode('');
      void message.success(t('persons.export.done', { count: file.count }));
    },
  });
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)} data-testid="persons-export">
        {t('persons.export.button')}
      </Button>
      <Modal
        open={open}
        title={t('persons.export.title')}
        okText={t('persons.export.confirm')}
        okButtonProps={{ disabled: !/^\d{6}$/.test(code), loading: exporting.isPending }}
        onOk={() => exporting.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t('persons.export.explain', { max: PERSON_EXPORT_MAX_ROWS.toLocaleString('vi-VN') })}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={() => exporting.mutate()}>
          <Form.Item label={t('persons.export.code')}>
            <Input
              autoFocus
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              data-testid="export-code"
            />
          </Form.Item>
        </Form>
        {exporting.error ? <ApiErrorAlert error={exporting.error} /> : null}
      </Modal>
    </>
  );
}
