import { MinusCircleOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { type PlanDto, type PlanTaskDto, TaskStatus } from '@shared/contracts/plans';
import { todayInVietnam } from '@shared/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayDate } from '../../components/format';
import { FormRefusals } from './FormRefusals';
import { DATE_FORMAT, placeServerErrors, textOrNull, toIso } from './plan-form';
import { fileToBase64, plansApi } from './plans-api';

/** The most files one report carries (the contract's limit). */
const MAX_ATTACHMENTS = 5;

interface ReportValues {
  periodFrom: Dayjs | null;
  periodTo: Dayjs | null;
  deadline?: string | null;
  narrative: string;
  figures?: { label: string; value: number | null; unit?: string | null }[];
  progress?: 'not_started' | 'in_progress' | 'done';
}

const FIELDS = new Set(['periodFrom', 'periodTo', 'deadline', 'narrative', 'progress']);
/** `["figures", 1, "value"]` under that figure's input; the rest under the field of their name. */
function fieldOfIssue(path: readonly (string | number)[]): (string | number)[] | null {
  const [first, index, field] = path;
  if (first === 'figures' && typeof index === 'number' && typeof field === 'string') return ['figures', index, field];
  return typeof first === 'string' && FIELDS.has(first) ? [first] : null;
}

/** The deadlines a report may answer: the task's own, else those of the whole plan. */
export function deadlinesOf(task: PlanTaskDto, plan: PlanDto): string[] {
  const dates = task.reportDeadlines.length > 0 ? task.reportDeadlines : plan.deadlines.map((deadline) => deadline.by);
  return [...new Set(dates)].sort();
}

/**
 * "Báo cáo tiến độ": what the assignee has done for the task over a period, for one report
 * deadline, with figures and attachments. Dates are typed DD/MM/YYYY and sent as ISO.
 */
export function ReportFormModal({ plan, task, onClose }: { plan: PlanDto; task: PlanTaskDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<File[]>([]);
  const [topMessages, setTopMessages] = useState<string[]>([]);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const deadlines = deadlinesOf(task, plan);
  // The next deadline to answer; after the last one, the last one.
  const today = todayInVietnam();
  const defaultDeadline = deadlines.find((deadline) => deadline >= today) ?? deadlines.at(-1) ?? null;

  const submit = useMutation({
    mutationFn: async (values: ReportValues) =>
      plansApi.report(task.id, {
        periodFrom: toIso(values.periodFrom) ?? '',
        periodTo: toIso(values.periodTo) ?? '',
        deadline: values.deadline ?? null,
        narrative: values.narrative.trim(),
        figures: (values.figures ?? []).map((figure) => ({
          label: figure.label.trim(),
          value: figure.value ?? 0,
          unit: textOrNull(figure.unit),
        })),
        // A task given to every commune: one commune's report does not move the province-wide status.
        ...(task.everyCommune ? {} : { progress: values.progress }),
        attachments: await Promise.all(
          files.map(async (file) => ({ fileName: file.name, contentBase64: await fileToBase64(file) })),
        ),
      }),
    onMutate: () => {
      setTopMessages([]);
      setWholeError(null);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void message.success(t('plans.report.sent'));
      onClose();
    },
    onError: (error) => {
      const { messages, whole } = placeServerErrors(form, error, fieldOfIssue);
      setTopMessages(messages);
      setWholeError(whole);
    },
  });

  return (
    <Modal
      open
      width={720}
      title={t('plans.report.title', { assignee: task.assigneeName })}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submit.isPending} onClick={() => form.submit()} data-testid="report-submit">
            {t('plans.report.submit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }}>
        {task.content}
      </Typography.Paragraph>
      <FormRefusals whole={wholeError} messages={topMessages} />
      <Form<ReportValues>
        form={form}
        name="plan-report"
        layout="vertical"
        initialValues={{
          deadline: defaultDeadline,
          progress: task.status === 'not_started' ? 'in_progress' : task.status,
          figures: [],
        }}
        onFinish={(values) => submit.mutate(values)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="periodFrom"
              label={t('plans.report.periodFrom')}
              rules={[{ required: true, message: t('plans.form.required') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('plans.form.datePlaceholder')}
                style={{ width: '100%' }}
                data-testid="report-field-periodFrom"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="periodTo"
              label={t('plans.report.periodTo')}
              rules={[{ required: true, message: t('plans.form.required') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('plans.form.datePlaceholder')}
                style={{ width: '100%' }}
                data-testid="report-field-periodTo"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="deadline" label={t('plans.report.deadline')}>
              <Select
                allowClear
                data-testid="report-field-deadline"
                placeholder={t('plans.report.noDeadline')}
                options={deadlines.map((iso) => ({ value: iso, label: displayDate(iso) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="narrative"
          label={t('plans.report.narrative')}
          rules={[{ required: true, whitespace: true, message: t('plans.form.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} data-testid="report-field-narrative" />
        </Form.Item>
        <Form.Item label={t('plans.report.figures')}>
          <Form.List name="figures">
            {(items, { add, remove }) => (
              <Flex vertical gap={4}>
                {items.map((item, index) => (
                  <Flex key={item.key} gap={8} align="flex-start">
                    <Form.Item
                      name={[item.name, 'label']}
                      style={{ flex: 2, marginBottom: 4 }}
                      rules={[{ required: true, whitespace: true, message: t('plans.form.required') }]}
                    >
                      <Input
                        placeholder={t('plans.report.figureLabel')}
                        maxLength={300}
                        data-testid={`report-figure-${index}-label`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'value']}
                      style={{ marginBottom: 4 }}
                      rules={[{ required: true, message: t('plans.form.required') }]}
                    >
                      <InputNumber placeholder={t('plans.report.figureValue')} data-testid={`report-figure-${index}-value`} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'unit']} style={{ flex: 1, marginBottom: 4 }}>
                      <Input placeholder={t('plans.report.figureUnit')} maxLength={40} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('plans.form.remove')}
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ label: '', value: null, unit: null })}
                  style={{ alignSelf: 'flex-start' }}
                  data-testid="report-figure-add"
                >
                  {t('plans.report.addFigure')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        {!task.everyCommune && (
          <Form.Item name="progress" label={t('plans.report.progress')}>
            <Select
              data-testid="report-field-progress"
              options={TaskStatus.options.map((status) => ({ value: status, label: t(`plans.taskStatus.${status}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('plans.report.attachments')} extra={t('plans.report.attachmentsHint')}>
          <Upload
            multiple
            fileList={files.map((file, index) => ({ uid: `${index}:${file.name}`, name: file.name, status: 'done' as const }))}
            beforeUpload={(file) => {
              setFiles((current) => (current.length < MAX_ATTACHMENTS ? [...current, file] : current));
              return false;
            }}
            onRemove={(removed) => {
              setFiles((current) => current.filter((file, index) => `${index}:${file.name}` !== removed.uid));
              return true;
            }}
          >
            <Button icon={<PaperClipOutlined />} disabled={files.length >= MAX_ATTACHMENTS} data-testid="report-attach">
              {t('plans.report.attach')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
