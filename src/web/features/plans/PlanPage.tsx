import { CopyOutlined, EditOutlined, FileOutlined } from '@ant-design/icons';
import type { PlanDto } from '@shared/contracts/plans';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Tabs,
  type TabsProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate, displayFileSize } from '../../components/format';
import { usePageTitle } from '../../layout/use-page-title';
import { ComplianceBoard } from './ComplianceBoard';
import { ObjectivesTab } from './ObjectivesTab';
import { HEADER_FIELDS, PlanHeaderFields } from './PlanHeaderFields';
import { PlanScheduleFields } from './PlanScheduleFields';
import {
  fieldOfPlanPath,
  type HeaderValues,
  headerBodyOf,
  headerValuesOf,
  placeServerErrors,
  SCHEDULE_LISTS,
  type ScheduleValues,
  scheduleBodyOf,
  scheduleValuesOf,
} from './plan-form';
import { PlanStatusTag } from './plan-tags';
import { documentUrl, planQueries, plansApi } from './plans-api';
import { PlanTab } from './plans-search';
import { TasksBoard } from './TasksBoard';
import './plans.css';
import { FormRefusals } from './FormRefusals';

const route = getRouteApi('/_app/plans/$planId');

type EditValues = HeaderValues & ScheduleValues;
const fieldOfEditPath = fieldOfPlanPath(new Set<string>([...HEADER_FIELDS, ...SCHEDULE_LISTS]), new Set(SCHEDULE_LISTS));

function EditHeaderModal({ plan, onClose }: { plan: PlanDto; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [topMessages, setTopMessages] = useState<string[]>([]);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (values: EditValues) =>
      plansApi.update(plan.id, { version: plan.version, ...headerBodyOf(values), ...scheduleBodyOf(values) }),
    onMutate: () => {
      setTopMessages([]);
      setWholeError(null);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(planQueries.one(plan.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
    },
    onError: (error) => {
      const placed = placeServerErrors(form, error, fieldOfEditPath);
      setTopMessages(placed.messages);
      setWholeError(placed.whole);
    },
  });
  return (
    <Modal
      open
      width={760}
      title={t('plans.page.editHeader')}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'plan-header-save' }}
      onOk={() => form.submit()}
    >
      <FormRefusals whole={wholeError} messages={topMessages} />
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{ ...headerValuesOf(plan), ...scheduleValuesOf(plan) }}
        onFinish={(values) => save.mutate(values)}
      >
        <PlanHeaderFields />
        <PlanScheduleFields />
      </Form>
    </Modal>
  );
}

