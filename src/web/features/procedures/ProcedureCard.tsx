import { FilePdfOutlined } from '@ant-design/icons';
import type { ProcedureDeadlineDto, ProcedureDto, ProcedureStepDto } from '@shared/contracts/procedures';
import { PROCEDURES } from '@shared/workflow';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, type DescriptionsProps, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate } from '../../components/format';
import {
  actionLabel,
  currentDeadlines,
  fieldLabel,
  optionLabel,
  procedureLabel,
  ruleTitle,
  stateLabel,
  textOf,
  timerLabel,
} from './procedure-text';
import { proceduresApi } from './procedures-api';

/** Dates the steps compute or record, in the order a file reads them. */
const DATE_KEYS = [
  'testedOn',
  'resultReceivedOn',
  'registeredOn',
  'requestedOn',
  'discoveredOn',
  'dossierOn',
  'filedOn',
  'acceptedOn',
  'courtDecidedOn',
  'startDate',
  'endDate',
  'originalEndDate',
  'maintenanceOn',
  'interimSince',
  'helperAssignedOn',
  'violationOn',
  'resultOn',
  'validUntil',
  'terminatedOn',
  'completedOn',
] as const;

/** Choices and figures worth seeing without opening the steps. */
const VALUE_KEYS = [
  'result',
  'trigger',
  'setting',
  'basis',
  'phase',
  'months',
  'reducedMonths',
  'interimDaysDeducted',
  'interimMode',
  'helperName',
  'court',
  'caseNo',
  'violation',
  'terminationReason',
  'stopReason',
  'cancelReason',
  'withdrawReason',
  'refuseReason',
] as const;

/** "Chưa xác nhận": a rule the record used has no value confirmed by a legal text; the tooltip names it. */
function UnconfirmedTag({ titles }: { titles: string[] }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('procedures.unconfirmedRules', { rules: titles.join('; ') })}>
      <Tag color="gold" data-testid="unconfirmed">
        {t('procedures.unconfirmed')}
      </Tag>
    </Tooltip>
  );
}

function DeadlineBadge({ deadline }: { deadline: ProcedureDeadlineDto }) {
  const { t, i18n } = useTranslation();
  const label = timerLabel(t, i18n, deadline);
  const due = deadline.dueOn ? displayDate(deadline.dueOn) : t('procedures.deadline.noDate');
  let color = 'blue';
  let status: string | null = null;
  if (deadline.status === 'open' && deadline.overdue) {
    color = 'red';
    status = t('procedures.deadline.overdue');
  } else if (deadline.status === 'open' && deadline.dueSoon) {
    color = 'orange';
    status = t('procedures.deadline.dueSoon');
  } else if (deadline.status === 'met') {
    color = 'default';
    status = deadline.closedOn
      ? t('procedures.deadline.metOn', { date: displayDate(deadline.closedOn) })
      : t('procedures.deadline.met');
  } else if (deadline.status === 'cancelled') {
    color = 'default';
    status = t('procedures.deadline.cancelled');
  }
  return (
    <Flex gap={0} align="center">
      <Tag color={color} data-testid={`deadline-${deadline.timer}`} data-status={deadline.status}>
        {label}: {due}
        {status ? ` · ${status}` : ''}
      </Tag>
      {deadline.confirmed ? null : (
        <UnconfirmedTag
          titles={[deadline.ruleKey ? ruleTitle(deadline.ruleKey, deadline.ruleSetId, deadline.startsOn) : label]}
        />
      )}
    </Flex>
  );
}

