import type { AuditEventDto } from '@shared/contracts/audit';
import { Link } from '@tanstack/react-router';
import { Descriptions, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRole } from '../../auth/roles';
import { displayDateTime } from '../../components/format';
import { actionLabel, recordKindLabel } from './audit-labels';

const OUTCOME_COLOURS = { success: 'green', denied: 'orange', failure: 'red' } as const;

function EventDetails({ event }: { event: AuditEventDto }) {
  const { t } = useTranslation();
  const details = Object.keys(event.details).length > 0 ? JSON.stringify(event.details, null, 2) : null;
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('audit.column.ip')}>{event.ip ?? t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('audit.column.purpose')}>{event.purpose ?? t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('audit.column.eventId')}>
        <Typography.Text code>{event.id}</Typography.Text> <Typography.Text type="secondary">#{event.seq}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.column.details')}>
        {details ? <pre className="pcmt-audit-details">{details}</pre> : t('common.empty')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The audit events, newest first. A user or a record links to the log filtered on it. */
export function AuditTable({ events, loading }: { events: AuditEventDto[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEventDto> = [
    {
      key: 'occurredAt',
      title: t('audit.column.time'),
      width: 140,
      render: (_, event) => displayDateTime(event.occurredAt, { seconds: true }),
    },
    {
      key: 'actor',
      title: t('audit.column.user'),
      width: 150,
      render: (_, event) => (
        <div>
          {event.actorUsername ? (
            <Link to="/audit" search={{ username: event.actorUsername }}>
              {event.actorUsername}
            </Link>
          ) : (
            <Typography.Text type="secondary">{t('audit.noActor')}</Typography.Text>
          )}
          <div className="pcmt-audit-roles">
            {event.actorRoles.map((role) => (isRole(role) ? t(`roles.${role}`) : role)).join(', ')}
          </div>
        </div>
      ),
    },
    {
      key: 'place',
      title: t('audit.column.place'),
      width: 190,
      render: (_, event) => (
        <div>
          <div>{event.actorUnitPath ?? t('common.empty')}</div>
          {event.actorAgency ? <Typography.Text type="secondary">{event.actorAgency}</Typography.Text> : null}
        </div>
      ),
    },
    {
      key: 'action',
      title: t('audit.column.action'),
      width: 160,
      render: (_, event) => {
        const label = actionLabel(t, event.action);
        return label ? <span title={event.action}>{label}</span> : <Typography.Text code>{event.action}</Typography.Text>;
      },
    },
    {
      key: 'record',
      title: t('audit.column.record'),
      width: 160,
      render: (_, event) =>
        event.recordKind ? (
          <Link
            to="/audit"
            search={{ recordKind: event.recordKind, recordId: event.recordId ?? undefined }}
            title={event.recordId ?? undefined}
          >
            {recordKindLabel(t, event.recordKind)}
            {event.recordId ? <span className="pcmt-audit-record-id">{event.recordId}</span> : null}
          </Link>
        ) : (
          t('common.empty')
        ),
    },
    {
      key: 'outcome',
      title: t('audit.column.outcome'),
      width: 100,
      render: (_, event) => <Tag color={OUTCOME_COLOURS[event.outcome]}>{t(`audit.outcome.${event.outcome}`)}</Tag>,
    },
    {
      key: 'requestId',
      title: t('audit.column.requestId'),
      width: 110,
      ellipsis: true,
      render: (_, event) =>
        event.requestId ? (
          <Typography.Text code title={event.requestId}>
            {event.requestId}
          </Typography.Text>
        ) : (
          t('common.empty')
        ),
    },
  ];

  return (
    <Table<AuditEventDto>
      size="small"
      rowKey="seq"
      columns={columns}
      dataSource={events}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('audit.empty') }}
      expandable={{ expandedRowRender: (event) => <EventDetails event={event} /> }}
      scroll={{ x: 1060 }}
    />
  );
}

export function AuditCount({ shown, more }: { shown: number; more: boolean }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary">
      {more ? t('audit.shownMore', { count: shown }) : t('audit.shownAll', { count: shown })}
    </Typography.Text>
  );
}
