import type { PersonSummaryDto } from '@shared/contracts/persons';
import { Link } from '@tanstack/react-router';
import { Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATION_COLOR } from './person-text';

interface PersonsTableProps {
  persons: PersonSummaryDto[];
  loading: boolean;
  emptyText: string;
}

/** Rows of the registry: no ID number or contact data (PersonSummaryDto), a link to each person's page. */
export function PersonsTable({ persons, loading, emptyText }: PersonsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PersonSummaryDto> = [
    {
      key: 'name',
      title: t('persons.column.name'),
      render: (_, person) => (
        <Space size={[6, 4]} wrap>
          <Link to="/persons/$id" params={{ id: person.id }} data-testid="person-link">
            <strong>{person.fullName}</strong>
          </Link>
          {person.minor ? <Tag color="gold">{t('persons.minor')}</Tag> : null}
          {person.match === 'fuzzy' ? (
            <Tooltip title={t('persons.search.fuzzyHint')}>
              <Tag color="default" data-testid="person-fuzzy">
                {t('persons.search.fuzzy')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { key: 'birthYear', title: t('persons.column.birthYear'), width: 100, render: (_, person) => person.birthYear },
    { key: 'sex', title: t('persons.column.sex'), width: 90, render: (_, person) => t(`persons.sex.${person.sex}`) },
    {
      key: 'classification',
      title: t('persons.column.classification'),
      width: 300,
      render: (_, person) => (
        <Tag color={CLASSIFICATION_COLOR[person.classification]} className="pcmt-tag-wrap">
          {t(`persons.classification.${person.classification}`)}
        </Tag>
      ),
    },
    {
      key: 'unit',
      title: t('persons.column.managingUnit'),
      width: 240,
      render: (_, person) => person.managingUnit.fullName,
    },
  ];

  return (
    <Table<PersonSummaryDto>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={persons}
      loading={loading}
      pagination={false}
      locale={{ emptyText }}
      onRow={() => ({ 'data-testid': 'person-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
