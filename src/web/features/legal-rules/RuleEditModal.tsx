import type { RuleDto, RuleOverrideBody, RuleSetDto } from '@shared/contracts/rules';
import { RULE_UNITS, type RuleUnit, type RuleValue, type RuleValueKind } from '@shared/rules/types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { legalRulesApi } from './legal-rules-api';
import { citationText, ruleValueText, unitLabel } from './rule-text';

interface EditValues {
  amount?: number | null;
  min?: number | null;
  max?: number | null;
  count?: number | null;
  years?: number | null;
  unit?: RuleUnit;
  citation: string;
}

/** The kind of a rule's value: from the value in force, else the data's own value; count when none is known. */
function kindOf(rule: RuleDto): RuleValueKind {
  return (rule.value ?? rule.defaultValue)?.kind ?? 'count';
}

function initialValues(rule: RuleDto): EditValues {
  const value = rule.override?.value ?? rule.value ?? rule.defaultValue;
  const citation = rule.override?.citation ?? '';
  if (!value) return { citation, unit: 'days' };
  switch (value.kind) {
    case 'duration':
      return { amount: value.amount, unit: value.unit, citation };
    case 'range':
      return { min: value.min, max: value.max, unit: value.unit, citation };
    case 'count':
      return { count: value.value, citation };
    case 'age':
      return { years: value.years, citation };
  }
}

function ruleValueOf(kind: RuleValueKind, values: EditValues): RuleValue {
  const unit = values.unit ?? 'days';
  switch (kind) {
    case 'duration':
      return { kind, amount: values.amount ?? 0, unit };
    case 'range':
      return { kind, min: values.min ?? 0, max: values.max ?? 0, unit };
    case 'count':
      return { kind, value: values.count ?? 0 };
    case 'age':
      return { kind, years: values.years ?? 0 };
  }
}

/** The form field of a VALIDATION_FAILED issue's body path (`["value", "max"]` → `max`). */
function fieldOf(kind: RuleValueKind) {
  const main: Record<RuleValueKind, string> = { duration: 'amount', range: 'min', count: 'count', age: 'years' };
  return (path: readonly (string | number)[]): NamePath | null => {
    const [first, second] = path;
    if (first === 'citation') return 'citation';
    if (first !== 'value') return null;
    if (second === undefined) return main[kind];
    if (second === 'value') return 'count';
    if (second === 'kind') return main[kind];
    return typeof second === 'string' && ['amount', 'min', 'max', 'years', 'unit'].includes(second) ? second : null;
  };
}

/**
 * "Sửa giá trị": the system administrator's value for an unconfirmed rule, of the rule's kind,
 * with the basis for it. The override's version is sent when this rule set already has one.
 */
export function RuleEditModal({ ruleSet, rule, onClose }: { ruleSet: RuleSetDto; rule: RuleDto; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [conflict, setConflict] = useState<string | null>(null);
  const [wholeError, setWholeError] = useState<unknown>(null);
  const kind = kindOf(rule);
  const unit = Form.useWatch('unit', form) ?? 'days';

  const save = useMutation({
    mutationFn: (values: EditValues) => {
      const body: RuleOverrideBody = { value: ruleValueOf(kind, values), citation: values.citation.trim() };
      if (rule.override && rule.override.ruleSetId === ruleSet.id) body.version = rule.override.version;
      return legalRulesApi.overrideRule(ruleSet.id, rule.key, body);
    },
    onMutate: () => {
      setConflict(null);
      setWholeError(null);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rule-sets'] });
      void message.success(t('legalRules.edit.saved'));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(error.message);
        void queryClient.invalidateQueries({ queryKey: ['rule-sets'] });
        return;
      }
      if (!applyServerErrors(form, error, {}, fieldOf(kind))) setWholeError(error);
    },
  });

  const number = (name: keyof EditValues, label: string, suffix?: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('legalRules.edit.required') }]}>
      <InputNumber min={0} max={kind === 'age' ? 120 : 10_000} precision={0} suffix={suffix} style={{ width: 180 }} />
    </Form.Item>
  );
  const unitSelect = (
    <Form.Item name="unit" label={t('legalRules.edit.unit')} rules={[{ required: true, message: t('legalRules.edit.required') }]}>
      <Select style={{ width: 220 }} options={RULE_UNITS.map((value) => ({ value, label: unitLabel(value, 2, lang) }))} />
    </Form.Item>
  );
  const defaultText = ruleValueText(rule.defaultValue, lang);

  return (
    <Modal
      open
      title={t('legalRules.edit.title', { rule: rule.title })}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="rule-edit-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {conflict ? (
        <Alert type="warning" showIcon title={conflict} style={{ marginBottom: 16 }} data-testid="rule-edit-conflict" />
      ) : null}
      {wholeError ? (
        <div style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={wholeError} />
        </div>
      ) : null}
      <Typography.Paragraph type="secondary">
        {t('legalRules.edit.basis', { citation: citationText(rule.citation) })}
        <br />
        {t('legalRules.edit.dataValue', { value: defaultText ?? t('legalRules.noValue') })}
      </Typography.Paragraph>
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(rule)}
        onFinish={(values) => save.mutate(values)}
        requiredMark={false}
      >
        {kind === 'duration' ? (
          <Flex gap={16} wrap>
            {number('amount', t('legalRules.edit.amount'))}
            {unitSelect}
          </Flex>
        ) : null}
        {kind === 'range' ? (
          <Flex gap={16} wrap>
            {number('min', t('legalRules.edit.min'), unitLabel(unit, 2, lang))}
            {number('max', t('legalRules.edit.max'), unitLabel(unit, 2, lang))}
            {unitSelect}
          </Flex>
        ) : null}
        {kind === 'count' ? number('count', t('legalRules.edit.count')) : null}
        {kind === 'age' ? number('years', t('legalRules.edit.years')) : null}
        <Form.Item
          name="citation"
          label={t('legalRules.edit.citation')}
          extra={t('legalRules.edit.citationHint')}
          rules={[{ required: true, whitespace: true, message: t('legalRules.edit.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
