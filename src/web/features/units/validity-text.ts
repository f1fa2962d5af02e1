import type { TFunction } from 'i18next';
import { displayDate } from '../../components/format';

/** "Từ 01/07/2025 đến nay", "Đến hết 30/06/2025", …; a null end means still valid. */
export function validityText(t: TFunction, validFrom: string | null, validTo: string | null): string {
  if (validFrom && validTo) return t('units.detail.validityRange', { from: displayDate(validFrom), to: displayDate(validTo) });
  if (validFrom) return t('units.detail.validityFrom', { from: displayDate(validFrom) });
  // Units of the old hierarchy predate the data set, so their first day is not recorded.
  if (validTo) return t('units.detail.validityTo', { to: displayDate(validTo) });
  return t('units.detail.validityUnknown');
}
