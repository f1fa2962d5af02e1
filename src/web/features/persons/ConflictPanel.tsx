import type { PersonDto } from '@shared/contracts/persons';
import { Alert, Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDateTime } from '../../components/format';
import { FormPanel } from './FormPanel';
import { COMPARED_FIELDS, type ComparedField, describeFields, fieldsOfPerson, type PersonFields } from './person-form';

interface ConflictPanelProps {
  /** The version the officer opened. */
  base: PersonDto;
  /** What the officer tried to save. */
  mine: PersonFields;
  /** The version someone else saved meanwhile (from the 409 answer). */
  current: PersonDto;
  /** The form now holds `current`; the table stays so the officer can type the changes again. */
  reloaded: boolean;
  unitLabels: Record<string, string>;
  onReload: () => void;
  onDismiss: () => void;
}

interface Row {
  field: ComparedField;
  base: string;
  mine: string;
  current: string;
}

/**
 * A save refused with VERSION_CONFLICT: nothing of the officer's was written. Shows, field by
 * field, the value when the form was opened, what the officer typed and what is stored now, and
 * lets the officer reload the form with the stored values; never overwrites silently.
 */
export function ConflictPanel({ base, mine, current, reloaded, unitLabels, onReload, onDismiss }: ConflictPanelProps) {
  const { t, i18n } = useTranslation();
  const describe = (fields: PersonFields) => describeFields(fields, t, i18n.language, unitLabels);
  const before = describe(fieldsOfPerson(base));
  const typed = describe(mine);
  const now = describe(fieldsOfPerson(current));
  const rows: Row[] = COMPARED_FIELDS.filter((field) => before[field] !== now[field] || typed[field] !== now[field]).map(
    (field) => ({ field, base: before[field], mine: typed[field], current: now[field] }),
  );

  const columns: TableColumnsType<Row> = [
    { key: 'field', title: t('persons.conflict.field'), width: 170, render: (_, row) => t(`persons.field.${row.field}`) },
    { key: 'base', title: t('persons.conflict.base'), render: (_, row) => row.base },
    {
      key: 'mine',
      title: t('persons.conflict.mine'),
      render: (_, row) => (row.mine === row.base ? row.mine : <Typography.Text strong>{row.mine}</Typography.Text>),
    },
    {
      key: 'current',
      title: t('persons.conflict.current'),
      render: (_, row) =>
        row.current === row.base ? (
          row.current
        ) : (
          <Typography.Text type="danger" strong data-testid="person-conflict-changed">
            {row.current}
          </Typography.Text>
        ),
    },
  ];

  return (
    <FormPanel testId="person-conflict">
      <Alert
        type={reloaded ? 'info' : 'error'}
        showIcon
        title={reloaded ? t('persons.conflict.reloadedTitle') : t('persons.conflict.title')}
        description={
          <>
            <Typography.Paragraph>
              {reloaded
                ? t('persons.conflict.reloadedLead')
                : t('persons.conflict.lead', { at: displayDateTime(current.updatedAt) })}
            </Typography.Paragraph>
            <Table<Row>
              size="small"
              rowKey="field"
              columns={columns}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('persons.conflict.noDifference') }}
              className="pcmt-conflict-table"
            />
            <Flex gap={8} className="pcmt-conflict-actions">
              {reloaded ? (
                <Button onClick={onDismiss}>{t('persons.conflict.dismiss')}</Button>
              ) : (
                <Button type="primary" onClick={onReload} data-testid="person-conflict-reload">
                  {t('persons.conflict.reload')}
                </Button>
              )}
            </Flex>
          </>
        }
      />
    </FormPanel>
  );
}
