import { CheckCircleTwoTone, CloseCircleTwoTone, PlusOutlined } from '@ant-design/icons';
import type { PlanDto } from '@shared/contracts/plans';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { COMPARISON_SIGN, fieldOfPlanPath, placeServerErrors } from './plan-form';
import { plansApi } from './plans-api';

type Objective = PlanDto['objectives'][number];

/** "≥ 100%", "= 0", "≤ 5 vụ": the target as the plan states it. */
export function targetText(objective: Pick<Objective, 'targetValue' | 'comparison' | 'unit'>): string {
  if (objective.targetValue === null) return '—';
  const sign = objective.comparison ? `${COMPARISON_SIGN[objective.comparison]} ` : '';
  return `${sign}${objective.targetValue.toLocaleString('vi-VN')}${objective.unit === 'percent' ? '%' : ''}`;
}

/** The achieved value, saved when the officer leaves the input or presses Enter. */
function AchievedInput({ objective }: { objective: Objective }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | null>(objective.achievedValue);
  const save = useMutation({
    mutationFn: (achievedValue: number | null) =>
      plansApi.updateObjective(objective.id, { version: objective.version, achievedValue }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void message.success(t('plans.objective.saved'));
    },
    onError: (error) => {
      void message.error(error.message);
      setValue(objective.achievedValue);
    },
  });
  const commit = () => {
    if (value !== objective.achievedValue) save.mutate(value);
  };
  return (
    <InputNumber
      size="small"
      value={value}
      onChange={(next) => setValue(next)}
      onBlur={commit}
      onPressEnter={commit}
      disabled={save.isPending}
      aria-label={t('plans.objective.achieved')}
      data-testid={`objective-achieved-${objective.position}`}
    />
  );
}

function AddObjectiveModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [wholeError, setWholeError] = useState<unknown>(null);
  const add = useMutation({
    mutationFn: (values: {
      text: string;
      targetValue?: number | null;
      unit?: 'percent' | 'count';
      comparison?: 'gte' | 'lte' | 'eq';
    }) =>
      plansApi.addObjective(planId, {
        text: values.text.trim(),
        targetValue: values.targetValue ?? null,
        unit: values.unit ?? null,
        comparison: values.comparison ?? null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
    },
    onError: (error) =>
      setWholeError(
        placeServerErrors(form, error, fieldOfPlanPath(new Set(['text', 'targetValue', 'unit', 'comparison']))).whole,
      ),
  });
  return (
    <Modal
      open
      title={t('plans.objective.add')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: add.isPending }}
      onOk={() => form.submit()}
    >
      {wholeError ? <ApiErrorAlert error={wholeError} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
        <Form.Item
          name="text"
          label={t('plans.objective.text')}
          rules={[{ required: true, whitespace: true, message: t('plans.form.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="comparison" label={t('plans.objective.comparison')}>
            <Select
              allowClear
              style={{ width: 90 }}
              options={(['gte', 'lte', 'eq'] as const).map((value) => ({ value, label: COMPARISON_SIGN[value] }))}
            />
          </Form.Item>
          <Form.Item name="targetValue" label={t('plans.objective.target')}>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="unit" label={t('plans.objective.unit')}>
            <Select
              allowClear
              style={{ width: 130 }}
              options={(['percent', 'count'] as const).map((value) => ({ value, label: t(`plans.objective.unitName.${value}`) }))}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** "Chỉ tiêu": the plan's targets, what has been achieved (entered by hand for now) and whether it is met. */
export function ObjectivesTab({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<Objective> = [
    { key: 'position', title: '#', width: 50, render: (_, objective) => objective.position },
    { key: 'text', title: t('plans.objective.text'), dataIndex: 'text' },
    { key: 'target', title: t('plans.objective.target'), width: 120, render: (_, objective) => targetText(objective) },
    {
      key: 'achieved',
      title: t('plans.objective.achieved'),
      width: 150,
      render: (_, objective) =>
        plan.canEdit ? (
          <AchievedInput key={`${objective.id}:${objective.version}`} objective={objective} />
        ) : (
          (objective.achievedValue?.toLocaleString('vi-VN') ?? '—')
        ),
    },
    {
      key: 'met',
      title: t('plans.objective.met'),
      width: 90,
      render: (_, objective) => (
        <span data-testid={`objective-met-${objective.position}`}>
          {objective.met === null ? (
            '—'
          ) : objective.met ? (
            <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('plans.objective.metYes')} />
          ) : (
            <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label={t('plans.objective.metNo')} />
          )}
        </span>
      ),
    },
    {
      key: 'indicator',
      title: t('plans.objective.indicator'),
      width: 160,
      render: (_, objective) => objective.indicatorCode ?? '—',
    },
  ];
  return (
    <Flex vertical gap={12}>
      {plan.canEdit ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="objective-add">
            {t('plans.objective.add')}
          </Button>
        </div>
      ) : null}
      <Table<Objective>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={plan.objectives}
        pagination={false}
        locale={{ emptyText: t('plans.objective.empty') }}
      />
      {adding ? <AddObjectiveModal planId={plan.id} onClose={() => setAdding(false)} /> : null}
    </Flex>
  );
}
