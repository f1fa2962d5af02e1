import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { PersonProceduresResponse, ProcedureDto, ProcedureStepResponse } from '@shared/contracts/procedures';
import { todayInVietnam } from '@shared/dates';
import { PROCEDURES, type ProcedureKind } from '@shared/workflow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate } from '../../components/format';
import { actionLabel, fieldLabel, localized, optionLabel, procedureLabel, stateLabel, textOf } from './procedure-text';
import { procedureQueries, proceduresApi } from './procedures-api';
import { type DataField, dataOfValues, fieldsOfAction, initialDataValues } from './schema-fields';

/** What the modal records: a new procedure (picked from those the caller may open) or a step of one. */
export type StepTarget =
  | { mode: 'open'; openable: PersonProceduresResponse['openable'] }
  | { mode: 'step'; procedure: ProcedureDto; action: string };

interface StepValues {
  choice?: string;
  decidedOn?: Dayjs | null;
  decisionNo?: string;
  decider?: string;
  unitName?: string;
  data?: Record<string, unknown>;
}

const DATE_FORMAT = 'DD/MM/YYYY';
const choiceOf = (kind: string, action: string) => `${kind}:${action}`;
/** The fields every step has, outside `data`. */
const STEP_FIELDS = new Set(['decidedOn', 'decisionNo', 'decider', 'unitName']);

/**
 * Where a VALIDATION_FAILED issue goes: `["body", "data", "months"]` under the months input,
 * `["body", "decidedOn"]` under the date; null when no input of this form shows it.
 */
function fieldOfIssue(path: readonly (string | number)[], dataFields: readonly DataField[]): (string | number)[] | null {
  const [where, first, second] = path;
  if (where !== 'body') return null;
  if (typeof first === 'string' && STEP_FIELDS.has(first)) return [first];
  if (first === 'data' && typeof second === 'string' && dataFields.some((field) => field.name === second))
    return ['data', second];
  return null;
}

/**
 * Places the server's refusal: each field issue under its input, the rest (a rule about the whole
 * step, the state machine's 409 listing the allowed steps) at the top of the form.
 */
