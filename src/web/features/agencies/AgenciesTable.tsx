import type { AgencyDto } from '@shared/contracts/agencies';
import { Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayDate } from '../../components/format';

interface AgenciesTableProps {
  agencies: AgencyDto[];
  loading: boolean;
}

/** The agency list in the server's order (sortOrder), names in the UI language. */
export function AgenciesTable({ agencies, loading }: AgenciesTableProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const nameOf = (agency: AgencyDto) => (english ? agency.nameEn : agency.nameVi);
  const byCode = useMemo(() => new Map(agencies.map((agency) => [agency.code, agency])), [agencies]);

  const columns: TableColumnsType<AgencyDto> = [
    {
      key: 'code',
      title: t('agencies.column.code'),
      dataIndex: 'code',
      width: 130,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('agencies.column.name'),
      width: 250,
      render: (_, agency) => (
        <Space size={4} wrap>
          <Typography.Text strong={agency.active} type={agency.active ? undefined : 'secondary'}>
            {nameOf(agency)}
          </Typography.Text>
          {agency.active ? null : <Tag>{t('agencies.retired')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'shortName',
      title: t('agencies.column.shortName'),
      width: 110,
      render: (_, agency) => agency.shortName ?? t('common.empty'),
    },
    { key: 'kind', title: t('agencies.column.kind'), width: 130, render: (_, agency) => t(`agencies.kind.${agency.kind}`) },
    { key: 'level', title: t('agencies.column.level'), width: 90, render: (_, agency) => t(`agencies.level.${agency.level}`) },
    {
      key: 'parent',
      title: t('agencies.column.parent'),
      width: 150,
      render: (_, agency) => {
        if (!agency.parentCode) return t('common.empty');
        const parent = byCode.get(agency.parentCode);
        return parent ? nameOf(parent) : agency.parentCode;
      },
    },
    {
      key: 'validTo',
      title: t('agencies.column.validTo'),
      width: 110,
      render: (_, agency) => displayDate(agency.validTo, t('common.empty')),
    },
    {
      key: 'description',
      title: t('agencies.column.description'),
      ellipsis: { showTitle: false },
      render: (_, agency) =>
        agency.description ? (
          <Tooltip title={agency.description} placement="topLeft">
            {agency.description}
          </Tooltip>
        ) : (
          t('common.empty')
        ),
    },
  ];

  return (
    <Table<AgencyDto>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={agencies}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('agencies.empty') }}
      scroll={{ x: 1000 }}
    />
  );
}
