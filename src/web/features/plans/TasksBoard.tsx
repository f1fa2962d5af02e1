import { PlusOutlined } from '@ant-design/icons';
import { type PlanDto, type PlanTaskDto, TaskDisplayStatus } from '@shared/contracts/plans';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Badge, Button, Card, Col, Flex, Form, Modal, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate } from '../../components/format';
import { placeServerErrors } from './plan-form';
import { TASK_STATUS_COLOR } from './plan-tags';
import { plansApi } from './plans-api';
import { ReportFormModal } from './ReportFormModal';
import { TASK_FIELDS, TaskInputs, type TaskValues, taskBodyOf } from './TaskInputs';

function AddTaskModal({ plan, onClose }: { plan: PlanDto; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<TaskValues>();
  const [topMessages, setTopMessages] = useState<string[]>([]);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const fields = new Set<string>(TASK_FIELDS);
  const add = useMutation({
    mutationFn: (values: TaskValues) => plansApi.addTask(plan.id, taskBodyOf(values)),
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
      {wholeError ? <ApiErrorAlert error={wholeError} /> : null}
      {topMessages.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('plans.form.refused')}
          description={topMessages.map((m) => <div key={m}>{m}</div>)}
        />
      ) : null}
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
        <TaskInputs testPrefix="task-form" />
      </Form>
    </Modal>
  );
}

/** Who reports on the task: its unit, or every commune when a commune-level agency is given the province. */
export function unitLabel(task: PlanTaskDto, everyCommuneText: string): string {
  return task.everyCommune ? everyCommuneText : task.unitName;
}

function TaskCard({ plan, task, onReport }: { plan: PlanDto; task: PlanTaskDto; onReport: (task: PlanTaskDto) => void }) {
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

/** "Nhiệm vụ": the tasks in four columns by their shown status (overdue = due date passed, not done). */
export function TasksBoard({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState<PlanTaskDto | null>(null);
  const [adding, setAdding] = useState(false);
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
                    <TaskCard key={task.id} plan={plan} task={task} onReport={setReporting} />
                  ))}
                </Flex>
              </div>
            </Col>
          );
        })}
      </Row>
      {reporting ? <ReportFormModal plan={plan} task={reporting} onClose={() => setReporting(null)} /> : null}
      {adding ? <AddTaskModal plan={plan} onClose={() => setAdding(false)} /> : null}
    </Flex>
  );
}
