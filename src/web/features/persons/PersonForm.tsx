import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { checkPersonalId, isOldIdNumber, type PersonalIdProblem } from '@shared/identity/personal-id';
import {
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { RuleObject, RuleRender } from 'antd/es/form';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonFormValues, phoneDigits } from './person-form';
import { countryText, fieldMessage, personalIdMessages } from './person-text';
import { type UnitChoice, UnitPicker } from './UnitPicker';

/** Family contacts the contract accepts (FamilyContactInput, max 5). */
const MAX_CONTACTS = 5;
const MIN_YEAR = 1900;
const PHONE = /^\+?\d{8,15}$/;

interface PersonFormProps {
  form: FormInstance<PersonFormValues>;
  initialValues: PersonFormValues;
  /** Labels of the units the initial values name (code → label). */
  knownUnits?: Record<string, string>;
  onFinish: (values: PersonFormValues) => void;
  /** Any change by the officer (a duplicate list or a conflict may no longer apply). */
  onEdited?: () => void;
  onUnitPicked?: (choice: UnitChoice) => void;
  submitLabel: string;
  submitting: boolean;
  submitDisabled?: boolean;
  onCancel: () => void;
  /** Shown above the buttons: duplicates, a conflict, an error the fields cannot show. */
  children?: ReactNode;
}

/**
 * The person form of registration and editing, in three sections (Nhân thân / Cư trú / Liên hệ).
 * It checks what can be checked here, the personal ID number against sex and birth year above
 * all, in the words the server would use; the server checks everything again.
 */
