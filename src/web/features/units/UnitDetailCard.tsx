import type { UnitAncestorDto, UnitDto } from '@shared/contracts/units';
import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitLink } from './UnitLink';
import type { UnitsPeriodParam } from './units-search';
import { validityText } from './validity-text';

interface UnitDetailCardProps {
  unit: UnitDto;
  ancestors: UnitAncestorDto[];
  period: UnitsPeriodParam;
}

/** The facts about one unit; optional facts (English name, other codes, note) only when present. */
export function UnitDetailCard({ unit, ancestors, period }: UnitDetailCardProps) {
  const { t } = useTranslation();
  const nearestFirst = [...ancestors].reverse();

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('units.detail.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
    { key: 'kind', label: t('units.detail.kind'), children: t(`units.kind.${unit.kind}`) },
    { key: 'fullName', label: t('units.detail.fullName'), children: unit.fullName },
    ...(unit.nameEn ? [{ key: 'nameEn', label: t('units.detail.nameEn'), children: unit.nameEn }] : []),
    {
      key: 'parent',
      label: t('units.detail.parent'),
      children:
        nearestFirst.length === 0
          ? t('units.detail.parentNone')
          : nearestFirst.map((ancestor, index) => (
              <Fragment key={ancestor.code}>
                {index > 0 ? ', ' : null}
                <UnitLink code={ancestor.code} period={period}>
                  {ancestor.fullName}
                </UnitLink>
              </Fragment>
            )),
    },
    { key: 'validity', label: t('units.detail.validity'), children: validityText(t, unit.validFrom, unit.validTo) },
    ...(unit.level !== 'commune'
      ? [
          {
            key: 'children',
            label: t('units.detail.children'),
            children: t('units.detail.childrenCount', { count: unit.childCount }),
          },
        ]
      : []),
    ...(unit.altCodes.length > 0
      ? [{ key: 'altCodes', label: t('units.detail.altCodes'), children: unit.altCodes.join(', ') }]
      : []),
    ...(unit.note ? [{ key: 'note', label: t('units.detail.note'), children: unit.note }] : []),
  ];

  return <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 170 } }} />;
}
