import { UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Classification } from '@shared/contracts/persons';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Button, Flex, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasAnyRole } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { PERSON_WRITE_ROLES } from '../../layout/navigation';
import { PersonExportButton } from './PersonExportButton';
import { PersonsTable } from './PersonsTable';
import { type PersonFilter, personQueries } from './persons-api';
import { UnitPicker } from './UnitPicker';

const route = getRouteApi('/_app/persons');

/**
 * The search text of the list, kept in the query cache rather than in the URL: it survives a
 * visit to a person's page and back, and is dropped at logout with every other answer.
 */
const LAST_SEARCH_TEXT = ['persons-ui', 'lastSearchText'] as const;

const MIN_YEAR = 1900;

/**
 * /persons: the person registry. Names and ID numbers are searched through the request body
 * (never a URL); the filters that identify nobody (birth year, unit, classification) are in the
 * page URL so a filtered list can be bookmarked.
 */
export function PersonsPage() {
  const { t } = useTranslation();
  const filters = route.useSearch();
  const navigateList = route.useNavigate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canCreate = useHasAnyRole(PERSON_WRITE_ROLES);
  const [q, setQ] = useState(() => queryClient.getQueryData<string>(LAST_SEARCH_TEXT) ?? '');

  const search = useCallback(
    (text: string | undefined) => {
      setQ(text ?? '');
      queryClient.setQueryData(LAST_SEARCH_TEXT, text ?? '');
    },
    [queryClient],
  );

  const filter: PersonFilter = {
    q,
    birthYear: filters.birthYear,
    unitCode: filters.unitCode,
    classification: filters.classification,
  };
  const persons = useInfiniteQuery({ ...personQueries.search(filter), placeholderData: keepPreviousData });
  const rows = persons.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q.trim() !== '' || Object.values(filters).some((value) => value !== undefined);
  const thisYear = new Date().getFullYear();

  return (
    <>
      <PageHeader title={t('persons.title')} lead={t('persons.lead')} />
      <Flex align="center" gap={12} className="pcmt-toolbar">
        <div className="pcmt-person-search">
          <SearchInput
            value={q}
            onSearch={search}
            label={t('persons.search.label')}
            placeholder={t('persons.search.placeholder')}
            testId="person-search"
            // The server audits every person a search lists: fewer searches on the way to a name.
            delayMs={600}
          />
        </div>
        {canCreate ? (
          <Flex gap={8} className="pcmt-toolbar-end">
            <Button
              icon={<UploadOutlined />}
              data-testid="person-import"
              onClick={() => void navigate({ to: '/persons/import' })}
            >
              {t('personImport.button')}
            </Button>
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              data-testid="person-create"
              onClick={() => void navigate({ to: '/persons/new' })}
            >
              {t('persons.create')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      <Flex align="center" wrap gap={12} className="pcmt-toolbar">
        <InputNumber<number>
          aria-label={t('persons.filter.birthYear')}
          placeholder={t('persons.filter.birthYear')}
          data-testid="person-filter-birth-year"
          min={MIN_YEAR}
          max={thisYear}
          controls={false}
          precision={0}
          className="pcmt-person-year-filter"
          value={filters.birthYear ?? null}
          onChange={(year) => {
            // Only whole years in range: the digits typed on the way to "1990" do not search.
            if (year === null || (year >= MIN_YEAR && year <= thisYear)) {
              void navigateList({ search: (prev) => ({ ...prev, birthYear: year ?? undefined }), replace: true });
            }
          }}
        />
        <UnitPicker
          value={filters.unitCode}
          onChange={(unitCode) => void navigateList({ search: (prev) => ({ ...prev, unitCode }), replace: true })}
          placeholder={t('persons.filter.unit')}
          testId="person-filter-unit"
          className="pcmt-person-unit-filter"
        />
        <Select<Classification>
          allowClear
          virtual={false}
          popupMatchSelectWidth={false}
          aria-label={t('persons.filter.classification')}
          placeholder={t('persons.filter.classification')}
          data-testid="person-filter-classification"
          className="pcmt-person-classification-filter"
          value={filters.classification}
          options={Classification.options.map((value) => ({ value, label: t(`persons.classification.${value}`) }))}
          onChange={(classification) =>
            void navigateList({ search: (prev) => ({ ...prev, classification: classification ?? undefined }), replace: true })
          }
        />
        <PersonExportButton filter={filter} />
        {filtered ? (
          <Button
            type="link"
            onClick={() => {
              search(undefined);
              void navigateList({ search: {}, replace: true });
            }}
          >
            {t('persons.filter.clear')}
          </Button>
        ) : null}
      </Flex>
      {persons.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : persons.isError && !persons.isFetchNextPageError ? (
        <ApiErrorAlert error={persons.error} onRetry={() => void persons.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="pcmt-result-summary">
            {persons.hasNextPage
              ? t('persons.search.shownMore', { count: rows.length })
              : t('persons.search.shown', { count: rows.length })}
          </Typography.Paragraph>
          <PersonsTable
            persons={rows}
            loading={persons.isPlaceholderData}
            emptyText={filtered ? t('persons.search.empty') : t('persons.search.emptyRegistry')}
          />
          {persons.isFetchNextPageError ? (
            <ApiErrorAlert error={persons.error} onRetry={() => void persons.fetchNextPage()} />
          ) : null}
          {persons.hasNextPage ? (
            <Flex justify="center" className="pcmt-load-more">
              <Button
                data-testid="person-load-more"
                loading={persons.isFetchingNextPage}
                onClick={() => void persons.fetchNextPage()}
              >
                {t('persons.search.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </>
  );
}
