import { Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitLink } from './UnitLink';

/**
 * For a former district: the old communes through which its territory reached the new unit.
 * The API gives codes only; each links to the old commune in the pre-2025 period.
 */
export function ViaCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0) return null;
  return (
    <Typography.Text type="secondary" className="pcmt-via">
      {t('units.successors.via')}:{' '}
      {codes.map((code, index) => (
        <Fragment key={code}>
          {index > 0 ? ', ' : null}
          <UnitLink code={code} period="pre2025">
            {code}
          </UnitLink>
        </Fragment>
      ))}
    </Typography.Text>
  );
}
