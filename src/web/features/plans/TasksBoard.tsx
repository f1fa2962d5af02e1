import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type PlanDto, type PlanTaskDto, TaskDisplayStatus } from '@shared/contracts/plans';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { App, Badge, Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate } from '../../components/format';
import { FormRefusals } from './FormRefusals';
import { DATE_FORMAT, fieldOfPlanPath, placeServerErrors } from './plan-form';
import { TASK_STATUS_COLOR } from './plan-tags';
import { plansApi } from './plans-api';
import { ReportFormModal } from './ReportFormModal';
import { TaskEditModal } from './TaskEditModal';
import { TASK_FIELDS, TaskInputs, type TaskValues, taskWithCoLeadsOf } from './TaskInputs';

function AddTaskModal({ plan, onClose }: { plan: PlanDto; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<TaskValues>();
  const [topMessages, setTopMessages] = useState<string[]>([]);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const fields = new Set<string>([...TASK_FIELDS, 'coLeads']);
  const add = useMutation({
    mutationFn: (values: TaskValues) => plansApi.addTask(plan.id, taskWithCoLeadsOf(values)),
    onMutate: () => {
      setTopMessages([]);
      setWholeError(null);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
    },
    onError: (error) => {
      const placed = placeServerErrors(form, error, ([first]) =>
        typeof first === 'string' && fields.has(first) ? [first] : null,
      );
      setTopMessages(placed.messages);
      setWholeError(placed.whole);
    },
  });
  return (
    <Modal
      open
      width={760}
      title={t('plans.task.add')}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'task-form-submit' }}
      onOk={() => form.submit()}
    >
      <FormRefusals whole={wholeError} messages={topMessages} />
      <Form<TaskValues>
        form={form}
        layout="vertical"
        initialValues={{
          assigneeName: '',
          agencyCode: undefined,
          unitCode: plan.ownerUnitCode || user?.unit.code,
          content: '',
          reportDeadlines: [],
        }}
        onFinish={(values) => add.mutate(values)}
      >
        <TaskInputs testPrefix="task-form" withCoLeads />
      </Form>
    </Modal>
  );
}

/** Who reports on the task: its unit, or every commune when a commune-level agency is given the province. */
export function unitLabel(task: PlanTaskDto, everyCommuneText: string): string {
  return task.everyCommune ? everyCommuneText : task.unitName;
}

