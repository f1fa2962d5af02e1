import { getRouteApi } from '@tanstack/react-router';
import { Alert, Card, Col, Row, Skeleton, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PeriodSwitch } from './PeriodSwitch';
import { UnitDetailPanel } from './UnitDetailPanel';
import { UnitSearchBox } from './UnitSearchBox';
import { UnitSearchResults } from './UnitSearchResults';
import { UnitTree } from './UnitTree';
import type { UnitsPeriodParam } from './units-search';
import { usePeriods } from './use-periods';

const route = getRouteApi('/_app/units');

/**
 * /units: browse or search administrative units of either period, and see one unit in detail.
 * All state that matters (period, search text, selected unit) lives in the URL.
 */
export function UnitsPage() {
  const { t } = useTranslation();
  const { period, q, code } = route.useSearch();
  const navigate = route.useNavigate();
  const periods = usePeriods();

  // A code means a different unit in the other period (codes were reused), so switching drops it.
  const changePeriod = (next: UnitsPeriodParam) =>
    void navigate({ search: (prev) => ({ ...prev, period: next, code: undefined }) });
  const search = useCallback(
    (text: string | undefined) => void navigate({ search: (prev) => ({ ...prev, q: text }), replace: true }),
    [navigate],
  );
  const select = (unitCode: string) => void navigate({ search: (prev) => ({ ...prev, code: unitCode }) });

  return (
    <>
      <PageHeader title={t('units.title')} lead={t('units.lead')} />
      {periods.isPending ? (
        <Skeleton active />
      ) : periods.isError ? (
        <ApiErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />
      ) : periods.data === null ? (
        <Alert type="warning" showIcon title={t('units.period.missing')} />
      ) : (
        <Row gutter={[16, 16]} align="top">
          <Col xs={24} lg={10}>
            <Card size="small" className="pcmt-unit-browser">
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <PeriodSwitch value={period} period={periods.data[period]} onChange={changePeriod} />
                <UnitSearchBox value={q} onSearch={search} />
                {q ? (
                  <UnitSearchResults q={q} at={periods.data[period].referenceDate} selectedCode={code} />
                ) : (
                  <UnitTree
                    key={periods.data[period].referenceDate}
                    at={periods.data[period].referenceDate}
                    selectedCode={code}
                    onSelect={select}
                  />
                )}
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <UnitDetailPanel code={code} period={period} periods={periods.data} />
          </Col>
        </Row>
      )}
    </>
  );
}
