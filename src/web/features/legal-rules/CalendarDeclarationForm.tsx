import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarYearBody, CalendarYearDto } from '@shared/contracts/calendar';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { legalRulesApi } from './legal-rules-api';
import { DATE_FORMAT } from './rule-text';

const DATE_LISTS = ['tetDays', 'compensatoryDays', 'extraDaysOff', 'makeUpWorkingDays'] as const;
type DateList = (typeof DATE_LISTS)[number];

type DeclarationValues = Record<DateList, (Dayjs | null)[]> & {
  nationalDayAdjacent: Dayjs | null;
  document: string;
};

const iso = (date: Dayjs) => date.format('YYYY-MM-DD');
const datesOf = (list: (Dayjs | null)[] | undefined) => (list ?? []).filter((date): date is Dayjs => date !== null).map(iso);

function initialValues(calendar: CalendarYearDto): DeclarationValues {
  const declaration = calendar.declaration;
  const list = (dates: string[] | undefined) => (dates ?? []).map((date) => dayjs(date));
  return {
    tetDays: list(declaration?.tetDays),
    nationalDayAdjacent: declaration?.nationalDayAdjacent ? dayjs(declaration.nationalDayAdjacent) : null,
    compensatoryDays: list(declaration?.compensatoryDays),
    extraDaysOff: list(declaration?.extraDaysOff),
    makeUpWorkingDays: list(declaration?.makeUpWorkingDays),
    document: calendar.document ?? '',
  };
}

/** The form field of a VALIDATION_FAILED issue's body path (`["declaration", "tetDays", 2]` → `["tetDays", 2]`). */
function fieldOf(path: readonly (string | number)[]): NamePath | null {
  const [first, second, third] = path;
  if (first === 'document' && second === undefined) return 'document';
  if (first !== 'declaration') return null;
  if (second === 'nationalDayAdjacent') return 'nationalDayAdjacent';
  if (typeof second === 'string' && (DATE_LISTS as readonly string[]).includes(second) && typeof third === 'number') {
    return [second, third];
  }
  return null;
}

/**
 * The system administrator enters a year's official announcement: the Tết days and the day next
 * to Quốc khánh as chosen (else the default rule applies, marked "tạm tính"), the compensatory
 * days, and the swaps of a bridge day off against a Saturday worked.
 */
export function CalendarDeclarationForm({ calendar }: { calendar: CalendarYearDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DeclarationValues>();
  const [conflict, setConflict] = useState<string | null>(null);
  const [wholeError, setWholeError] = useState<unknown>(null);

  const save = useMutation({
    mutationFn: (values: DeclarationValues) => {
      const tetDays = datesOf(values.tetDays);
      const compensatoryDays = datesOf(values.compensatoryDays);
      const body: CalendarYearBody = {
        declaration: {
          ...(tetDays.length > 0 ? { tetDays } : {}),
          ...(values.nationalDayAdjacent ? { nationalDayAdjacent: iso(values.nationalDayAdjacent) } : {}),
          ...(compensatoryDays.length > 0 ? { compensatoryDays } : {}),
          extraDaysOff: datesOf(values.extraDaysOff),
          makeUpWorkingDays: datesOf(values.makeUpWorkingDays),
        },
        document: values.document.trim(),
        ...(calendar.version !== null ? { version: calendar.version } : {}),
      };
      return legalRulesApi.declareYear(calendar.year, body);
    },
    onMutate: () => {
      setConflict(null);
      setWholeError(null);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      void message.success(t('legalRules.declare.saved'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(error.message);
        return;
      }
      if (!applyServerErrors(form, error, {}, fieldOf)) setWholeError(error);
    },
  });

  const dateList = (name: DateList) => (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={t(`legalRules.declare.${name}`)} data-testid={`declare-${name}`}>
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={field.name}
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, message: t('legalRules.edit.required') }]}
                >
                  <DatePicker format={DATE_FORMAT} placeholder={t('legalRules.calendar.datePlaceholder')} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('legalRules.declare.remove')}
                  title={t('legalRules.declare.remove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <div>
              <Button size="small" icon={<PlusOutlined />} onClick={() => add(null)}>
                {t('legalRules.declare.addDate')}
              </Button>
            </div>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );

  return (
    <Card
      size="small"
      style={{ marginTop: 24 }}
      title={t('legalRules.declare.title', { year: calendar.year })}
      data-testid="calendar-declare"
    >
      <Typography.Paragraph type="secondary">{t('legalRules.declare.lead')}</Typography.Paragraph>
      {conflict ? (
        <Alert type="warning" showIcon title={conflict} style={{ marginBottom: 16 }} data-testid="declare-conflict" />
      ) : null}
      {wholeError ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={wholeError} />
        </div>
      ) : null}
      <Form<DeclarationValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues(calendar)}
        onFinish={(values) => save.mutate(values)}
      >
        {dateList('tetDays')}
        <Form.Item name="nationalDayAdjacent" label={t('legalRules.declare.nationalDayAdjacent')}>
          <DatePicker format={DATE_FORMAT} placeholder={t('legalRules.calendar.datePlaceholder')} />
        </Form.Item>
        {dateList('compensatoryDays')}
        {dateList('extraDaysOff')}
        {dateList('makeUpWorkingDays')}
        <Form.Item
          name="document"
          label={t('legalRules.declare.document')}
          extra={t('legalRules.declare.documentHint')}
          rules={[{ required: true, whitespace: true, message: t('legalRules.edit.required') }]}
        >
          <Input.TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="declare-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