function TaskCard({
  plan,
  task,
  onReport,
  onImplement,
  onEdit,
}: {
  plan: PlanDto;
  task: PlanTaskDto;
  onReport: (task: PlanTaskDto) => void;
  onImplement: (task: PlanTaskDto) => void;
  onEdit: (task: PlanTaskDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const setStatus = useMutation({
    mutationFn: (status: PlanTaskDto['status']) => plansApi.updateTask(task.id, { version: task.version, status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['plans'] }),
    onError: (error) => void message.error(error.message),
  });
  return (
    <Card size="small" className="pcmt-plan-task-card" data-testid={`task-card-${task.position}`}>
      <Flex vertical gap={4}>
        <Typography.Text strong>
          {task.position}. {task.assigneeName}
        </Typography.Text>
        <Typography.Text type="secondary">
          {task.agencyName} · {unitLabel(task, t('plans.task.everyCommune'))}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
          {task.content}
        </Typography.Paragraph>
        <Space size={[12, 4]} wrap>
          <span>
            {t('plans.task.dueOn')}: {displayDate(task.dueOn)}
          </span>
          <span data-testid={`task-report-count-${task.position}`}>
            {t('plans.task.reportCount', { count: task.reportCount })}
          </span>
        </Space>
        {task.implementingPlans.length > 0 ? (
          <div>
            <Typography.Text type="secondary">{t('plans.task.implementingPlans')}</Typography.Text>
            <ul className="pcmt-plan-implementing">
              {task.implementingPlans.map((child) => (
                <li key={child.id}>
                  <Link to="/plans/$planId" params={{ planId: child.id }}>
                    {child.unitName}: {child.title}
                  </Link>{' '}
                  ({child.tasksDone}/{child.tasksTotal})
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Flex gap={8} wrap>
          {task.canReport ? (
            <Button
              size="small"
              type="primary"
              onClick={() => onReport(task)}
              data-testid={`task-report-button-${task.position}`}
            >
              {t('plans.task.report')}
            </Button>
          ) : null}
          {task.canReport ? (
            <Button size="small" onClick={() => onImplement(task)} data-testid={`task-implement-${task.position}`}>
              {t('plans.task.implement')}
            </Button>
          ) : null}
          {plan.canEdit ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(task)} data-testid={`task-edit-${task.position}`}>
              {t('plans.task.edit')}
            </Button>
          ) : null}
          {plan.canEdit ? (
            <Select
              size="small"
              value={task.status}
              loading={setStatus.isPending}
              onChange={(status) => setStatus.mutate(status)}
              aria-label={t('plans.task.status')}
              data-testid={`task-status-${task.position}`}
              style={{ minWidth: 150 }}
              options={(['not_started', 'in_progress', 'done'] as const).map((status) => ({
                value: status,
                label: t(`plans.taskStatus.${status}`),
              }))}
            />
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * "Lập kế hoạch triển khai": the assignee (a department, a commune) makes its own plan for this
 * task ("căn cứ kế hoạch … xây dựng kế hoạch triển khai"); its tasks roll up to this one.
 */
function ImplementingPlanModal({ plan, task, onClose }: { plan: PlanDto; task: PlanTaskDto; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<{ title: string; periodFrom: Dayjs; periodTo: Dayjs }>();
  const [wholeError, setWholeError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (values: { title: string; periodFrom: Dayjs; periodTo: Dayjs }) =>
      plansApi.create({
        title: values.title.trim(),
        type: plan.type,
        periodFrom: values.periodFrom.format('YYYY-MM-DD'),
        periodTo: values.periodTo.format('YYYY-MM-DD'),
        parentTaskId: task.id,
        references: plan.number ? [plan.number] : [],
        ...(user ? { followingAgencyCode: user.agency.code } : {}),
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
      void navigate({ to: '/plans/$planId', params: { planId: created.id } });
    },
    onError: (error) =>
      setWholeError(placeServerErrors(form, error, fieldOfPlanPath(new Set(['title', 'periodFrom', 'periodTo']))).whole),
  });
  return (
    <Modal
      open
      title={t('plans.task.implement')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('plans.list.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'implementing-plan-submit' }}
      onOk={() => form.submit()}
    >
      {wholeError ? <ApiErrorAlert error={wholeError} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: t('plans.task.implementTitle', { title: plan.title }),
          periodFrom: dayjs(plan.periodFrom),
          periodTo: dayjs(plan.periodTo),
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="title"
          label={t('plans.field.title')}
          rules={[{ required: true, whitespace: true, message: t('plans.form.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} data-testid="implementing-plan-title" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="periodFrom"
            label={t('plans.field.periodFrom')}
            rules={[{ required: true, message: t('plans.form.required') }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="periodTo"
            label={t('plans.field.periodTo')}
            rules={[{ required: true, message: t('plans.form.required') }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** "Nhiệm vụ": the tasks in four columns by their shown status (overdue = due date passed, not done). */
export function TasksBoard({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState<PlanTaskDto | null>(null);
  const [adding, setAdding] = useState(false);
  const [implementing, setImplementing] = useState<PlanTaskDto | null>(null);
  const [editing, setEditing] = useState<PlanTaskDto | null>(null);
  return (
    <Flex vertical gap={12}>
      {plan.canEdit ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="task-add">
            {t('plans.task.add')}
          </Button>
        </div>
      ) : null}
      <Row gutter={[12, 12]}>
        {TaskDisplayStatus.options.map((status) => {
          const tasks = plan.tasks.filter((task) => task.displayStatus === status);
          return (
            <Col key={status} xs={24} md={12} xl={6}>
              <div className="pcmt-plan-column" data-testid={`task-column-${status}`}>
                <Flex justify="space-between" align="center" className="pcmt-plan-column-head">
                  <Badge status={TASK_STATUS_COLOR[status]} text={t(`plans.taskStatus.${status}`)} />
                  <Typography.Text type="secondary">{tasks.length}</Typography.Text>
                </Flex>
                <Flex vertical gap={8}>
                  {tasks.map((task) => (
                    <TaskCard
                      key={task.id}
                      plan={plan}
                      task={task}
                      onReport={setReporting}
                      onImplement={setImplementing}
                      onEdit={setEditing}
                    />
                  ))}
                </Flex>
              </div>
            </Col>
          );
        })}
      </Row>
      {reporting ? <ReportFormModal plan={plan} task={reporting} onClose={() => setReporting(null)} /> : null}
      {adding ? <AddTaskModal plan={plan} onClose={() => setAdding(false)} /> : null}
      {editing ? <TaskEditModal task={editing} onClose={() => setEditing(null)} /> : null}
      {implementing ? <ImplementingPlanModal plan={plan} task={implementing} onClose={() => setImplementing(null)} /> : null}
    </Flex>
  );
}
