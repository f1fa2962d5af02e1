import { Link } from '@tanstack/react-router';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormPanel } from './FormPanel';
import type { DuplicateCandidate } from './persons-api';

interface DuplicatesPanelProps {
  candidates: DuplicateCandidate[];
  saving: boolean;
  /** The officer has looked and this is someone else: save with `confirmNotDuplicate`. */
  onConfirm: () => void;
  onDismiss: () => void;
}

/**
 * The files that may be of the same person (409 PERSON_POSSIBLE_DUPLICATE), shown before anything
 * is saved. Each opens in a new tab, so the form stays as typed while the officer compares.
 */
export function DuplicatesPanel({ candidates, saving, onConfirm, onDismiss }: DuplicatesPanelProps) {
  const { t } = useTranslation();
  const sameId = candidates.some((candidate) => candidate.reason === 'same_id_number');
  return (
    <FormPanel testId="person-duplicates">
      <Alert
        type="warning"
        showIcon
        title={t('persons.duplicates.title', { count: candidates.length })}
        description={
          <>
            <Typography.Paragraph>
              {sameId ? t('persons.duplicates.leadSameId') : t('persons.duplicates.lead')}
            </Typography.Paragraph>
            <ul className="pcmt-duplicates">
              {candidates.map((candidate) => (
                <li key={candidate.id} data-testid="person-duplicate">
                  <Link to="/persons/$id" params={{ id: candidate.id }} target="_blank" rel="noopener">
                    <strong>{candidate.fullName}</strong>
                  </Link>{' '}
                  <Typography.Text type="secondary">
                    {t('persons.duplicates.details', {
                      year: candidate.birthYear,
                      unit: candidate.managingUnit.fullName,
                    })}
                  </Typography.Text>{' '}
                  <Tag color={candidate.reason === 'same_id_number' ? 'red' : 'orange'}>
                    {t(`persons.duplicates.reason.${candidate.reason}`)}
                  </Tag>
                </li>
              ))}
            </ul>
            <Flex gap={8} wrap>
              <Button onClick={onDismiss}>{t('persons.duplicates.back')}</Button>
              <Button danger loading={saving} onClick={onConfirm} data-testid="person-confirm-new">
                {t('persons.duplicates.confirm')}
              </Button>
            </Flex>
          </>
        }
      />
    </FormPanel>
  );
}
