import type { ComplianceState, PlanStatus, TaskDisplayStatus } from '@shared/contracts/plans';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<PlanStatus, string> = { draft: 'default', issued: 'blue', closed: 'green' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="plan-status">
      {t(`plans.status.${status}`)}
    </Tag>
  );
}

export const TASK_STATUS_COLOR: Record<TaskDisplayStatus, 'default' | 'processing' | 'success' | 'error'> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  overdue: 'error',
};

export const COMPLIANCE_COLOR: Record<ComplianceState, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  returned: 'magenta',
  pending: 'default',
};

export function ComplianceTag({ state }: { state: ComplianceState }) {
  const { t } = useTranslation();
  return <Tag color={COMPLIANCE_COLOR[state]}>{t(`plans.compliance.state.${state}`)}</Tag>;
}
