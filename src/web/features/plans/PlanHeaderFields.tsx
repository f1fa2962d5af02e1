import { PlanType } from '@shared/contracts/plans';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from './plan-form';

/** The header inputs of a plan form, as the form holds them (dates as Dayjs). */
export const HEADER_FIELDS = [
  'number',
  'issuedOn',
  'issuer',
  'signer',
  'title',
  'type',
  'periodFrom',
  'periodTo',
  'theme',
  'references',
  'funding',
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Where the parser read each header field (the `field` of an import highlight). */
export const HIGHLIGHT_OF_HEADER: Record<HeaderField, string> = {
  number: 'number',
  issuedOn: 'date',
  issuer: 'issuer',
  signer: 'signer',
  title: 'title',
  type: 'title',
  periodFrom: 'period',
  periodTo: 'period',
  theme: 'theme',
  references: 'references',
  funding: 'funding',
};

/**
 * Calls `onActivate` when the officer points at or enters an input, so that the source text can
 * show where its value was read.
 */
export function Activates({
  field,
  onActivate,
  children,
}: {
  field: string;
  onActivate?: (field: string) => void;
  children: ReactNode;
}) {
  if (!onActivate) return <>{children}</>;
  return (
    <fieldset className="pcmt-plan-activates" onFocus={() => onActivate(field)} onMouseEnter={() => onActivate(field)}>
      {children}
    </fieldset>
  );
}

/** The header of a plan: number, dates, issuer, signer, title, type, period, theme, references, funding. */
export function PlanHeaderFields({ onActivate }: { onActivate?: (highlightField: string) => void }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('plans.form.required') };
  const item = (name: HeaderField, input: ReactNode, rules: object[] = []) => (
    <Activates field={HIGHLIGHT_OF_HEADER[name]} onActivate={onActivate}>
      <Form.Item name={name} label={t(`plans.field.${name}`)} rules={rules}>
        {input}
      </Form.Item>
    </Activates>
  );
  const date = (name: HeaderField) => (
    <DatePicker
      format={DATE_FORMAT}
      placeholder={t('plans.form.datePlaceholder')}
      style={{ width: '100%' }}
      data-testid={`plan-field-${name}`}
    />
  );
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          {item('number', <Input maxLength={60} data-testid="plan-field-number" />)}
        </Col>
        <Col xs={24} sm={12}>
          {item('issuedOn', date('issuedOn'))}
        </Col>
        <Col xs={24} sm={12}>
          {item('issuer', <Input maxLength={300} data-testid="plan-field-issuer" />)}
        </Col>
        <Col xs={24} sm={12}>
          {item('signer', <Input maxLength={200} data-testid="plan-field-signer" />)}
        </Col>
      </Row>
      {item('title', <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="plan-field-title" />, [
        { ...required, whitespace: true },
      ])}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          {item(
            'type',
            <Select
              data-testid="plan-field-type"
              options={PlanType.options.map((type) => ({ value: type, label: t(`plans.type.${type}`) }))}
            />,
            [required],
          )}
        </Col>
        <Col xs={12} sm={8}>
          {item('periodFrom', date('periodFrom'), [required])}
        </Col>
        <Col xs={12} sm={8}>
          {item('periodTo', date('periodTo'), [required])}
        </Col>
      </Row>
      {item('theme', <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} data-testid="plan-field-theme" />)}
      {item(
        'references',
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[';']} data-testid="plan-field-references" />,
      )}
      {item(
        'funding',
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} data-testid="plan-field-funding" />,
      )}
    </>
  );
}
