import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { PlanImportPreviewDto } from '@shared/contracts/plans';
import { todayInVietnam } from '@shared/dates';
import { draftFromParsed, type ParsedPlan, type PlanDraft } from '@shared/plans';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Spin, Steps, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate, displayFileSize } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Activates, HEADER_FIELDS, PlanHeaderFields } from './PlanHeaderFields';
import {
  COMPARISON_SIGN,
  fieldOfPlanPath,
  type HeaderValues,
  headerBodyOf,
  headerValuesOf,
  placeServerErrors,
  textOrNull,
  toDay,
} from './plan-form';
import { fileToBase64, plansApi } from './plans-api';
import { SourceText } from './SourceText';
import { TaskInputs, type TaskValues, taskBodyOf } from './TaskInputs';
import './plans.css';
import { FormRefusals } from './FormRefusals';

/** The documents the import reads (the server checks the content too). */
const ACCEPT = '.txt,.docx,.pdf';

interface ObjectiveValues {
  text: string;
  targetValue?: number | null;
  unit?: 'percent' | 'count' | null;
  comparison?: 'gte' | 'lte' | 'eq' | null;
  source?: number | null;
}

interface DraftValues extends HeaderValues {
  objectives?: ObjectiveValues[];
  tasks?: TaskValues[];
}

function draftValuesOf(draft: PlanDraft): DraftValues {
  return {
    ...headerValuesOf(draft),
    objectives: draft.objectives.map((objective, index) => ({ ...objective, source: index })),
    tasks: draft.tasks.map((task, index) => ({
      ...task,
      dueOn: toDay(task.dueOn),
      reportDeadlines: task.reportDeadlines.map((iso) => toDay(iso)).filter((day) => day !== null),
      source: index,
    })),
  };
}

const fieldOfIssue = fieldOfPlanPath(
  new Set<string>([...HEADER_FIELDS, 'objectives', 'tasks']),
  new Set(['objectives', 'tasks']),
);

/**
 * Step 2 of the import: the draft the document gives (left), editable, next to the text it was
 * read from (right), where every extracted value is marked. Nothing is saved until "Lưu kế hoạch".
 */
