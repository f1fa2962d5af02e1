import type { BreakGlassDto } from '@shared/contracts/break-glass';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { displayDateTime } from '../../components/format';
import { breakGlassApi } from './break-glass-api';

/** Bounds of the note, as in BreakGlassReviewBody (counted after trimming, as the server does). */
const NOTE_MIN = 2;
const NOTE_MAX = 1000;

interface ReviewValues {
  note: string;
}

/**
 * A supervisor's review of one grant: the grant as requested (reason in full), and a note that is
 * required. The note is kept with the grant, where the requester reads it too.
 */
export function ReviewModal({ grant, onClose }: { grant: BreakGlassDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReviewValues>();
  const [unplacedError, setUnplacedError] = useState<unknown>(null);
  const review = useMutation({
    mutationFn: (note: string) => breakGlassApi.review(grant.id, note),
    onMutate: () => setUnplacedError(null),
    onSuccess: async () => {
      // Closed once the list shows the review, so the row never flashes back to "not reviewed".
      await queryClient.invalidateQueries({ queryKey: ['break-glass'] });
      void message.success(t('breakGlass.review.done', { username: grant.username }));
      onClose();
    },
    // A bad note is said under the field; anything else (the grant is gone, no permission) above the buttons.
    onError: (error) => {
      if (!applyServerErrors(form, error)) setUnplacedError(error);
    },
  });

  return (
    <Modal
      open
      title={t('breakGlass.review.title', { username: grant.username })}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={review.isPending} onClick={() => form.submit()} data-testid="break-glass-submit">
            {t('breakGlass.review.submit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('breakGlass.review.lead')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered className="pcmt-break-glass-summary">
        <Descriptions.Item label={t('breakGlass.column.user')}>{grant.username}</Descriptions.Item>
        <Descriptions.Item label={t('breakGlass.column.recordKind')}>
          {t(`breakGlass.recordKind.${grant.recordKind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('breakGlass.column.recordId')}>
          <Typography.Text code>{grant.recordId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('breakGlass.column.grantedAt')}>
          {t('breakGlass.review.window', {
            from: displayDateTime(grant.grantedAt),
            to: displayDateTime(grant.expiresAt),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('breakGlass.column.reason')}>
          <span className="pcmt-break-glass-text">{grant.reason}</span>
        </Descriptions.Item>
      </Descriptions>
      <Form<ReviewValues> form={form} layout="vertical" onFinish={(values) => review.mutate(values.note.trim())}>
        <Form.Item
          name="note"
          label={t('breakGlass.review.note')}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const length = (value ?? '').trim().length;
                return length >= NOTE_MIN && length <= NOTE_MAX
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('breakGlass.review.noteInvalid')));
              },
            },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={NOTE_MAX}
            showCount
            placeholder={t('breakGlass.review.notePlaceholder')}
            data-testid="break-glass-note"
          />
        </Form.Item>
      </Form>
      {unplacedError ? <ApiErrorAlert error={unplacedError} /> : null}
    </Modal>
  );
}
