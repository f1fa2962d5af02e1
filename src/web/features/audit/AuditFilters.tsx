import { AuditOutcome } from '@shared/contracts/audit';
import { RECORD_KINDS } from '@shared/permissions';
import { foldVi } from '@shared/text/vi';
import { AutoComplete, Button, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { actionLabel, KNOWN_ACTIONS, recordKindLabel } from './audit-labels';
import type { AuditSearch } from './audit-search';

interface FilterValues {
  username?: string;
  action?: string;
  recordKind?: string;
  recordId?: string;
  outcome?: AuditSearch['outcome'];
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const ISO = 'YYYY-MM-DD';
const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Form values → URL search params (dates as ISO, empty fields left out). */
export function toSearch(values: FilterValues): AuditSearch {
  const [from, to] = values.dates ?? [];
  return {
    username: blankToUndefined(values.username),
    action: blankToUndefined(values.action),
    recordKind: blankToUndefined(values.recordKind),
    recordId: blankToUndefined(values.recordId),
    outcome: values.outcome,
    from: from ? from.format(ISO) : undefined,
    to: to ? to.format(ISO) : undefined,
  };
}

function toValues(search: AuditSearch): FilterValues {
  return {
    ...search,
    dates: search.from || search.to ? [search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null] : null,
  };
}

/**
 * The filters of the audit log, applied with the button (several fields are usually set
 * together). Mount it with a key of the current search so that Back and links refill it.
 */
export function AuditFilters({ search, onApply }: { search: AuditSearch; onApply: (search: AuditSearch) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      initialValues={toValues(search)}
      onFinish={(values) => onApply(toSearch(values))}
      className="pcmt-audit-filters"
    >
      <Row gutter={12}>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="username" label={t('audit.filter.username')}>
            <Input allowClear maxLength={64} data-testid="audit-filter-username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="action" label={t('audit.filter.action')}>
            <AutoComplete
              allowClear
              data-testid="audit-filter-action"
              placeholder={t('audit.filter.actionPlaceholder')}
              options={KNOWN_ACTIONS.map((action) => ({ value: action, label: `${actionLabel(t, action)} (${action})` }))}
              showSearch={{
                filterOption: (input, option) => foldVi(String(option?.label ?? '')).includes(foldVi(input)),
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="recordKind" label={t('audit.filter.recordKind')}>
            <Select
              allowClear
              virtual={false}
              options={RECORD_KINDS.map((kind) => ({ value: kind, label: recordKindLabel(t, kind) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="recordId" label={t('audit.filter.recordId')}>
            <Input allowClear maxLength={100} data-testid="audit-filter-record-id" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="outcome" label={t('audit.filter.outcome')}>
            <Select
              allowClear
              virtual={false}
              options={AuditOutcome.options.map((outcome) => ({ value: outcome, label: t(`audit.outcome.${outcome}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name="dates" label={t('audit.filter.dates')}>
            <DatePicker.RangePicker
              format="DD/MM/YYYY"
              allowEmpty={[true, true]}
              placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Flex gap={8} className="pcmt-audit-filter-buttons">
            <Button type="primary" htmlType="submit" data-testid="audit-filter-apply">
              {t('audit.filter.apply')}
            </Button>
            <Button onClick={() => onApply({})}>{t('audit.filter.clear')}</Button>
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
