import type { CalendarYearDto } from '@shared/contracts/calendar';
import { todayInVietnam } from '@shared/dates';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  InputNumber,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasAnyRole } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { CalendarDeclarationForm } from './CalendarDeclarationForm';
import { legalRulesQueries } from './legal-rules-api';
import { DATE_FORMAT, weekdayOf } from './rule-text';

const MIN_YEAR = 2014;
const MAX_YEAR = 2199;
const ADMIN_ROLES = ['system_admin'] as const;

type HolidayDto = CalendarYearDto['holidays'][number];

/**
 * /calendar, "Lịch làm việc": a year's days off under the Labour Code (with the year's official
 * announcement once entered), the working-day count, and a tool for "within N working days" deadlines.
 * The system administrator enters the year's announcement here.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const isAdmin = useHasAnyRole(ADMIN_ROLES);
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const calendar = useQuery(legalRulesQueries.calendarYear(year));

  const columns: TableColumnsType<HolidayDto> = [
    {
      key: 'date',
      title: t('legalRules.calendar.column.date'),
      width: 130,
      render: (_, holiday) => <span data-testid="holiday-date">{displayDate(holiday.date)}</span>,
    },
    {
      key: 'weekday',
      title: t('legalRules.calendar.column.weekday'),
      width: 120,
      render: (_, holiday) => weekdayOf(holiday.date, lang),
    },
    {
      key: 'name',
      title: t('legalRules.calendar.column.name'),
      render: (_, holiday) => (
        <Space size={[6, 4]} wrap>
          <span>{lang === 'en' ? holiday.nameEn : holiday.nameVi}</span>
          {holiday.provisional ? (
            <Tag color="gold" title={t('legalRules.calendar.provisionalHint')}>
              {t('legalRules.calendar.provisional')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { key: 'article', title: t('legalRules.calendar.column.article'), render: (_, holiday) => holiday.legalBasis },
  ];

  return (
    <>
      <PageHeader title={t('legalRules.calendar.title')} lead={t('legalRules.calendar.lead')} />
      <Flex gap={24} wrap align="flex-start">
        <div style={{ flex: '1 1 560px', minWidth: 0 }}>
          <Space style={{ marginBottom: 16 }}>
            <label htmlFor="calendar-year">{t('legalRules.calendar.year')}</label>
            <InputNumber
              id="calendar-year"
              data-testid="calendar-year"
              min={MIN_YEAR}
              max={MAX_YEAR}
              precision={0}
              value={year}
              onChange={(value) => {
                if (typeof value === 'number' && value >= MIN_YEAR && value <= MAX_YEAR) setYear(value);
              }}
            />
          </Space>
          {calendar.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
          {calendar.isError ? <ApiErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
          {calendar.data ? (
            <>
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('legalRules.calendar.workingDayCount')}>
                  <span data-testid="working-day-count">{calendar.data.workingDayCount}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('legalRules.calendar.announcement')}>
                  {calendar.data.document ?? t('legalRules.calendar.notDeclared')}
                </Descriptions.Item>
              </Descriptions>
              {calendar.data.holidays.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legalRules.calendar.empty')} />
              ) : (
                <Table<HolidayDto>
                  size="small"
                  rowKey={(holiday) => `${holiday.date}-${holiday.key}`}
                  columns={columns}
                  dataSource={calendar.data.holidays}
                  pagination={false}
                  onRow={() => ({ 'data-testid': 'calendar-holiday' }) as HTMLAttributes<HTMLElement>}
                />
              )}
              {isAdmin ? (
                <CalendarDeclarationForm key={`${year}-${calendar.data.version ?? 0}`} calendar={calendar.data} />
              ) : null}
            </>
          ) : null}
        </div>
        <div style={{ flex: '0 1 340px' }}>
          <DeadlineTool />
        </div>
      </Flex>
    </>
  );
}

/** "Tính hạn": the date N working days after a date, as the server's calendar counts it. */
function DeadlineTool() {
  const { t } = useTranslation();
  const [asked, setAsked] = useState<{ from: string; days: number } | null>(null);
  const result = useQuery({
    ...legalRulesQueries.workingDays(asked?.from ?? '', asked?.days ?? 0),
    enabled: asked !== null,
  });
  return (
    <Card size="small" title={t('legalRules.calendar.deadline.title')}>
      <Form<{ from: Dayjs; days: number }>
        layout="vertical"
        requiredMark={false}
        initialValues={{ days: 3 }}
        onFinish={(values) => setAsked({ from: values.from.format('YYYY-MM-DD'), days: values.days })}
      >
        <Form.Item
          name="from"
          label={t('legalRules.calendar.deadline.from')}
          rules={[{ required: true, message: t('legalRules.edit.required') }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={t('legalRules.calendar.datePlaceholder')} data-testid="deadline-from" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('legalRules.calendar.deadline.days')}
          rules={[{ required: true, message: t('legalRules.edit.required') }]}
        >
          <InputNumber min={0} max={366} precision={0} data-testid="deadline-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="deadline-submit">
          {t('legalRules.calendar.deadline.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        {result.isFetching ? <Skeleton active title={false} paragraph={{ rows: 1 }} /> : null}
        {result.isError ? <ApiErrorAlert error={result.error} /> : null}
        {result.data && !result.isFetching ? (
          <Typography.Text>
            {t('legalRules.calendar.deadline.result', { days: result.data.days, from: displayDate(result.data.from) })}{' '}
            <strong data-testid="working-days-result">{displayDate(result.data.date)}</strong>
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}