export function PlanImportReview({
  preview,
  file,
  onBack,
  onSaving,
}: {
  preview: PlanImportPreviewDto;
  file: File;
  onBack: () => void;
  onSaving?: (saving: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const provinceCode = user?.unit.path[0] ?? user?.unit.code ?? '';
  const [form] = Form.useForm<DraftValues>();
  const [active, setActive] = useState<string | null>(null);
  const [topMessages, setTopMessages] = useState<string[]>([]);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const draft = useMemo(
    () => draftFromParsed(preview.parsed as ParsedPlan, provinceCode, Number(todayInVietnam().slice(0, 4))),
    [preview, provinceCode],
  );
  const initialValues = useMemo(() => draftValuesOf(draft), [draft]);

  const save = useMutation({
    mutationFn: async (values: DraftValues) => {
      onSaving?.(true);
      return plansApi.create({
        ...headerBodyOf(values),
        followingAgencyCode: draft.followingAgencyCode,
        milestones: draft.milestones,
        deadlines: draft.deadlines,
        objectives: (values.objectives ?? []).map((objective) => ({
          text: objective.text.trim(),
          targetValue: objective.targetValue ?? null,
          unit: objective.unit ?? null,
          comparison: objective.comparison ?? null,
          indicatorCode: null,
        })),
        tasks: (values.tasks ?? []).map(taskBodyOf),
        source: { fileName: file.name, contentBase64: await fileToBase64(file) },
      });
    },
    onMutate: () => {
      setTopMessages([]);
      setWholeError(null);
    },
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void message.success(t('plans.import.saved'));
      void navigate({ to: '/plans/$planId', params: { planId: plan.id } });
    },
    onError: (error) => {
      onSaving?.(false);
      const { messages, whole } = placeServerErrors(form, error, fieldOfIssue);
      setTopMessages(messages);
      setWholeError(whole);
    },
  });

  return (
    <Row gutter={24} data-testid="plan-import-review">
      <Col xs={24} xl={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4}>{t('plans.import.draftTitle')}</Typography.Title>
          <Button onClick={onBack} data-testid="plan-import-back">
            {t('plans.import.otherFile')}
          </Button>
        </Flex>
        <FormRefusals whole={wholeError} messages={topMessages} />
        <Form<DraftValues>
          form={form}
          name="plan-import"
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => save.mutate(values)}
          scrollToFirstError
        >
          <PlanHeaderFields onActivate={setActive} />

          <Typography.Title level={5}>{t('plans.tab.objectives')}</Typography.Title>
          <Form.List name="objectives">
            {(items, { add, remove }) => (
              <Flex vertical gap={8}>
                {items.map((item, index) => {
                  const source = form.getFieldValue(['objectives', item.name, 'source']) as number | null | undefined;
                  return (
                    <Activates
                      key={item.key}
                      field={`objectives.${source ?? 'none'}`}
                      onActivate={source === null || source === undefined ? undefined : setActive}
                    >
                      <Card size="small" data-testid={`plan-objective-${index}`}>
                        <Flex gap={8} align="flex-start">
                          <Form.Item
                            name={[item.name, 'text']}
                            style={{ flex: 1 }}
                            rules={[{ required: true, whitespace: true, message: t('plans.form.required') }]}
                          >
                            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                          </Form.Item>
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined />}
                            aria-label={t('plans.form.remove')}
                            onClick={() => remove(item.name)}
                          />
                        </Flex>
                        <Flex gap={8} wrap>
                          <Form.Item name={[item.name, 'comparison']} label={t('plans.objective.comparison')}>
                            <Select
                              allowClear
                              style={{ width: 90 }}
                              options={(['gte', 'lte', 'eq'] as const).map((value) => ({ value, label: COMPARISON_SIGN[value] }))}
                            />
                          </Form.Item>
                          <Form.Item name={[item.name, 'targetValue']} label={t('plans.objective.target')}>
                            <InputNumber style={{ width: 120 }} />
                          </Form.Item>
                          <Form.Item name={[item.name, 'unit']} label={t('plans.objective.unit')}>
                            <Select
                              allowClear
                              style={{ width: 130 }}
                              options={(['percent', 'count'] as const).map((value) => ({
                                value,
                                label: t(`plans.objective.unitName.${value}`),
                              }))}
                            />
                          </Form.Item>
                        </Flex>
                      </Card>
                    </Activates>
                  );
                })}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', source: null })}>
                  {t('plans.objective.add')}
                </Button>
              </Flex>
            )}
          </Form.List>

          <Typography.Title level={5}>{t('plans.tab.tasks')}</Typography.Title>
          <Form.List name="tasks">
            {(items, { add, remove }) => (
              <Flex vertical gap={8}>
                {items.map((item, index) => {
                  const source = form.getFieldValue(['tasks', item.name, 'source']) as number | null | undefined;
                  return (
                    <Card
                      key={item.key}
                      size="small"
                      data-testid={`plan-task-${index}`}
                      title={t('plans.task.number', { position: index + 1 })}
                      extra={
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('plans.form.remove')}
                          onClick={() => remove(item.name)}
                        />
                      }
                    >
                      <TaskInputs
                        base={[item.name]}
                        testPrefix={`plan-task-${index}`}
                        highlight={source === null || source === undefined ? null : `agencies.${source}`}
                        onActivate={setActive}
                      />
                    </Card>
                  );
                })}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      assigneeName: '',
                      agencyCode: 'SO_KHAC',
                      unitCode: provinceCode,
                      content: '',
                      reportDeadlines: [],
                      source: null,
                    })
                  }
                  data-testid="plan-task-add"
                >
                  {t('plans.task.add')}
                </Button>
              </Flex>
            )}
          </Form.List>

          {draft.deadlines.length > 0 ? (
            <>
              <Typography.Title level={5}>{t('plans.field.deadlines')}</Typography.Title>
              <ul className="pcmt-plan-deadlines">
                {draft.deadlines.map((deadline, index) => (
                  <li key={`${deadline.by}:${deadline.what}`}>
                    <Activates field={`deadlines.${index}`} onActivate={setActive}>
                      {displayDate(deadline.by)}: {deadline.what}
                      {textOrNull(deadline.to) ? ` (${deadline.to})` : ''}
                    </Activates>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <Flex justify="flex-end" gap={8} className="pcmt-plan-import-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-import-save">
              {t('plans.import.save')}
            </Button>
          </Flex>
        </Form>
      </Col>
      <Col xs={24} xl={12}>
        <div className="pcmt-plan-source-column">
          <Typography.Title level={4}>{t('plans.import.sourceTitle', { name: preview.fileName })}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('plans.import.sourceLead')}</Typography.Paragraph>
          <SourceText text={preview.text} highlights={preview.highlights} active={active} />
        </div>
      </Col>
    </Row>
  );
}

/**
 * /plans/import: a plan from its document (.txt, .docx, .pdf). The server reads the text and
 * what it says; the officer checks and corrects the draft next to the text; only then is the
 * plan saved, with the original document kept beside it.
 */
export function PlanImportPage() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const upload = useMutation({ mutationFn: (chosen: File) => plansApi.preview(chosen) });
  const preview = upload.data && file ? upload.data : null;

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    upload.mutate(chosen);
  };
  const back = () => {
    upload.reset();
    setFile(null);
    if (input.current) input.current.value = '';
  };

  return (
    <>
      <PageHeader title={t('plans.import.title')} lead={t('plans.import.lead')} />
      <Steps
        className="pcmt-plan-steps"
        current={saving ? 2 : preview ? 1 : 0}
        items={[
          { title: t('plans.import.step.upload') },
          { title: t('plans.import.step.review') },
          { title: t('plans.import.step.save') },
        ]}
      />
      {preview && file ? (
        <PlanImportReview preview={preview} file={file} onBack={back} onSaving={setSaving} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              hidden
              data-testid="plan-import-file"
              onChange={(event) => choose(event.target.files?.[0])}
            />
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              onClick={() => input.current?.click()}
              data-testid="plan-import-choose"
            >
              {t('plans.import.choose')}
            </Button>
            {file ? (
              <Typography.Text>{t('plans.import.chosen', { name: file.name, size: displayFileSize(file.size) })}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('plans.import.accepted')}</Typography.Text>
            )}
          </Flex>
          {upload.isPending ? <Spin description={t('plans.import.reading')}>{<div className="pcmt-import-spin" />}</Spin> : null}
          {upload.error ? <ApiErrorAlert error={upload.error} /> : null}
        </Flex>
      )}
    </>
  );
}
