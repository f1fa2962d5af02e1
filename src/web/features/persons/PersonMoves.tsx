import { MergeCellsOutlined, SwapOutlined } from '@ant-design/icons';
import type { PersonMergeDto } from '@shared/contracts/person-merges';
import type { PersonTransferDto, TransferStatus } from '@shared/contracts/person-transfers';
import type { PersonDto, PersonSummaryDto } from '@shared/contracts/persons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { displayDate, displayDateTime } from '../../components/format';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { moveQueries, movesApi, refreshAfterMove, type TransferDecision } from './person-moves-api';
import { fieldMessage } from './person-text';
import { personQueries } from './persons-api';
import { UnitPicker } from './UnitPicker';

/**
 * Moving a file to another commune and merging two files of one person, on a person's page:
 * the header actions, the banners (a pending transfer, a merge that can be undone) and the
 * "Chuyển nơi cư trú" tab. The server decides who may do what; the buttons follow its answers.
 */

const STATUS_COLOR: Record<TransferStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** Bounds as in the contracts (counted after trimming). */
const REASON_MIN = 5;
const REASON_MAX = 1000;

/** "Chuyển nơi cư trú" and "Gộp hồ sơ", for the officers who may use them. */
export function PersonMoveActions({ person, canWrite }: { person: PersonDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const canMerge = useCan('person:merge') && canWrite;
  const [open, setOpen] = useState<'transfer' | 'merge' | null>(null);
  // One pending transfer at a time (the server answers 409 otherwise).
  const transfers = useQuery({ ...moveQueries.transfers(person.id), enabled: canWrite });
  const pending = transfers.data?.items.some((item) => item.status === 'pending') ?? false;
  if (!canWrite) return null;
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen('transfer')} disabled={pending} data-testid="person-transfer">
        {t('persons.moves.transfer')}
      </Button>
      {canMerge ? (
        <Button icon={<MergeCellsOutlined />} onClick={() => setOpen('merge')} data-testid="person-merge">
          {t('persons.moves.merge')}
        </Button>
      ) : null}
      {open === 'transfer' ? <TransferModal person={person} onClose={() => setOpen(null)} /> : null}
      {open === 'merge' ? <MergeModal person={person} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

interface TransferValues {
  toUnitCode: string;
  address?: string;
  reason: string;
}

function TransferModal({ person, onClose }: { person: PersonDto; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TransferValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const request = useMutation({
    mutationFn: (values: TransferValues) =>
      movesApi.requestTransfer(person.id, {
        toUnitCode: values.toUnitCode,
        reason: values.reason.trim(),
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
      }),
    onMutate: () => setFailure(null),
    onSuccess: (transfer) => {
      refreshAfterMove(queryClient);
      void message.success(t('persons.moves.requested', { unit: transfer.toUnit.fullName, date: displayDate(transfer.dueDate) }));
      onClose();
    },
    onError: (error) => {
      if (!applyServerErrors(form, error)) setFailure(error);
    },
  });
  return (
    <Modal
      open
      title={t('persons.moves.transferTitle')}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={request.isPending} onClick={() => form.submit()} data-testid="transfer-submit">
            {t('persons.moves.transferSubmit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('persons.moves.transferLead', { unit: person.managingUnit.fullName })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => request.mutate(values)}>
        <Form.Item
          name="toUnitCode"
          label={t('persons.moves.toUnit')}
          rules={[{ required: true, message: fieldMessage('COMMUNE_REQUIRED', i18n.language) }]}
        >
          <UnitPicker level="commune" testId="transfer-unit" />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('persons.moves.address')}
          rules={[{ max: 300, message: fieldMessage('ADDRESS', i18n.language) }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('persons.moves.reason')}
          rules={[
            { required: true, whitespace: true, message: fieldMessage('TRANSFER_REASON', i18n.language) },
            { min: REASON_MIN, max: REASON_MAX, message: fieldMessage('TRANSFER_REASON', i18n.language) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="transfer-reason" />
        </Form.Item>
      </Form>
      {failure ? <ApiErrorAlert error={failure} /> : null}
    </Modal>
  );
}

/** A pending transfer of this file, said at the top of the page (silent when it cannot be read). */
export function PendingTransferBanner({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const transfers = useQuery(moveQueries.transfers(personId));
  const pending = transfers.data?.items.find((item) => item.status === 'pending');
  if (!pending) return null;
  return (
    <Alert
      type={pending.overdue ? 'error' : 'info'}
      showIcon
      className="pcmt-person-banner"
      data-testid="transfer-banner"
      title={t(pending.overdue ? 'persons.moves.pendingOverdue' : 'persons.moves.pending', {
        from: pending.fromUnit.fullName,
        to: pending.toUnit.fullName,
        date: displayDate(pending.dueDate),
      })}
    />
  );
}

/** The latest merge into this file, while it can still be undone, with "Hoàn tác". */
export function MergeBanner({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canMerge = useCan('person:merge');
  const merges = useQuery(moveQueries.merges(personId));
  const undo = useMutation({
    mutationFn: (merge: PersonMergeDto) => movesApi.undoMerge(merge.id),
    onSuccess: () => {
      refreshAfterMove(queryClient);
      void message.success(t('persons.moves.undone'));
    },
  });
  const latest = merges.data?.items.find((merge) => merge.undoneAt === null);
  if (!latest) return null;
  return (
    <Alert
      type="success"
      showIcon
      className="pcmt-person-banner"
      data-testid="merge-banner"
      title={t('persons.moves.merged', {
        name: latest.duplicate.fullName,
        year: latest.duplicate.birthYear,
        date: displayDateTime(latest.mergedAt),
      })}
      description={undo.isError ? <ApiErrorAlert error={undo.error} /> : undefined}
      action={
        canMerge ? (
          <Popconfirm
            title={t('persons.moves.undoConfirm')}
            okText={t('persons.moves.undo')}
            cancelText={t('common.cancel')}
            onConfirm={() => undo.mutate(latest)}
          >
            <Button size="small" loading={undo.isPending} data-testid="merge-undo">
              {t('persons.moves.undo')}
            </Button>
          </Popconfirm>
        ) : undefined
      }
    />
  );
}

/** The "Chuyển nơi cư trú" tab: every transfer of the file, with the actions the caller may take. */
export function TransfersTab({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const transfers = useQuery(moveQueries.transfers(personId));
  const decide = useMutation({
    mutationFn: ({ transfer, decision }: { transfer: PersonTransferDto; decision: TransferDecision }) =>
      movesApi.decide(transfer.id, decision),
    onSuccess: (transfer) => {
      refreshAfterMove(queryClient);
      void message.success(t(`persons.moves.done.${transfer.status}`));
    },
  });
  if (transfers.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (transfers.isError) return <ApiErrorAlert error={transfers.error} onRetry={() => void transfers.refetch()} />;
  if (transfers.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.moves.none')} />;
  }
  const action = (transfer: PersonTransferDto, decision: TransferDecision) => (
    <Popconfirm
      key={decision}
      title={t(`persons.moves.confirm.${decision}`, { unit: transfer.toUnit.fullName })}
      okText={t(`persons.moves.action.${decision}`)}
      cancelText={t('common.cancel')}
      onConfirm={() => decide.mutate({ transfer, decision })}
    >
      <Button size="small" danger={decision !== 'accept'} type={decision === 'accept' ? 'primary' : 'default'}>
        {t(`persons.moves.action.${decision}`)}
      </Button>
    </Popconfirm>
  );
  const columns: TableColumnsType<PersonTransferDto> = [
    {
      key: 'status',
      title: t('persons.moves.column.status'),
      width: 150,
      render: (_, transfer) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[transfer.status]}>{t(`persons.moves.status.${transfer.status}`)}</Tag>
          {transfer.overdue ? <Tag color="red">{t('workQueue.overdue')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'units',
      title: t('persons.moves.column.units'),
      render: (_, transfer) => `${transfer.fromUnit.fullName} → ${transfer.toUnit.fullName}`,
    },
    {
      key: 'requested',
      title: t('persons.moves.column.requested'),
      width: 170,
      render: (_, transfer) => (
        <>
          <div>{displayDateTime(transfer.requestedAt)}</div>
          <Typography.Text type="secondary">{transfer.requestedBy ?? ''}</Typography.Text>
        </>
      ),
    },
    {
      key: 'due',
      title: t('persons.moves.column.due'),
      width: 110,
      render: (_, transfer) => displayDate(transfer.dueDate),
    },
    {
      key: 'reason',
      title: t('persons.moves.column.reason'),
      render: (_, transfer) => (
        <>
          <div>{transfer.reason}</div>
          {transfer.address ? <Typography.Text type="secondary">{transfer.address}</Typography.Text> : null}
          {transfer.note ? <div className="pcmt-transfer-note">{transfer.note}</div> : null}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_, transfer) => (
        <Space size={4} wrap>
          {transfer.actions.accept ? action(transfer, 'accept') : null}
          {transfer.actions.reject ? action(transfer, 'reject') : null}
          {transfer.actions.cancel ? action(transfer, 'cancel') : null}
          {transfer.decidedAt ? (
            <Typography.Text type="secondary">
              {displayDateTime(transfer.decidedAt)} {transfer.decidedBy ?? ''}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      {decide.isError ? <ApiErrorAlert error={decide.error} /> : null}
      <Table<PersonTransferDto>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={transfers.data.items}
        pagination={false}
        loading={decide.isPending}
      />
    </>
  );
}

/**
 * "Gộp hồ sơ": find the duplicate by name or ID number, compare the two files, give a reason. The
 * file open on the page is kept; the duplicate's history moves into it, and nothing is overwritten.
 */
function MergeModal({ person, onClose }: { person: PersonDto; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 400);
  const [picked, setPicked] = useState<PersonSummaryDto | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const search = useInfiniteQuery({ ...personQueries.search({ q }), enabled: q.length >= 2 });
  const duplicate = useQuery({ ...personQueries.detail(picked?.id ?? ''), enabled: picked !== null });
  const merge = useMutation({
    mutationFn: (reason: string) => {
      if (!duplicate.data) throw new Error('duplicate not loaded');
      return movesApi.merge(person.id, {
        duplicateId: duplicate.data.id,
        version: person.version,
        duplicateVersion: duplicate.data.version,
        reason,
      });
    },
    onMutate: () => setFailure(null),
    onSuccess: () => {
      refreshAfterMove(queryClient);
      void message.success(t('persons.moves.mergeDone'));
      onClose();
    },
    onError: (error) => {
      if (!applyServerErrors(form, error)) setFailure(error);
    },
  });
  const candidates = (search.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => item.id !== person.id);
  const describe = (who: { fullName: string; birthYear: number; managingUnit: { fullName: string } }) =>
    `${who.fullName} · ${who.birthYear} · ${who.managingUnit.fullName}`;

  return (
    <Modal
      open
      title={t('persons.moves.mergeTitle')}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={680}
      footer={
        <Flex justify="flex-end" gap={8}>
          {picked ? <Button onClick={() => setPicked(null)}>{t('persons.moves.mergeBack')}</Button> : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {picked ? (
            <Button
              type="primary"
              danger
              loading={merge.isPending}
              disabled={!duplicate.data}
              onClick={() => form.submit()}
              data-testid="merge-submit"
            >
              {t('persons.moves.mergeSubmit')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {picked === null ? (
        <>
          <Typography.Paragraph type="secondary">{t('persons.moves.mergeLead')}</Typography.Paragraph>
          <Input.Search
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('persons.moves.mergeSearch')}
            maxLength={100}
            loading={search.isFetching}
            data-testid="merge-search"
          />
          {search.isError ? <ApiErrorAlert error={search.error} /> : null}
          <List<PersonSummaryDto>
            className="pcmt-merge-candidates"
            dataSource={candidates}
            locale={{ emptyText: q.length >= 2 ? t('persons.moves.mergeNoMatch') : t('persons.moves.mergeType') }}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Button key="pick" size="small" onClick={() => setPicked(item)} data-testid="merge-pick">
                    {t('persons.moves.mergePick')}
                  </Button>,
                ]}
              >
                {describe(item)}
              </List.Item>
            )}
          />
        </>
      ) : (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('persons.moves.mergeKept')}>{describe(person)}</Descriptions.Item>
            <Descriptions.Item label={t('persons.moves.mergeDuplicate')}>{describe(picked)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" className="pcmt-merge-explain">
            {t('persons.moves.mergeExplain')}
          </Typography.Paragraph>
          {duplicate.isError ? <ApiErrorAlert error={duplicate.error} /> : null}
          <Form form={form} layout="vertical" onFinish={({ reason }) => merge.mutate(reason.trim())}>
            <Form.Item
              name="reason"
              label={t('persons.moves.mergeReason')}
              rules={[
                { required: true, whitespace: true, message: fieldMessage('MERGE_REASON', i18n.language) },
                { min: REASON_MIN, max: REASON_MAX, message: fieldMessage('MERGE_REASON', i18n.language) },
              ]}
            >
              <Input.TextArea rows={2} maxLength={REASON_MAX} data-testid="merge-reason" />
            </Form.Item>
          </Form>
          {failure ? <ApiErrorAlert error={failure} /> : null}
        </>
      )}
    </Modal>
  );
}