function StepItem({ procedure, step }: { procedure: ProcedureDto; step: ProcedureStepDto }) {
  const { t, i18n } = useTranslation();
  const details = [
    step.decisionNo ? t('procedures.step.decisionNo', { number: step.decisionNo }) : null,
    step.decider,
    step.unitName,
  ].filter((part): part is string => Boolean(part));
  return (
    <div data-testid="procedure-step">
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{actionLabel(procedure.kind, step.action, i18n.language)}</Typography.Text>
        {step.fromState !== step.toState ? (
          <Typography.Text type="secondary">→ {stateLabel(procedure.kind, step.toState, i18n.language)}</Typography.Text>
        ) : null}
        {step.bySystem ? <Tag data-testid="step-by-system">{t('procedures.step.bySystem')}</Tag> : null}
        {step.unconfirmedRules.length > 0 ? (
          <UnconfirmedTag titles={step.unconfirmedRules.map((key) => ruleTitle(key, step.ruleSetId, step.decidedOn))} />
        ) : null}
      </Flex>
      {details.length > 0 ? <Typography.Text type="secondary">{details.join(' · ')}</Typography.Text> : null}
    </div>
  );
}

/** One procedure: its state, key dates, deadlines, the steps so far, and the steps it allows now. */
export function ProcedureCard({ procedure, onAction }: { procedure: ProcedureDto; onAction: (action: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const download = useMutation({
    mutationFn: (form: string) => proceduresApi.downloadForm(procedure.id, form),
  });
  const data = procedure.data;

  const summary: NonNullable<DescriptionsProps['items']> = [];
  if (procedure.facility) summary.push({ key: 'facility', label: t('procedures.facility'), children: procedure.facility.name });
  for (const key of DATE_KEYS) {
    const value = data[key];
    if (typeof value !== 'string') continue;
    const text = displayDate(value);
    const children: ReactNode = key === 'endDate' ? <span data-testid="procedure-end-date">{text}</span> : text;
    summary.push({ key, label: fieldLabel(t, i18n, key), children });
  }
  for (const key of VALUE_KEYS) {
    const value = data[key];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    summary.push({ key, label: fieldLabel(t, i18n, key), children: optionLabel(t, i18n, key, value) });
  }

  const deadlines = currentDeadlines(procedure.deadlines);
  const steps = [...procedure.steps].sort((a, b) => a.seq - b.seq);

  return (
    <Card
      size="small"
      className="pcmt-procedure-card"
      data-testid={`procedure-card-${procedure.kind}`}
      data-procedure-id={procedure.id}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{procedureLabel(procedure.kind, language)}</span>
          <Tag color={procedure.active ? 'processing' : 'default'} data-testid="procedure-state">
            {stateLabel(procedure.kind, procedure.state, language)}
          </Tag>
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">{t('procedures.openedOn', { date: displayDate(procedure.openedOn) })}</Typography.Text>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{PROCEDURES[procedure.kind].citation}</Typography.Text>
        {summary.length > 0 ? <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={summary} /> : null}
        {deadlines.length > 0 ? (
          <Flex gap={8} wrap align="center" data-testid="procedure-deadlines">
            <Typography.Text>{t('procedures.deadlines')}</Typography.Text>
            {deadlines.map((deadline) => (
              <DeadlineBadge key={deadline.id} deadline={deadline} />
            ))}
          </Flex>
        ) : null}
        <Timeline
          className="pcmt-procedure-timeline"
          items={steps.map((step) => ({
            key: step.id,
            title: displayDate(step.decidedOn),
            content: <StepItem procedure={procedure} step={step} />,
          }))}
        />
        {procedure.allowedActions.length > 0 || procedure.forms.length > 0 ? (
          <Flex gap={8} wrap>
            {procedure.allowedActions.map((action) => (
              <Button key={action} data-testid={`action-${action}`} onClick={() => onAction(action)}>
                {actionLabel(procedure.kind, action, language)}
              </Button>
            ))}
            {procedure.forms.map((form) => (
              <Button
                key={form}
                icon={<FilePdfOutlined />}
                loading={download.isPending && download.variables === form}
                data-testid={`procedure-form-${form}`}
                onClick={() => download.mutate(form)}
              >
                {textOf(t, i18n, `procedures.forms.${form}`) ?? form}
              </Button>
            ))}
          </Flex>
        ) : null}
        {download.error ? <ApiErrorAlert error={download.error} /> : null}
      </Flex>
    </Card>
  );
}