function CopyModal({ plan, onClose }: { plan: PlanDto; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Most often next year's edition of the same plan.
  const [year, setYear] = useState<number | null>(Number(plan.periodFrom.slice(0, 4)) + 1);
  const copy = useMutation({
    mutationFn: (target: number) => plansApi.copy(plan.id, { year: target }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
      void navigate({ to: '/plans/$planId', params: { planId: created.id } });
    },
  });
  return (
    <Modal
      open
      title={t('plans.page.copy')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('plans.page.copyOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: copy.isPending, disabled: !year, 'data-testid': 'plan-copy-submit' }}
      onOk={() => year && copy.mutate(year)}
    >
      <Typography.Paragraph type="secondary">{t('plans.page.copyLead')}</Typography.Paragraph>
      {copy.error ? <ApiErrorAlert error={copy.error} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('plans.list.year')}>
          <InputNumber min={2000} max={2100} precision={0} value={year} onChange={setYear} data-testid="plan-copy-year" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SourceTab({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {plan.documents.length > 0 ? (
        <ul className="pcmt-plan-documents" data-testid="plan-documents">
          {plan.documents.map((document) => (
            <li key={document.id}>
              <FileOutlined />{' '}
              <a href={documentUrl(document.id)} download={document.fileName}>
                {document.fileName}
              </a>{' '}
              ({displayFileSize(document.sizeBytes)})
            </li>
          ))}
        </ul>
      ) : null}
      {plan.sourceText ? (
        <pre className="pcmt-plan-source" data-testid="plan-source-text">
          {plan.sourceText}
        </pre>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.page.noSource')} />
      )}
    </Flex>
  );
}

function PlanHeader({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="plan-header">
      <Descriptions.Item label={t('plans.field.number')}>{plan.number ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.issuedOn')}>{displayDate(plan.issuedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.type')}>{t(`plans.type.${plan.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.issuer')}>{plan.issuer ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.signer')}>{plan.signer ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.period')}>
        <span data-testid="plan-period">
          {displayDate(plan.periodFrom)} – {displayDate(plan.periodTo)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('plans.field.owner')}>{plan.ownerUnitName}</Descriptions.Item>
      {plan.theme ? (
        <Descriptions.Item label={t('plans.field.theme')} span="filled">
          {plan.theme}
        </Descriptions.Item>
      ) : null}
      {plan.references.length > 0 ? (
        <Descriptions.Item label={t('plans.field.references')} span="filled">
          <Space size={[4, 4]} wrap>
            {plan.references.map((reference) => (
              <Tag key={reference}>{reference}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
      ) : null}
      {plan.funding ? (
        <Descriptions.Item label={t('plans.field.funding')} span="filled">
          {plan.funding}
        </Descriptions.Item>
      ) : null}
      {plan.milestones.length > 0 ? (
        <Descriptions.Item label={t('plans.field.milestones')} span="filled">
          <Flex vertical>
            {plan.milestones.map((milestone) => (
              <span key={`${milestone.on}${milestone.label}`}>
                {displayDate(milestone.on)}: {milestone.label}
              </span>
            ))}
          </Flex>
        </Descriptions.Item>
      ) : null}
      {plan.deadlines.length > 0 ? (
        <Descriptions.Item label={t('plans.field.deadlines')} span="filled">
          <Flex vertical data-testid="plan-deadlines">
            {plan.deadlines.map((deadline) => (
              <span key={`${deadline.by}${deadline.what}`}>
                {t(deadline.to ? 'plans.page.deadlineTo' : 'plans.page.deadline', {
                  date: displayDate(deadline.by),
                  to: deadline.to,
                  what: deadline.what,
                })}
              </span>
            ))}
          </Flex>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** /plans/$planId: one plan, its targets, its tasks, the report follow-up and the original document. */
export function PlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { planId } = route.useParams();
  const { tab } = route.useSearch();
  const navigateTab = route.useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery(planQueries.one(planId));
  // A plan is no personal data: its title may name the browser tab.
  usePageTitle(query.data?.title ?? t('plans.page.title'));
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);
  const setStatus = useMutation({
    mutationFn: ({ plan, status }: { plan: PlanDto; status: 'issued' | 'closed' }) =>
      plansApi.setStatus(plan.id, { version: plan.version, status }),
    onSuccess: (updated) => {
      queryClient.setQueryData(planQueries.one(planId).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void message.success(t(`plans.page.statusChanged.${updated.status}`));
    },
  });

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;

  const tabs: TabsProps['items'] = [
    {
      key: 'objectives',
      label: <span data-testid="plan-tab-objectives">{t('plans.tab.objectives')}</span>,
      children: <ObjectivesTab plan={plan} />,
    },
    {
      key: 'tasks',
      label: <span data-testid="plan-tab-tasks">{t('plans.tab.tasks')}</span>,
      children: <TasksBoard plan={plan} />,
    },
    {
      key: 'compliance',
      label: <span data-testid="plan-tab-compliance">{t('plans.tab.compliance')}</span>,
      children: <ComplianceBoard plan={plan} />,
    },
    {
      key: 'source',
      label: <span data-testid="plan-tab-source">{t('plans.tab.source')}</span>,
      children: <SourceTab plan={plan} />,
    },
  ];

  return (
    <>
      <header className="pcmt-page-header">
        <Typography.Text type="secondary">
          <Link to="/plans">{t('plans.list.title')}</Link>
        </Typography.Text>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Typography.Title level={3} data-testid="plan-title" style={{ flex: 1, minWidth: 280 }}>
            {plan.title} <PlanStatusTag status={plan.status} />
          </Typography.Title>
          {plan.canEdit ? (
            <Space wrap>
              {plan.status === 'draft' ? (
                <Popconfirm
                  title={t('plans.page.issueConfirm')}
                  description={t('plans.page.issueConfirmLead')}
                  okText={t('plans.page.issue')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ 'data-testid': 'plan-status-confirm' }}
                  onConfirm={() => setStatus.mutate({ plan, status: 'issued' })}
                >
                  <Button type="primary" loading={setStatus.isPending} data-testid="plan-status-issue">
                    {t('plans.page.issue')}
                  </Button>
                </Popconfirm>
              ) : null}
              {plan.status === 'issued' ? (
                <Popconfirm
                  title={t('plans.page.closeConfirm')}
                  description={t('plans.page.closeConfirmLead')}
                  okText={t('plans.page.close')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, 'data-testid': 'plan-status-confirm' }}
                  onConfirm={() => setStatus.mutate({ plan, status: 'closed' })}
                >
                  <Button loading={setStatus.isPending} data-testid="plan-status-close">
                    {t('plans.page.close')}
                  </Button>
                </Popconfirm>
              ) : null}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit-header">
                {t('plans.page.editHeader')}
              </Button>
              <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="plan-copy">
                {t('plans.page.copy')}
              </Button>
            </Space>
          ) : null}
        </Flex>
      </header>
      {setStatus.error ? <ApiErrorAlert error={setStatus.error} /> : null}
      <PlanHeader plan={plan} />
      <Tabs
        activeKey={tab ?? 'objectives'}
        items={tabs}
        destroyOnHidden
        onChange={(key) => void navigateTab({ search: { tab: PlanTab.parse(key) }, replace: true })}
      />
      {editing ? <EditHeaderModal plan={plan} onClose={() => setEditing(false)} /> : null}
      {copying ? <CopyModal plan={plan} onClose={() => setCopying(false)} /> : null}
    </>
  );
}
