import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, type PersonAttachmentDto } from '@shared/contracts/person-attachments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Image, Popconfirm, Radio, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDateTime, displayFileSize } from '../../components/format';
import { attachmentQueries, attachmentsApi, attachmentUrl } from './attachments-api';

/**
 * The "Tài liệu" tab: the portrait photo and the file's documents (scanned decisions, records).
 * Files go to the server as they are; the server reads their type from their bytes and encrypts them.
 */
export function PersonDocumentsTab({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'photo' | 'document'>('document');
  const list = useQuery(attachmentQueries.list(personId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['persons'] });
  const upload = useMutation({
    mutationFn: (file: File) => attachmentsApi.upload(personId, kind, file),
    onSuccess: () => {
      void refresh();
      void message.success(t('persons.documents.uploaded'));
    },
  });
  const withdraw = useMutation({
    mutationFn: (attachmentId: string) => attachmentsApi.withdraw(personId, attachmentId),
    onSuccess: () => void refresh(),
  });
  const photo = list.data?.items.find((a) => a.kind === 'photo');

  return (
    <Flex gap={16} align="flex-start" wrap>
      <Card size="small" title={t('persons.documents.photo')} style={{ width: 200 }}>
        {photo ? (
          <Image
            src={attachmentUrl(personId, photo.id)}
            alt={t('persons.documents.photo')}
            width={160}
            data-testid="person-photo"
          />
        ) : (
          <Typography.Text type="secondary">{t('persons.documents.noPhoto')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('persons.documents.title')} style={{ flex: 1, minWidth: 360 }}>
        {canWrite ? (
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" size="small">
              <Radio.Button value="document">{t('persons.documents.kindDocument')}</Radio.Button>
              <Radio.Button value="photo">{t('persons.documents.kindPhoto')}</Radio.Button>
            </Radio.Group>
            <Upload
              accept={kind === 'photo' ? 'image/jpeg,image/png' : '.pdf,.docx,image/jpeg,image/png'}
              showUploadList={false}
              beforeUpload={(file) => {
                if (file.size > ATTACHMENT_MAX_BYTES) {
                  void message.error(t('persons.documents.tooLarge'));
                  return Upload.LIST_IGNORE;
                }
                upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
                {t('persons.documents.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{t('persons.documents.hint')}</Typography.Text>
          </Flex>
        ) : null}
        {upload.error ? <ApiErrorAlert error={upload.error} /> : null}
        {list.error ? <ApiErrorAlert error={list.error} /> : null}
        <Table<PersonAttachmentDto>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('persons.documents.empty') }}
          columns={[
            { title: t('persons.documents.name'), dataIndex: 'fileName' },
            {
              title: t('persons.documents.kind'),
              dataIndex: 'kind',
              render: (value: string) =>
                value === 'photo' ? t('persons.documents.kindPhoto') : t('persons.documents.kindDocument'),
            },
            { title: t('persons.documents.size'), dataIndex: 'sizeBytes', render: displayFileSize },
            { title: t('persons.documents.uploadedAt'), dataIndex: 'uploadedAt', render: (iso: string) => displayDateTime(iso) },
            { title: t('persons.documents.uploadedBy'), dataIndex: 'uploadedByUsername' },
            {
              key: 'actions',
              render: (_: unknown, row) => (
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={t('persons.documents.download')}
                    onClick={() => void attachmentsApi.download(personId, row.id, row.fileName)}
                  />
                  {canWrite ? (
                    <Popconfirm title={t('persons.documents.withdrawConfirm')} onConfirm={() => withdraw.mutate(row.id)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('persons.documents.withdraw')} />
                    </Popconfirm>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