export function PersonForm({
  form,
  initialValues,
  knownUnits,
  onFinish,
  onEdited,
  onUnitPicked,
  submitLabel,
  submitting,
  submitDisabled,
  onCancel,
  children,
}: PersonFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const yearOnly = Form.useWatch('yearOnly', form) ?? initialValues.yearOnly;
  const nationality = Form.useWatch('nationality', form);
  const contacts = Form.useWatch('familyContacts', form);
  const thisYear = dayjs().year();

  /** One rule per kind of problem, so each shows its own sentence. */
  const personalIdRule =
    (problem: PersonalIdProblem, trigger?: 'onBlur'): RuleRender =>
    ({ getFieldValue }) => ({
      validateTrigger: trigger,
      validator: (_, value: string | undefined) => {
        if (!value) return Promise.resolve();
        const date = getFieldValue('yearOnly') ? null : getFieldValue('birthDate');
        const problems = checkPersonalId(value, {
          sex: getFieldValue('sex') ?? null,
          birthYear: date ? date.year() : (getFieldValue('birthYear') ?? null),
        });
        return problems.includes(problem)
          ? Promise.reject(new Error(personalIdMessages([problem], language).join(' ')))
          : Promise.resolve();
      },
    });

  const residence = (name: 'currentResidence' | 'permanentResidence' | 'temporaryResidence', required: boolean) => (
    <Row gutter={16}>
      <Col span={10}>
        <Form.Item
          name={[name, 'unitCode']}
          label={t(`persons.field.${name}`)}
          rules={required ? [{ required: true, message: t('persons.form.communeRequired') }] : []}
        >
          <UnitPicker
            level="commune"
            known={knownUnits}
            onPicked={onUnitPicked}
            testId={required ? 'person-current-unit' : `person-${name}-unit`}
          />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item
          name={[name, 'address']}
          label={t('persons.field.address')}
          dependencies={[[name, 'unitCode']]}
          rules={[
            { max: 300, message: fieldMessage('ADDRESS', language) },
            ({ getFieldValue }) => ({
              validator: (_, address: string | undefined) =>
                address?.trim() && !getFieldValue([name, 'unitCode'])
                  ? Promise.reject(new Error(t('persons.form.addressNeedsCommune')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input maxLength={300} placeholder={t('persons.form.addressPlaceholder')} data-testid={`person-${name}-address`} />
        </Form.Item>
      </Col>
    </Row>
  );

  return (
    <Form<PersonFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<PersonFormValues>) => {
        // With a full date the year is the date's; it is typed only when the date is unknown.
        if ('birthDate' in changed) form.setFieldValue('birthYear', changed.birthDate ? changed.birthDate.year() : null);
        if (changed.yearOnly === false) form.setFieldValue('birthYear', form.getFieldValue('birthDate')?.year() ?? null);
        onEdited?.();
      }}
      scrollToFirstError
      className="pcmt-person-form"
    >
      <Card size="small" title={t('persons.form.section.identity')} className="pcmt-form-section">
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="fullName"
              label={t('persons.field.fullName')}
              rules={[{ required: true, whitespace: true, min: 2, max: 100, message: fieldMessage('PERSON_NAME', language) }]}
            >
              <Input maxLength={100} data-testid="person-full-name" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="aliases"
              label={t('persons.field.aliases')}
              extra={t('persons.form.aliasesHint')}
              rules={[{ type: 'array', max: 10, message: t('persons.form.aliasesMax') }]}
            >
              <Select mode="tags" open={false} tokenSeparators={[',', ';']} suffixIcon={null} data-testid="person-aliases" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={5}>
            <Form.Item
              name="sex"
              label={t('persons.field.sex')}
              rules={[{ required: true, message: t('persons.form.sexRequired') }]}
            >
              <Radio.Group data-testid="person-sex">
                <Radio value="male">{t('persons.sex.male')}</Radio>
                <Radio value="female">{t('persons.sex.female')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('persons.field.birthDate')} required={!yearOnly}>
              <Flex align="center" gap={8}>
                {yearOnly ? null : (
                  <Form.Item name="birthDate" noStyle rules={[{ required: true, message: t('persons.form.birthDateRequired') }]}>
                    <DatePicker
                      format="DD/MM/YYYY"
                      placeholder={t('persons.form.datePlaceholder')}
                      disabledDate={(date) => date.isAfter(dayjs(), 'day') || date.year() < MIN_YEAR}
                      data-testid="person-birth-date"
                    />
                  </Form.Item>
                )}
                <Form.Item name="yearOnly" valuePropName="checked" noStyle>
                  <Switch size="small" data-testid="person-year-only" />
                </Form.Item>
                <Typography.Text>{t('persons.form.yearOnly')}</Typography.Text>
              </Flex>
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="birthYear"
              label={t('persons.field.birthYear')}
              rules={
                yearOnly
                  ? [
                      { required: true, message: t('persons.form.birthYearRequired') },
                      {
                        type: 'number',
                        min: MIN_YEAR,
                        max: thisYear,
                        message: t('persons.form.birthYearRange', { min: MIN_YEAR, max: thisYear }),
                      },
                    ]
                  : []
              }
            >
              <InputNumber<number>
                disabled={!yearOnly}
                controls={false}
                precision={0}
                min={MIN_YEAR}
                max={thisYear}
                style={{ width: '100%' }}
                data-testid="person-birth-year"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="personalId"
              label={t('persons.field.personalId')}
              extra={t('persons.form.personalIdHint')}
              validateTrigger={['onChange', 'onBlur']}
              dependencies={['sex', 'birthYear', 'birthDate', 'yearOnly']}
              // Pasted numbers often come grouped ("001 090 012345").
              normalize={(value: string | undefined) => value?.replace(/\D/g, '').slice(0, 12)}
              rules={[
                personalIdRule('format', 'onBlur'),
                personalIdRule('province'),
                personalIdRule('century_sex'),
                personalIdRule('year'),
              ]}
            >
              <Input inputMode="numeric" autoComplete="off" maxLength={14} data-testid="person-personal-id" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="oldIdNumber"
              label={t('persons.field.oldIdNumber')}
              normalize={(value: string | undefined) => value?.replace(/\D/g, '').slice(0, 9)}
              validateTrigger="onBlur"
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    !value || isOldIdNumber(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(fieldMessage('OLD_ID_FORMAT', language))),
                },
              ]}
            >
              <Input inputMode="numeric" autoComplete="off" data-testid="person-old-id" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="nationality"
              label={t('persons.field.nationality')}
              extra={nationality && /^[A-Z]{2}$/.test(nationality) ? countryText(nationality, language) : undefined}
              normalize={(value: string | undefined) =>
                value
                  ?.toUpperCase()
                  .replace(/[^A-Z]/g, '')
                  .slice(0, 2)
              }
              rules={[{ required: true, pattern: /^[A-Z]{2}$/, message: fieldMessage('NATIONALITY', language) }]}
            >
              <Input maxLength={2} data-testid="person-nationality" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="ethnicity"
              label={t('persons.field.ethnicity')}
              rules={[{ max: 50, message: fieldMessage('ETHNICITY', language) }]}
            >
              <AutoComplete
                options={[{ value: t('persons.form.ethnicityDefault') }]}
                maxLength={50}
                data-testid="person-ethnicity"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('persons.form.section.residence')} className="pcmt-form-section">
        {residence('currentResidence', true)}
        <Form.Item
          name="hasStableResidence"
          valuePropName="checked"
          label={t('persons.field.hasStableResidence')}
          extra={t('persons.form.stableResidenceHint')}
        >
          <Switch checkedChildren={t('persons.yes')} unCheckedChildren={t('persons.no')} data-testid="person-stable-residence" />
        </Form.Item>
        {residence('permanentResidence', false)}
        {residence('temporaryResidence', false)}
      </Card>

      <Card size="small" title={t('persons.form.section.contact')} className="pcmt-form-section">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="occupation"
              label={t('persons.field.occupation')}
              rules={[{ max: 100, message: fieldMessage('OCCUPATION', language) }]}
            >
              <Input maxLength={100} data-testid="person-occupation" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('persons.field.phone')} validateTrigger="onBlur" rules={[phoneRule(language)]}>
              <Input inputMode="tel" autoComplete="off" maxLength={20} data-testid="person-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('persons.field.familyContacts')}</Typography.Text>
        <Form.List name="familyContacts">
          {(fields, { add, remove }) => (
            <div className="pcmt-family-contacts">
              {fields.map((field) => (
                <Row gutter={12} key={field.key} align="top">
                  <Col span={6}>
                    <Form.Item
                      name={[field.name, 'relation']}
                      label={t('persons.field.relation')}
                      rules={[{ required: true, whitespace: true, max: 50, message: fieldMessage('RELATION', language) }]}
                    >
                      <AutoComplete
                        options={RELATIONS.map((key) => ({ value: t(`persons.relation.${key}`) }))}
                        maxLength={50}
                        data-testid="person-contact-relation"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('persons.field.contactName')}
                      rules={[
                        { required: true, whitespace: true, min: 1, max: 100, message: fieldMessage('PERSON_NAME', language) },
                      ]}
                    >
                      <Input maxLength={100} data-testid="person-contact-name" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={t('persons.field.phone')}
                      validateTrigger="onBlur"
                      rules={[phoneRule(language)]}
                    >
                      <Input inputMode="tel" maxLength={20} data-testid="person-contact-phone" />
                    </Form.Item>
                  </Col>
                  <Col span={2} className="pcmt-contact-remove">
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('persons.form.removeContact')}
                      title={t('persons.form.removeContact')}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={(contacts?.length ?? fields.length) >= MAX_CONTACTS}
                onClick={() => add({})}
                data-testid="person-add-contact"
              >
                {t('persons.form.addContact', { max: MAX_CONTACTS })}
              </Button>
            </div>
          )}
        </Form.List>
      </Card>

      {children}

      <Flex gap={8} justify="flex-end" className="pcmt-form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting} disabled={submitDisabled} data-testid="person-submit">
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}

/** Suggested relations of a family contact (any other can be typed). */
const RELATIONS = ['father', 'mother', 'spouse', 'child', 'sibling', 'guardian'] as const;

function phoneRule(language: string): RuleObject {
  return {
    validator: (_, value: string | undefined) => {
      const digits = phoneDigits(value);
      return !digits || PHONE.test(digits) ? Promise.resolve() : Promise.reject(new Error(fieldMessage('PHONE', language)));
    },
  };
}
