import { formatDateVi, VIETNAM_TIME_ZONE } from '@shared/dates';

/** ISO date from the API → DD/MM/YYYY for display (both languages use the Vietnamese order). */
export function displayDate(iso: string | null | undefined, empty = '—'): string {
  return formatDateVi(iso ?? null) ?? empty;
}

const dateTimeParts = (seconds: boolean) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  });
const withMinutes = dateTimeParts(false);
const withSeconds = dateTimeParts(true);

/**
 * An instant from the API (ISO timestamp) → `DD/MM/YYYY HH:mm` (or `HH:mm:ss`) in Việt Nam
 * time, whatever the computer's time zone: the audit log and session times are evidence, and
 * must read the same on every screen.
 */
export function displayDateTime(iso: string | null | undefined, options: { seconds?: boolean; empty?: string } = {}): string {
  const { seconds = false, empty = '—' } = options;
  if (!iso) return empty;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries((seconds ? withSeconds : withMinutes).formatToParts(date).map((p) => [p.type, p.value]));
  const time = seconds ? `${parts.hour}:${parts.minute}:${parts.second}` : `${parts.hour}:${parts.minute}`;
  return `${parts.day}/${parts.month}/${parts.year} ${time}`;
}

/** A file size for people: whole KB (at least 1) below 1 MB, else MB with one decimal. */
export function displayFileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
