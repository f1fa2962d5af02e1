import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Button, Flex, Skeleton, Tabs, type TabsProps, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasAnyRole } from '../../auth/session';
import { PERSON_WRITE_ROLES } from '../../layout/navigation';
import { usePageTitle } from '../../layout/use-page-title';
import { PersonDocumentsTab } from '../person-documents/PersonDocumentsTab';
import { PersonFileTab } from './PersonFileTab';
import { PersonIdentity } from './PersonIdentity';
import { PersonLoadFailure } from './PersonLoadFailure';
import { MergeBanner, PendingTransferBanner, PersonMoveActions, TransfersTab } from './PersonMoves';
import { PersonTags } from './PersonTags';
import { personQueries } from './persons-api';
import { PersonTab } from './persons-search';

const route = getRouteApi('/_app/persons/$id');

// The procedures bring the state machines and the rule sets with them: loaded when the tab opens.
const ProceduresTab = lazy(() => import('../procedures/ProceduresTab').then((module) => ({ default: module.ProceduresTab })));

/**
 * /persons/$id: one person and the management file. The browser tab title stays generic: titles
 * are kept in the browser history like addresses, and a name does not belong there.
 */
export function PersonPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigateTab = route.useNavigate();
  const navigate = useNavigate();
  const canWrite = useHasAnyRole(PERSON_WRITE_ROLES);
  const person = useQuery(personQueries.detail(id));
  usePageTitle(t('persons.detail.documentTitle'));

  if (person.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (person.isError) return <PersonLoadFailure error={person.error} onRetry={() => void person.refetch()} />;
  const data = person.data;

  const tabs: TabsProps['items'] = [
    { key: 'identity', label: t('persons.tab.identity'), children: <PersonIdentity person={data} /> },
    { key: 'file', label: t('persons.tab.file'), children: <PersonFileTab person={data} canWrite={canWrite} /> },
    { key: 'transfers', label: t('persons.tab.transfers'), children: <TransfersTab personId={data.id} /> },
    {
      key: 'procedures',
      label: t('persons.tab.procedures'),
      children: (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <ProceduresTab personId={data.id} />
        </Suspense>
      ),
    },
    {
      key: 'documents',
      label: t('persons.tab.documents'),
      children: <PersonDocumentsTab personId={data.id} canWrite={canWrite} />,
    },
  ];

  return (
    <>
      <header className="pcmt-page-header pcmt-person-header">
        <Flex align="flex-start" justify="space-between" gap={16}>
          <div>
            <Typography.Title level={3} data-testid="person-name">
              {data.fullName}
            </Typography.Title>
            <Flex align="center" wrap gap={8}>
              <PersonTags minor={data.minor} classification={data.classification} />
              <Typography.Text type="secondary">
                {t('persons.detail.managedBy', { unit: data.managingUnit.fullName })}
              </Typography.Text>
            </Flex>
          </div>
          <Flex gap={8} className="pcmt-person-header-actions">
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate({ to: '/persons' })}>
              {t('persons.backToList')}
            </Button>
            <PersonMoveActions person={data} canWrite={canWrite} />
            {canWrite ? (
              <Button
                type="primary"
                icon={<EditOutlined />}
                data-testid="person-edit"
                onClick={() => void navigate({ to: '/persons/$id/edit', params: { id: data.id } })}
              >
                {t('persons.detail.edit')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      </header>
      <PendingTransferBanner personId={data.id} />
      <MergeBanner personId={data.id} />
      <Tabs
        activeKey={tab ?? 'identity'}
        items={tabs}
        destroyOnHidden
        onChange={(key) => void navigateTab({ search: { tab: PersonTab.parse(key) }, replace: true })}
      />
    </>
  );
}
