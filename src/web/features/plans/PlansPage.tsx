import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { PlanStatus, type PlanSummaryDto, PlanType } from '@shared/contracts/plans';
import { todayInVietnam } from '@shared/dates';
import { actionMonthDefaults } from '@shared/plans';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Flex, Form, Input, InputNumber, Modal, Select, Skeleton, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { fieldOfPlanPath, placeServerErrors } from './plan-form';
import { PlanStatusTag } from './plan-tags';
import { planQueries, plansApi } from './plans-api';

const route = getRouteApi('/_app/plans');
const currentYear = () => Number(todayInVietnam().slice(0, 4));

/** "Kế hoạch Tháng hành động mới": asks the year and title, then creates the draft with the June defaults. */
function NewActionMonthModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ year: number; title: string }>();
  const [titleEdited, setTitleEdited] = useState(false);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: ({ year, title }: { year: number; title: string }) =>
      plansApi.create({ ...actionMonthDefaults(year), title: title.trim() }),
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
      void navigate({ to: '/plans/$planId', params: { planId: plan.id } });
    },
    onError: (error) => setWholeError(placeServerErrors(form, error, fieldOfPlanPath(new Set(['title']))).whole),
  });
  const year = currentYear();
  return (
    <Modal
      open
      title={t('plans.list.newActionMonth')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('plans.list.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'plan-new-submit' }}
      onOk={() => form.submit()}
    >
      {wholeError ? <ApiErrorAlert error={wholeError} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, title: actionMonthDefaults(year).title }}
        onValuesChange={(changed: { year?: number; title?: string }) => {
          if (changed.title !== undefined) setTitleEdited(true);
          if (changed.year && !titleEdited) form.setFieldValue('title', actionMonthDefaults(changed.year).title);
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item name="year" label={t('plans.list.year')} rules={[{ required: true, message: t('plans.form.required') }]}>
          <InputNumber min={2000} max={2100} precision={0} data-testid="plan-new-year" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('plans.field.title')}
          rules={[{ required: true, whitespace: true, message: t('plans.form.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} data-testid="plan-new-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /plans: the plans the user's unit keeps or takes part in, with filters and the two ways to add one. */
export function PlansPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const goTo = useNavigate();
  const [creating, setCreating] = useState(false);
  const plans = useQuery({ ...planQueries.list(search), placeholderData: keepPreviousData });
  const setFilter = (patch: Partial<typeof search>) => void navigate({ search: (previous) => ({ ...previous, ...patch }) });

  const columns: TableColumnsType<PlanSummaryDto> = [
    { key: 'number', title: t('plans.field.number'), width: 140, render: (_, plan) => plan.number ?? '—' },
    { key: 'issuedOn', title: t('plans.field.issuedOn'), width: 120, render: (_, plan) => displayDate(plan.issuedOn) },
    {
      key: 'title',
      title: t('plans.field.title'),
      render: (_, plan) => (
        <Link to="/plans/$planId" params={{ planId: plan.id }} data-testid="plan-link">
          {plan.title}
        </Link>
      ),
    },
    { key: 'type', title: t('plans.field.type'), width: 150, render: (_, plan) => t(`plans.type.${plan.type}`) },
    { key: 'status', title: t('plans.field.status'), width: 120, render: (_, plan) => <PlanStatusTag status={plan.status} /> },
    {
      key: 'period',
      title: t('plans.field.period'),
      width: 200,
      render: (_, plan) => `${displayDate(plan.periodFrom)} – ${displayDate(plan.periodTo)}`,
    },
    {
      key: 'progress',
      title: t('plans.list.progress'),
      width: 110,
      render: (_, plan) => <span data-testid="plan-progress">{`${plan.tasksDone}/${plan.taskCount}`}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('plans.list.title')}
        lead={t('plans.list.lead')}
        extra={
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<FileTextOutlined />}
              onClick={() => void goTo({ to: '/plans/import' })}
              data-testid="plans-import-button"
            >
              {t('plans.list.import')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plans-new-action-month">
              {t('plans.list.newActionMonth')}
            </Button>
          </Flex>
        }
      />
      <Flex gap={8} wrap className="pcmt-toolbar">
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('plans.field.status')}
          value={search.status}
          onChange={(status) => setFilter({ status })}
          data-testid="plans-filter-status"
          options={PlanStatus.options.map((status) => ({ value: status, label: t(`plans.status.${status}`) }))}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('plans.field.type')}
          value={search.type}
          onChange={(type) => setFilter({ type })}
          data-testid="plans-filter-type"
          options={PlanType.options.map((type) => ({ value: type, label: t(`plans.type.${type}`) }))}
        />
        <InputNumber
          style={{ width: 120 }}
          min={2000}
          max={2100}
          precision={0}
          placeholder={t('plans.list.year')}
          value={search.year ?? null}
          onChange={(year) => setFilter({ year: year ?? undefined })}
          data-testid="plans-filter-year"
        />
        <div className="pcmt-toolbar-search">
          <SearchInput
            value={search.q}
            onSearch={(q) => setFilter({ q })}
            label={t('plans.list.search')}
            placeholder={t('plans.list.searchPlaceholder')}
            testId="plans-filter-q"
            maxLength={200}
          />
        </div>
      </Flex>
      {plans.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : plans.isError ? (
        <ApiErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <Table<PlanSummaryDto>
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={plans.data.items}
          loading={plans.isPlaceholderData}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('plans.list.empty') }}
          data-testid="plans-table"
        />
      )}
      {creating ? <NewActionMonthModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
