import type { Classification } from '@shared/contracts/persons';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATION_COLOR } from './person-text';

/** "Người chưa thành niên" (stricter access) and the classification, as on the list and the page. */
export function PersonTags({ minor, classification }: { minor: boolean; classification: Classification }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {minor ? (
        <Tag color="gold" data-testid="person-minor">
          {t('persons.minor')}
        </Tag>
      ) : null}
      <Tag color={CLASSIFICATION_COLOR[classification]}>{t(`persons.classification.${classification}`)}</Tag>
    </Space>
  );
}
