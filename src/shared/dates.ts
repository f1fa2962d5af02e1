/**
 * Calendar dates. The API speaks ISO (`YYYY-MM-DD`), the UI shows `DD/MM/YYYY`, and "today" is
 * the date in Việt Nam (UTC+7), not the server's time zone: a unit valid "until 30/06/2025" must
 * still be valid at 23:30 on that day in Hà Nội.
 */
import { addDays, type IsoDate } from './calendar/iso-date';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const isoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Việt Nam as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return isoDate.format(now);
}

/** `2025-07-01` → `01/07/2025`; `null` stays `null`. */
export function formatDateVi(iso: string | null): string | null {
  if (iso === null) return null;
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The day before an ISO date (`2025-07-01` → `2025-06-30`). */
export function dayBefore(iso: string): string {
  return addDays(iso as IsoDate, -1);
}
