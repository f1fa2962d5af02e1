import type { RuleDto, RuleSetDto } from '@shared/contracts/rules';
import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Empty, Skeleton, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasAnyRole } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { displayDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { legalRulesQueries } from './legal-rules-api';
import { RuleEditModal } from './RuleEditModal';
import { citationText, ruleValueText } from './rule-text';

const ADMIN_ROLES = ['system_admin'] as const;

/**
 * /legal-rules, "Quy tắc pháp luật" (issue #5): every rule set by period, each rule with its value,
 * legal basis and whether DOMAIN.md confirms it. The system administrator may set a value for an
 * unconfirmed rule (with the basis of that value); confirmed values are the law's and stay as they are.
 */
export function LegalRulesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const isAdmin = useHasAnyRole(ADMIN_ROLES);
  const ruleSets = useQuery(legalRulesQueries.ruleSets());
  const [editing, setEditing] = useState<{ ruleSet: RuleSetDto; rule: RuleDto } | null>(null);

  const columns = (ruleSet: RuleSetDto): TableColumnsType<RuleDto> => [
    {
      key: 'title',
      title: t('legalRules.column.title'),
      render: (_, rule) => (
        <Space orientation="vertical" size={0}>
          <strong>{rule.title}</strong>
          {rule.note ? <Typography.Text type="secondary">{rule.note}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      key: 'value',
      title: t('legalRules.column.value'),
      width: 170,
      render: (_, rule) => {
        const text = ruleValueText(rule.value, lang);
        return text === null ? (
          <Typography.Text type="secondary" italic data-testid="rule-value">
            {t('legalRules.noValue')}
          </Typography.Text>
        ) : (
          <span data-testid="rule-value">{text}</span>
        );
      },
    },
    {
      key: 'status',
      title: t('legalRules.column.status'),
      width: 160,
      render: (_, rule) => (
        <Space size={[4, 4]} wrap>
          {rule.confirmed ? (
            <Tag color="green">{t('legalRules.confirmed')}</Tag>
          ) : (
            <Tag color="gold">{t('legalRules.unconfirmed')}</Tag>
          )}
          {rule.inherited ? (
            <Tag title={t('legalRules.inheritedFrom', { id: rule.definedIn })}>{t('legalRules.inherited')}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'citation',
      title: t('legalRules.column.citation'),
      render: (_, rule) => <span data-testid="rule-citation">{citationText(rule.citation)}</span>,
    },
    {
      key: 'override',
      title: t('legalRules.column.override'),
      render: (_, rule) =>
        rule.override ? (
          <Space orientation="vertical" size={0} data-testid="rule-override">
            <span>{ruleValueText(rule.override.value, lang)}</span>
            <Typography.Text type="secondary">
              {t('legalRules.overrideBasis', { citation: rule.override.citation })}
            </Typography.Text>
          </Space>
        ) : (
          t('common.empty')
        ),
    },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            render: (_: unknown, rule: RuleDto) =>
              rule.confirmed ? null : (
                <Button size="small" data-testid={`rule-edit-${rule.key}`} onClick={() => setEditing({ ruleSet, rule })}>
                  {t('legalRules.edit.button')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const items = ruleSets.data?.items ?? [];
  const inForce = items.filter((ruleSet) => ruleSet.effectiveTo === null).map((ruleSet) => ruleSet.id);

  return (
    <>
      <PageHeader title={t('legalRules.title')} lead={t('legalRules.lead')} />
      {ruleSets.isPending ? <Skeleton active paragraph={{ rows: 5 }} /> : null}
      {ruleSets.isError ? <ApiErrorAlert error={ruleSets.error} onRetry={() => void ruleSets.refetch()} /> : null}
      {ruleSets.data ? (
        items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legalRules.empty')} />
        ) : (
          <Collapse
            defaultActiveKey={inForce.length > 0 ? inForce : items.slice(0, 1).map((ruleSet) => ruleSet.id)}
            items={items.map((ruleSet) => ({
              key: ruleSet.id,
              label: (
                <Space orientation="vertical" size={0} data-testid={`rule-set-${ruleSet.id}`}>
                  <strong>{ruleSet.title}</strong>
                  <Typography.Text type="secondary">
                    {t('legalRules.period', {
                      from: displayDate(ruleSet.effectiveFrom),
                      to: ruleSet.effectiveTo ? displayDate(ruleSet.effectiveTo) : t('legalRules.now'),
                    })}
                    {' · '}
                    {t('legalRules.counts', { confirmed: ruleSet.confirmedCount, unconfirmed: ruleSet.unconfirmedCount })}
                  </Typography.Text>
                </Space>
              ),
              children: (
                <>
                  {ruleSet.documents.length > 0 ? (
                    <div className="pcmt-rule-documents">
                      <Typography.Text strong>{t('legalRules.documents')}</Typography.Text>
                      <ul>
                        {ruleSet.documents.map((document) => (
                          <li key={document.name}>
                            {document.name}
                            {document.issued ? ` (${t('legalRules.issued', { date: displayDate(document.issued) })})` : ''}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <Table<RuleDto>
                    size="small"
                    rowKey="key"
                    columns={columns(ruleSet)}
                    dataSource={ruleSet.rules}
                    pagination={false}
                    scroll={{ x: 900 }}
                    onRow={(rule) => ({ 'data-testid': `rule-${rule.key}` }) as HTMLAttributes<HTMLElement>}
                  />
                </>
              ),
            }))}
          />
        )
      ) : null}
      {editing ? <RuleEditModal ruleSet={editing.ruleSet} rule={editing.rule} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
