import { PlusOutlined } from '@ant-design/icons';
import { CLASSIFICATION_LABELS } from '@shared/contracts/persons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CLASSIFICATION_COLOR } from '../persons/person-text';
import { ProcedureCard } from './ProcedureCard';
import { localized, newestFirst } from './procedure-text';
import { procedureQueries } from './procedures-api';
import { StepFormModal, type StepTarget } from './StepFormModal';

/**
 * The "Thủ tục" tab of a person: the classification the procedures give (never typed in), each
 * procedure with its steps and deadlines, and the steps the law and the officer's agency allow
 * next. Which steps are offered is the server's answer; the forms come from the state machines.
 */
export function ProceduresTab({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(procedureQueries.list(personId));
  const [target, setTarget] = useState<StepTarget | null>(null);

  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const { classification, items, openable } = list.data;
  const procedures = newestFirst(items);

  return (
    <Flex vertical gap={16} data-testid="procedures-tab">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t('procedures.classification')}</Typography.Text>
          <Tag color={CLASSIFICATION_COLOR[classification]} data-testid="classification-tag">
            {localized(CLASSIFICATION_LABELS[classification], i18n.language)}
          </Tag>
        </Flex>
        {openable.length > 0 ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="open-procedure"
            onClick={() => setTarget({ mode: 'open', openable })}
          >
            {t('procedures.open')}
          </Button>
        ) : null}
      </Flex>
      {procedures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('procedures.empty')} />
      ) : (
        procedures.map((procedure) => (
          <ProcedureCard
            key={procedure.id}
            procedure={procedure}
            onAction={(action) => setTarget({ mode: 'step', procedure, action })}
          />
        ))
      )}
      {target ? <StepFormModal personId={personId} target={target} procedures={items} onClose={() => setTarget(null)} /> : null}
    </Flex>
  );
}
