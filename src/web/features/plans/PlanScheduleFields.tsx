import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from './plan-form';

/**
 * The milestones (date and what happens) and the report deadlines of the whole plan (what, to
 * whom, by when), as lists the officer adds to and removes from.
 */
export function PlanScheduleFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('plans.form.required') };
  const requiredText = { ...required, whitespace: true };
  const row = { marginBottom: 4 };
  const date = (testId: string) => (
    <DatePicker format={DATE_FORMAT} placeholder={t('plans.form.datePlaceholder')} data-testid={testId} />
  );
  const removeButton = (onClick: () => void) => (
    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('plans.form.remove')} onClick={onClick} />
  );
  return (
    <>
      <Form.Item label={t('plans.field.milestones')}>
        <Form.List name="milestones">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, index) => (
                <Flex key={item.key} gap={8} align="flex-start">
                  <Form.Item name={[item.name, 'on']} style={row} rules={[required]}>
                    {date(`plan-milestone-${index}-on`)}
                  </Form.Item>
                  <Form.Item name={[item.name, 'label']} style={{ ...row, flex: 1 }} rules={[requiredText]}>
                    <Input
                      placeholder={t('plans.schedule.milestoneLabel')}
                      maxLength={300}
                      data-testid={`plan-milestone-${index}-label`}
                    />
                  </Form.Item>
                  {removeButton(() => remove(item.name))}
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ on: null, label: '' })}
                style={{ alignSelf: 'flex-start' }}
                data-testid="plan-milestone-add"
              >
                {t('plans.schedule.addMilestone')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('plans.field.deadlines')}>
        <Form.List name="deadlines">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, index) => (
                <Flex key={item.key} gap={8} align="flex-start" wrap>
                  <Form.Item name={[item.name, 'by']} style={row} rules={[required]}>
                    {date(`plan-deadline-${index}-by`)}
                  </Form.Item>
                  <Form.Item name={[item.name, 'what']} style={{ ...row, flex: 2, minWidth: 200 }} rules={[requiredText]}>
                    <Input
                      placeholder={t('plans.schedule.deadlineWhat')}
                      maxLength={500}
                      data-testid={`plan-deadline-${index}-what`}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'to']} style={{ ...row, flex: 1, minWidth: 140 }}>
                    <Input
                      placeholder={t('plans.schedule.deadlineTo')}
                      maxLength={300}
                      data-testid={`plan-deadline-${index}-to`}
                    />
                  </Form.Item>
                  {removeButton(() => remove(item.name))}
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ what: '', to: null, by: null })}
                style={{ alignSelf: 'flex-start' }}
                data-testid="plan-deadline-add"
              >
                {t('plans.schedule.addDeadline')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
