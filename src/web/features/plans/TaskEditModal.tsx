import type { PlanTaskDto } from '@shared/contracts/plans';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRefusals } from './FormRefusals';
import { fieldOfPlanPath, placeServerErrors, toDay } from './plan-form';
import { type PlanTaskUpdateInput, plansApi } from './plans-api';
import { TASK_FIELDS, TaskInputs, type TaskValues, taskWithCoLeadsOf } from './TaskInputs';

const EDIT_FIELDS = new Set<string>([...TASK_FIELDS, 'coLeads']);

function valuesOf(task: PlanTaskDto): TaskValues {
  return {
    assigneeName: task.assigneeName,
    agencyCode: task.agencyCode,
    unitCode: task.unitCode,
    coLeads: task.coLeads,
    content: task.content,
    dueOn: toDay(task.dueOn),
    reportDeadlines: task.reportDeadlines.map((iso) => toDay(iso)).filter((day) => day !== null),
  };
}

/** Only what the officer changed, so that a field nobody touched is not rewritten. */
export function changedTaskFields(task: PlanTaskDto, values: TaskValues): Omit<PlanTaskUpdateInput, 'version'> {
  const before = taskWithCoLeadsOf(valuesOf(task));
  const after = taskWithCoLeadsOf(values);
  const changed = Object.entries(after).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
  );
  return Object.fromEntries(changed);
}

/** "Sửa" a task: its fields prefilled; PATCH /api/plan-tasks/:id with the version and the changes. */
export function TaskEditModal({ task, onClose }: { task: PlanTaskDto; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TaskValues>();
  const [topMessages, setTopMessages] = useState<string[]>([]);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (changes: Omit<PlanTaskUpdateInput, 'version'>) =>
      plansApi.updateTask(task.id, { version: task.version, ...changes }),
    onMutate: () => {
      setTopMessages([]);
      setWholeError(null);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
    },
    onError: (error) => {
      const placed = placeServerErrors(form, error, fieldOfPlanPath(EDIT_FIELDS));
      setTopMessages(placed.messages);
      setWholeError(placed.whole);
    },
  });
  const submit = (values: TaskValues) => {
    const changes = changedTaskFields(task, values);
    if (Object.keys(changes).length === 0) onClose();
    else save.mutate(changes);
  };
  return (
    <Modal
      open
      width={760}
      title={t('plans.task.editTitle', { position: task.position })}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'task-edit-submit' }}
      onOk={() => form.submit()}
    >
      <FormRefusals whole={wholeError} messages={topMessages} />
      <Form<TaskValues> form={form} layout="vertical" initialValues={valuesOf(task)} onFinish={submit}>
        <TaskInputs testPrefix="task-edit" withCoLeads />
      </Form>
    </Modal>
  );
}
