import type { PersonDto } from '@shared/contracts/persons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Form, Input, Row, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { displayDateTime } from '../../components/format';
import { fieldMessage, fileDateText } from './person-text';
import { personQueries, personsApi } from './persons-api';

const NOTE_MAX = 5000;

/** The "Hồ sơ quản lý" tab: when the file was opened, what happened to it, and the officers' notes. */
export function PersonFileTab({ person, canWrite }: { person: PersonDto; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph>
        {t('persons.file.openedAt', { date: fileDateText(person.fileOpenedAt), unit: person.managingUnit.fullName })}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title={t('persons.file.timeline')}>
            <PersonTimeline id={person.id} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('persons.file.notes')}>
            {canWrite ? <NoteForm id={person.id} /> : null}
            <PersonNotes id={person.id} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** Kinds of file event the server records (persons.service.ts); others show the server's summary only. */
const EVENT_KINDS = [
  'file_opened',
  'identity_updated',
  'note_added',
  'transfer_requested',
  'transfer_accepted',
  'transfer_rejected',
  'transfer_cancelled',
  'merge_absorbed',
  'merged_into',
  'merge_undone',
] as const;
const isKnownKind = (kind: string): kind is (typeof EVENT_KINDS)[number] => (EVENT_KINDS as readonly string[]).includes(kind);

function PersonTimeline({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useQuery(personQueries.timeline(id));
  if (timeline.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (timeline.isError) return <ApiErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (timeline.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.file.timelineEmpty')} />;
  }
  return (
    <Timeline
      className="pcmt-person-timeline"
      items={timeline.data.items.map((event) => ({
        key: event.id,
        title: displayDateTime(event.at),
        content: (
          <div data-testid="person-event">
            {/* The summary is recorded in Vietnamese; other languages show the kind, then the record. */}
            {i18n.language !== 'vi' && isKnownKind(event.kind) ? (
              <>
                <div>{t(`persons.file.kind.${event.kind}`)}</div>
                <div>
                  <Typography.Text type="secondary">{event.summary}</Typography.Text>
                </div>
              </>
            ) : (
              <div>{event.summary}</div>
            )}
            <Typography.Text type="secondary" className="pcmt-event-actor">
              {event.actorUsername ? t('persons.file.by', { username: event.actorUsername }) : t('persons.file.bySystem')}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

function PersonNotes({ id }: { id: string }) {
  const { t } = useTranslation();
  const notes = useQuery(personQueries.notes(id));
  if (notes.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (notes.isError) return <ApiErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />;
  if (notes.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.file.notesEmpty')} />;
  }
  return (
    <ul className="pcmt-person-notes">
      {notes.data.items.map((note) => (
        <li key={note.id} data-testid="person-note-item">
          <Typography.Text type="secondary" className="pcmt-note-meta">
            {displayDateTime(note.at)}
            {note.authorUsername ? ` · ${note.authorUsername}` : ''}
          </Typography.Text>
          <Typography.Paragraph className="pcmt-note-text">{note.text}</Typography.Paragraph>
        </li>
      ))}
    </ul>
  );
}

function NoteForm({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const add = useMutation({ mutationFn: (text: string) => personsApi.addNote(id, text) });

  const submit = async ({ text }: { text: string }) => {
    setFailure(null);
    try {
      await add.mutateAsync(text.trim());
      form.resetFields();
      void message.success(t('persons.file.noteAdded'));
      void queryClient.invalidateQueries({ queryKey: personQueries.notes(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: personQueries.timeline(id).queryKey });
    } catch (error) {
      if (!applyServerErrors(form, error)) setFailure(error);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} className="pcmt-note-form">
      <Form.Item
        name="text"
        label={t('persons.file.newNote')}
        rules={[{ required: true, whitespace: true, max: NOTE_MAX, message: fieldMessage('NOTE', i18n.language) }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={NOTE_MAX}
          showCount
          placeholder={t('persons.file.notePlaceholder')}
          data-testid="person-note"
        />
      </Form.Item>
      {failure ? <ApiErrorAlert error={failure} /> : null}
      <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="person-note-submit">
        {t('persons.file.addNote')}
      </Button>
    </Form>
  );
}
