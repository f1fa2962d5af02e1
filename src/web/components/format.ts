import { formatDateVi } from '@shared/dates';

/** ISO date from the API → DD/MM/YYYY for display (both languages use the Vietnamese order). */
export function displayDate(iso: string | null | undefined, empty = '—'): string {
  return formatDateVi(iso ?? null) ?? empty;
}
