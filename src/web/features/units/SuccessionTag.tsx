import type { SuccessionKind } from '@shared/contracts/units';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Toàn bộ" (the whole old unit) or "Một phần" (only part of it) went into the new unit. */
export function SuccessionTag({ kind }: { kind: SuccessionKind }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(kind === 'full' ? 'units.succession.fullHint' : 'units.succession.partialHint')}>
      <Tag color={kind === 'full' ? 'green' : 'orange'}>{t(`units.succession.${kind}`)}</Tag>
    </Tooltip>
  );
}
