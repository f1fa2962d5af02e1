import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Empty, Skeleton, Spin, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ancestorsText } from './unit-text';
import { SEARCH_LIMIT, unitQueries } from './units-api';

interface UnitSearchResultsProps {
  q: string;
  at: string;
  selectedCode: string | undefined;
}

/** Search hits as links (they can be opened in a new tab), best match first as the server ranks them. */
export function UnitSearchResults({ q, at, selectedCode }: UnitSearchResultsProps) {
  const { t } = useTranslation();
  // Keep the previous hits on screen while the next query runs, so the list does not flash.
  const search = useQuery({ ...unitQueries.search(q, at), placeholderData: keepPreviousData });

  if (search.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (search.isError) return <ApiErrorAlert error={search.error} onRetry={() => void search.refetch()} />;

  const hits = search.data.items;
  if (hits.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.search.empty', { q })} />;
  }

  return (
    <Spin spinning={search.isPlaceholderData} delay={200}>
      <div className="pcmt-result-summary">
        <Typography.Text type="secondary">
          {hits.length >= SEARCH_LIMIT
            ? t('units.search.limitReached', { count: hits.length })
            : t('units.search.resultCount', { count: hits.length })}
        </Typography.Text>
      </div>
      <ul className="pcmt-result-list" aria-label={t('units.search.label')}>
        {hits.map(({ unit, ancestors, fuzzy }) => (
          <li key={unit.code}>
            <Link
              from="/units"
              to="/units"
              search={(prev) => ({ ...prev, code: unit.code })}
              data-testid="unit-search-result"
              className={unit.code === selectedCode ? 'pcmt-result is-selected' : 'pcmt-result'}
              aria-current={unit.code === selectedCode ? 'true' : undefined}
            >
              <span className="pcmt-result-title">
                <Typography.Text strong>{unit.fullName}</Typography.Text>{' '}
                <Typography.Text type="secondary">({unit.code})</Typography.Text>
                {fuzzy ? (
                  <Tooltip title={t('units.search.fuzzyHint')}>
                    <Tag color="gold" className="pcmt-fuzzy-tag">
                      {t('units.search.fuzzy')}
                    </Tag>
                  </Tooltip>
                ) : null}
              </span>
              {ancestors.length > 0 ? (
                <Typography.Text type="secondary" className="pcmt-result-path">
                  {ancestorsText(ancestors)}
                </Typography.Text>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </Spin>
  );
}
