import { InfoCircleOutlined } from '@ant-design/icons';
import type { UnitPeriodDto } from '@shared/contracts/units';
import { Segmented, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDate } from '../../components/format';
import type { UnitsPeriodParam } from './units-search';

interface PeriodSwitchProps {
  value: UnitsPeriodParam;
  /** The selected period as described by the server (title, data source, reference date). */
  period: UnitPeriodDto;
  onChange: (value: UnitsPeriodParam) => void;
}

/** Current hierarchy (province → commune) or the one before the 2025 reorganisation. */
export function PeriodSwitch({ value, period, onChange }: PeriodSwitchProps) {
  const { t, i18n } = useTranslation();
  const title = i18n.language === 'en' ? period.titleEn : period.titleVi;
  return (
    <div className="pcmt-period">
      <Segmented<UnitsPeriodParam>
        block
        aria-label={t('units.period.label')}
        value={value}
        onChange={onChange}
        options={[
          { value: 'current', label: t('units.period.current') },
          { value: 'pre2025', label: t('units.period.pre2025') },
        ]}
      />
      <Typography.Text type="secondary" className="pcmt-period-info">
        {title}. {t('units.period.lookupDate', { date: displayDate(period.referenceDate) })}{' '}
        <Tooltip title={t('units.period.source', { source: period.source, license: period.license })}>
          <InfoCircleOutlined aria-label={t('units.period.about')} />
        </Tooltip>
      </Typography.Text>
    </div>
  );
}
