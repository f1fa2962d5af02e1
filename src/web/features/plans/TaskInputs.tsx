import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AgencyPicker } from './AgencyPicker';
import { Activates } from './PlanHeaderFields';
import { DATE_FORMAT, toIso } from './plan-form';

/** A task as a form holds it (dates as Dayjs). */
export interface TaskValues {
  assigneeName: string;
  agencyCode: string;
  unitCode: string;
  content: string;
  /** Shown only where the form asks for them (adding or editing a task on the plan page). */
  coLeads?: string[];
  dueOn?: Dayjs | null;
  reportDeadlines?: Dayjs[] | null;
  /** Index of the agency in the parsed document (import only): where its marks are. */
  source?: number | null;
}

export const TASK_FIELDS = ['assigneeName', 'agencyCode', 'unitCode', 'content', 'dueOn', 'reportDeadlines'] as const;

export function taskBodyOf(values: TaskValues) {
  return {
    assigneeName: values.assigneeName.trim(),
    agencyCode: values.agencyCode,
    unitCode: values.unitCode.trim(),
    content: values.content.trim(),
    dueOn: toIso(values.dueOn),
    reportDeadlines: [...new Set((values.reportDeadlines ?? []).map((day) => toIso(day) as string))].sort(),
  };
}

/** The task with its co-leads, where the form asks for them (adding or editing a task on the plan page). */
export function taskWithCoLeadsOf(values: TaskValues) {
  return { ...taskBodyOf(values), coLeads: (values.coLeads ?? []).map((name) => name.trim()).filter(Boolean) };
}

/**
 * The inputs of one task: who the document names, the catalogue agency that reports, the unit
 * (the province for "các xã" means every commune), what to do, the due date and report deadlines.
 */
export function TaskInputs({
  base = [],
  testPrefix,
  highlight,
  onActivate,
  withCoLeads = false,
}: {
  /** The task's place in the form (`[2]` inside the tasks list); empty for a form of one task. */
  base?: (string | number)[];
  testPrefix: string;
  /** The highlight field of the task's agency in the source text (`agencies.2`). */
  highlight?: string | null;
  onActivate?: (field: string) => void;
  /** Also the co-leading agencies ("phối hợp"), typed as tags. */
  withCoLeads?: boolean;
}) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('plans.form.required') };
  const activate = highlight && onActivate ? onActivate : undefined;
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Activates field={`${highlight}.name`} onActivate={activate}>
            <Form.Item name={[...base, 'assigneeName']} label={t('plans.task.assigneeName')} rules={[required]}>
              <Input maxLength={300} data-testid={`${testPrefix}-assigneeName`} />
            </Form.Item>
          </Activates>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[...base, 'agencyCode']} label={t('plans.task.agency')} rules={[required]}>
            <AgencyPicker testId={`${testPrefix}-agencyCode`} />
          </Form.Item>
        </Col>
      </Row>
      <Activates field={`${highlight}.tasks`} onActivate={activate}>
        <Form.Item name={[...base, 'content']} label={t('plans.task.content')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={8000} data-testid={`${testPrefix}-content`} />
        </Form.Item>
      </Activates>
      {withCoLeads ? (
        <Form.Item name={[...base, 'coLeads']} label={t('plans.task.coLeads')} tooltip={t('plans.task.coLeadsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[';']} data-testid={`${testPrefix}-coLeads`} />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item
            name={[...base, 'unitCode']}
            label={t('plans.task.unitCode')}
            tooltip={t('plans.task.unitCodeHint')}
            rules={[required, { pattern: /^([0-9]{2}|[0-9]{5})$/, message: t('plans.task.unitCodeFormat') }]}
          >
            <Input maxLength={5} data-testid={`${testPrefix}-unitCode`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[...base, 'dueOn']} label={t('plans.task.dueOn')}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('plans.form.datePlaceholder')}
              style={{ width: '100%' }}
              data-testid={`${testPrefix}-dueOn`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[...base, 'reportDeadlines']} label={t('plans.task.reportDeadlines')}>
            <DatePicker
              multiple
              format={DATE_FORMAT}
              placeholder={t('plans.form.datePlaceholder')}
              style={{ width: '100%' }}
              data-testid={`${testPrefix}-reportDeadlines`}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