function placeErrors(
  form: FormInstance<StepValues>,
  error: unknown,
  dataFields: readonly DataField[],
): { messages: string[]; whole: unknown } {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || error.issues.length === 0)
    return { messages: [], whole: error };
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const messages: string[] = [];
  for (const issue of error.issues) {
    const name = fieldOfIssue(issue.path, dataFields);
    if (!name) {
      messages.push(issue.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return { messages, whole: null };
}

/**
 * One step of a legal procedure as a form: the decision's date (DD/MM/YYYY, sent as ISO), its
 * number when the law makes the step a decision, who decided and which unit, then the inputs the
 * action's schema asks for. The server runs the state machine and the law's checks; their
 * messages (citing the rule) come back under the fields they concern.
 */
export function StepFormModal({
  personId,
  target,
  procedures,
  onClose,
}: {
  personId: string;
  target: StepTarget;
  procedures: readonly ProcedureDto[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepValues>();
  const [choice, setChoice] = useState<string | undefined>(() => {
    if (target.mode === 'step') return choiceOf(target.procedure.kind, target.action);
    const only = target.openable.length === 1 ? target.openable[0] : undefined;
    return only ? choiceOf(only.kind, only.action) : undefined;
  });
  const [topMessages, setTopMessages] = useState<string[]>([]);
  const [wholeError, setWholeError] = useState<unknown>(null);

  const selected = useMemo(() => {
    if (!choice) return null;
    const [kind, action] = choice.split(':') as [ProcedureKind, string];
    const definition = PROCEDURES[kind]?.actions[action];
    return definition ? { kind, action, definition } : null;
  }, [choice]);
  const dataFields = useMemo(() => (selected ? fieldsOfAction(selected.kind, selected.action) : []), [selected]);
  const current = target.mode === 'step' ? target.procedure.id : null;
  // The version as the tab knows it now: after a 409 the list is fetched again, and the officer, who
  // has read what changed, sends the step against the current version instead of the stale one.
  const liveVersion =
    target.mode === 'step' ? (procedures.find((p) => p.id === target.procedure.id)?.version ?? target.procedure.version) : 0;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['persons'] });
    void queryClient.invalidateQueries({ queryKey: ['work-queue'] });
  };

  const save = useMutation({
    mutationFn: (values: StepValues): Promise<ProcedureStepResponse> => {
      if (!selected) throw new Error('no action chosen');
      const step = {
        action: selected.action,
        decidedOn: (values.decidedOn as Dayjs).format('YYYY-MM-DD'),
        decisionNo: values.decisionNo?.trim() || undefined,
        decider: values.decider?.trim() || undefined,
        unitName: values.unitName?.trim() || undefined,
        data: dataOfValues(dataFields, values.data),
        attachmentIds: [],
      };
      return target.mode === 'open'
        ? proceduresApi.open(personId, { kind: selected.kind, ...step })
        : proceduresApi.step(target.procedure.id, { ...step, version: liveVersion });
    },
    onMutate: () => {
      setTopMessages([]);
      setWholeError(null);
    },
    onSuccess: (result) => {
      refresh();
      void message.success(t('procedures.form.saved'));
      for (const opened of result.opened) {
        void message.info(
          t('procedures.form.alsoOpened', {
            procedure: procedureLabel(opened.kind, language),
            state: stateLabel(opened.kind, opened.state, language),
          }),
        );
      }
      onClose();
    },
    onError: (error) => {
      const { messages, whole } = placeErrors(form, error, dataFields);
      setTopMessages(messages);
      setWholeError(whole);
      // Someone else moved the procedure on: show the steps it allows now.
      if (error instanceof ApiError && (error.status === 409 || error.code === 'VERSION_CONFLICT')) refresh();
    },
  });

  const title =
    target.mode === 'open'
      ? t('procedures.form.openTitle')
      : `${procedureLabel(target.procedure.kind, language)}: ${actionLabel(target.procedure.kind, target.action, language)}`;

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!selected}
            onClick={() => form.submit()}
            data-testid="step-form-submit"
          >
            {t('procedures.form.submit')}
          </Button>
        </Flex>
      }
    >
      {wholeError ? <ApiErrorAlert error={wholeError} /> : null}
      {topMessages.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="step-form-errors"
          title={t('procedures.form.refused')}
          description={topMessages.map((text) => <div key={text}>{text}</div>)}
        />
      ) : null}
      <Form<StepValues>
        form={form}
        name="procedure-step"
        layout="vertical"
        className="pcmt-procedure-form"
        initialValues={{ decidedOn: dayjs(todayInVietnam()), data: initialData(dataFields, procedures, current) }}
        onFinish={(values) => save.mutate(values)}
      >
        {target.mode === 'open' ? (
          <Form.Item label={t('procedures.form.procedure')} required data-testid="field-procedure">
            <Select
              value={choice}
              placeholder={t('procedures.form.pickProcedure')}
              data-testid="open-procedure-kind"
              onChange={(value: string) => {
                setChoice(value);
                const [kind, action] = value.split(':') as [ProcedureKind, string];
                form.setFieldValue('data', initialData(fieldsOfAction(kind, action), procedures, current));
                setTopMessages([]);
                setWholeError(null);
              }}
              options={target.openable.map(({ kind, action }) => ({
                value: choiceOf(kind, action),
                label: `${procedureLabel(kind, language)} (${actionLabel(kind, action, language)})`,
              }))}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">
            {t('procedures.form.stepLead', {
              state: stateLabel(target.procedure.kind, target.procedure.state, language),
            })}
          </Typography.Paragraph>
        )}
        {selected ? (
          <>
            {target.mode === 'open' ? (
              <Typography.Paragraph type="secondary">{PROCEDURES[selected.kind].citation}</Typography.Paragraph>
            ) : null}
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="decidedOn"
                  label={t('procedures.form.decidedOn')}
                  rules={[{ required: true, message: t('procedures.form.required') }]}
                  data-testid="field-decidedOn"
                >
                  <DatePicker format={DATE_FORMAT} placeholder={t('procedures.form.datePlaceholder')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="decisionNo"
                  label={t('procedures.form.decisionNo')}
                  rules={
                    selected.definition.decisionRequired
                      ? [{ required: true, whitespace: true, message: t('procedures.form.decisionNoRequired') }]
                      : []
                  }
                  data-testid="field-decisionNo"
                >
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="decider" label={t('procedures.form.decider')} data-testid="field-decider">
                  <Input maxLength={120} placeholder={t('procedures.form.deciderPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="unitName" label={t('procedures.form.unitName')} data-testid="field-unitName">
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            {dataFields.map((field) => (
              <DataFieldItem key={`${choice}:${field.name}`} field={field} procedures={procedures} current={current} />
            ))}
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** One input of the action's data, chosen by the field's schema. */
function DataFieldItem({
  field,
  procedures,
  current,
}: {
  field: DataField;
  procedures: readonly ProcedureDto[];
  current: string | null;
}) {
  const { t, i18n } = useTranslation();
  const label = fieldLabel(t, i18n, field.name);
  const help = textOf(t, i18n, `procedures.help.${field.name}`) ?? undefined;
  const name = ['data', field.name];
  const required: Rule[] = field.required ? [{ required: true, message: t('procedures.form.required') }] : [];
  const testId = `field-${field.name}`;
  const options = (values: readonly (string | number)[]) =>
    values.map((value) => ({ value, label: optionLabel(t, i18n, field.name, value) }));
  const { control } = field;

  switch (control.type) {
    case 'date':
      return (
        <Form.Item name={name} label={label} extra={help} rules={required} data-testid={testId}>
          <DatePicker format={DATE_FORMAT} placeholder={t('procedures.form.datePlaceholder')} />
        </Form.Item>
      );
    case 'dates':
      return (
        <Form.Item label={label} required={field.required} extra={help} data-testid={testId}>
          <Form.List
            name={name}
            rules={
              field.required
                ? [
                    {
                      validator: async (_, value: unknown) => {
                        const filled = Array.isArray(value) ? value.filter(Boolean).length : 0;
                        if (filled < control.minItems) throw new Error(t('procedures.form.required'));
                      },
                    },
                  ]
                : []
            }
          >
            {(items, { add, remove }, { errors }) => (
              <Flex vertical gap={8}>
                {items.map((item, index) => (
                  <Flex key={item.key} gap={8} align="center">
                    <Form.Item name={item.name} noStyle>
                      <DatePicker
                        format={DATE_FORMAT}
                        placeholder={t('procedures.form.datePlaceholder')}
                        data-testid={`${testId}-${index}`}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('procedures.form.removeDate')}
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add(null)}
                  data-testid={`${testId}-add`}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('procedures.form.addDate')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item name={name} label={label} extra={help} rules={required} data-testid={testId}>
          <InputNumber
            min={control.min ?? undefined}
            max={control.max ?? undefined}
            precision={control.integer ? 0 : undefined}
          />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} valuePropName="checked" extra={help} data-testid={testId}>
          <Checkbox>{label}</Checkbox>
        </Form.Item>
      );
    case 'confirm':
      return (
        <Form.Item
          name={name}
          valuePropName="checked"
          extra={help}
          data-testid={testId}
          rules={[
            {
              validator: async (_, value: unknown) => {
                if (value !== true) throw new Error(t('procedures.form.mustConfirm'));
              },
            },
          ]}
        >
          <Checkbox>{label}</Checkbox>
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item name={name} label={label} extra={help} rules={required} data-testid={testId}>
          <Select options={options(control.options)} allowClear={!field.required} placeholder={t('procedures.form.pick')} />
        </Form.Item>
      );
    case 'enums':
    case 'numbers':
      return (
        <Form.Item
          name={name}
          label={label}
          extra={help}
          rules={field.required ? [{ required: true, type: 'array', min: 1, message: t('procedures.form.required') }] : []}
          data-testid={testId}
        >
          <Select mode="multiple" options={options(control.options)} placeholder={t('procedures.form.pick')} />
        </Form.Item>
      );
    case 'texts':
      return (
        <Form.Item name={name} label={label} extra={help ?? t('procedures.form.textsHelp')} data-testid={testId}>
          <Select mode="tags" tokenSeparators={[',', ';']} notFoundContent={null} />
        </Form.Item>
      );
    case 'facility':
      return (
        <Form.Item name={name} label={label} extra={help} rules={required} data-testid={testId}>
          <FacilitySelect allowClear={!field.required} />
        </Form.Item>
      );
    case 'procedure':
      return (
        <ProcedureReferenceItem
          field={field}
          label={label}
          help={help}
          rules={required}
          kinds={control.kinds}
          procedures={procedures.filter((p) => p.id !== current)}
        />
      );
    case 'text':
      return (
        <Form.Item
          name={name}
          label={label}
          extra={help}
          rules={field.required ? [{ required: true, whitespace: true, message: t('procedures.form.required') }] : []}
          data-testid={testId}
        >
          {control.multiline ? (
            <Input.TextArea rows={3} maxLength={control.maxLength ?? undefined} showCount />
          ) : (
            <Input maxLength={control.maxLength ?? undefined} />
          )}
        </Form.Item>
      );
  }
}

/** The facilities (`GET /api/facilities`), with their type; the server checks which one fits. */
function FacilitySelect({
  value,
  onChange,
  allowClear,
}: {
  value?: string;
  onChange?: (value: string) => void;
  allowClear: boolean;
}) {
  const { t, i18n } = useTranslation();
  const facilities = useQuery(procedureQueries.facilities());
  return (
    <>
      <Select
        value={value}
        onChange={onChange}
        allowClear={allowClear}
        showSearch={{ optionFilterProp: 'label' }}
        loading={facilities.isPending}
        placeholder={t('procedures.form.pickFacility')}
        notFoundContent={facilities.isPending ? null : t('procedures.form.noFacility')}
        options={(facilities.data?.items ?? [])
          .filter((facility) => facility.active !== false)
          .map((facility) => ({
            value: facility.id,
            label: `${facility.name} (${textOf(t, i18n, `procedures.facilityType.${facility.type}`) ?? facility.type})`,
          }))}
      />
      {facilities.isError ? <ApiErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} /> : null}
    </>
  );
}

/** The person's procedures a reference field may point to. */
function referenceCandidates(procedures: readonly ProcedureDto[], kinds: readonly ProcedureKind[]) {
  return procedures.filter((p) => kinds.includes(p.kind));
}

/**
 * What the action's inputs start with: empty lists and boxes, and, where a required reference has
 * a single candidate (the only determination result of the file), that one.
 */
function initialData(fields: readonly DataField[], procedures: readonly ProcedureDto[], current: string | null) {
  const values = initialDataValues(fields);
  for (const field of fields) {
    if (field.control.type !== 'procedure' || !field.required) continue;
    const candidates = referenceCandidates(
      procedures.filter((p) => p.id !== current),
      field.control.kinds,
    );
    if (candidates.length === 1) values[field.name] = candidates[0]?.id;
  }
  return values;
}

/** Another procedure of the person that the step rests on (the positive test, the determination result, the rehab completed). */
function ProcedureReferenceItem({
  field,
  label,
  help,
  rules,
  kinds,
  procedures,
}: {
  field: DataField;
  label: string;
  help: string | undefined;
  rules: Rule[];
  kinds: readonly ProcedureKind[];
  procedures: readonly ProcedureDto[];
}) {
  const { t, i18n } = useTranslation();
  const candidates = referenceCandidates(procedures, kinds);
  const name = ['data', field.name];
  return (
    <Form.Item name={name} label={label} extra={help} rules={rules} data-testid={`field-${field.name}`}>
      <Select
        allowClear={!field.required}
        placeholder={t('procedures.form.pickProcedure')}
        notFoundContent={t('procedures.form.noProcedure')}
        options={candidates.map((p) => ({
          value: p.id,
          label: `${localized(PROCEDURES[p.kind].label, i18n.language)}: ${stateLabel(p.kind, p.state, i18n.language)} (${displayDate(p.openedOn)})`,
        }))}
      />
    </Form.Item>
  );
}
