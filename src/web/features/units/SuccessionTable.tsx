import type { UnitLinkDto } from '@shared/contracts/units';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDate } from '../../components/format';
import { SuccessionTag } from './SuccessionTag';
import { UnitLink } from './UnitLink';
import type { UnitsPeriodParam } from './units-search';
import { ViaCodes } from './ViaCodes';

interface SuccessionTableProps<T extends UnitLinkDto> {
  links: T[];
  /** The period the linked units belong to (the other one than the unit shown). */
  linkPeriod: UnitsPeriodParam;
  unitTitle: string;
  /** Where the linked unit sat ("Quận Ba Đình, Thành phố Hà Nội"), shown under its name. */
  placeOf: (link: T) => string | null;
  emptyText: string;
}

/**
 * Mergers between the old and the new hierarchy, one row per linked unit. The legal basis is
 * usually the same resolution for every row, so it is written once under the table instead of
 * repeating a long text in a squeezed column; only differing bases get a column.
 */
export function SuccessionTable<T extends UnitLinkDto>({
  links,
  linkPeriod,
  unitTitle,
  placeOf,
  emptyText,
}: SuccessionTableProps<T>) {
  const { t } = useTranslation();
  const legalBases = [...new Set(links.map((link) => link.legalBasis))];
  const openTitle = t('units.succession.openInOtherPeriod', { period: t(`units.period.${linkPeriod}`) });

  const columns: TableColumnsType<T> = [
    {
      key: 'unit',
      title: unitTitle,
      render: (_, link) => {
        const place = placeOf(link);
        return (
          <>
            <UnitLink code={link.unit.code} period={linkPeriod} title={openTitle}>
              {link.unit.fullName}
            </UnitLink>{' '}
            <Typography.Text type="secondary">({link.unit.code})</Typography.Text>
            {place ? (
              <Typography.Text type="secondary" className="pcmt-link-place">
                {place}
              </Typography.Text>
            ) : null}
            <ViaCodes codes={link.via} />
          </>
        );
      },
    },
    { key: 'kind', title: t('units.succession.kind'), width: 110, render: (_, link) => <SuccessionTag kind={link.kind} /> },
    {
      key: 'effectiveDate',
      title: t('units.succession.effectiveDate'),
      width: 120,
      render: (_, link) => displayDate(link.effectiveDate),
    },
  ];
  if (legalBases.length > 1) {
    columns.push({
      key: 'legalBasis',
      title: t('units.succession.legalBasis'),
      width: '35%',
      render: (_, link) => link.legalBasis,
    });
  }

  return (
    <>
      <Table<T>
        size="small"
        rowKey={(link) => link.unit.code}
        columns={columns}
        dataSource={links}
        pagination={false}
        locale={{ emptyText }}
      />
      {legalBases.length === 1 ? (
        <Typography.Paragraph type="secondary" className="pcmt-legal-basis">
          {t('units.succession.legalBasis')}: {legalBases[0]}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
