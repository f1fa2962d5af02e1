import type { RuleUnit, RuleValue } from '@shared/rules/types';

type Lang = 'vi' | 'en';

/** Dates as officers type and read them, in both languages. */
export const DATE_FORMAT = 'DD/MM/YYYY';

const UNITS: Record<RuleUnit, { vi: string; en: [one: string, other: string] }> = {
  hours: { vi: 'giờ', en: ['hour', 'hours'] },
  days: { vi: 'ngày', en: ['day', 'days'] },
  working_days: { vi: 'ngày làm việc', en: ['working day', 'working days'] },
  months: { vi: 'tháng', en: ['month', 'months'] },
  years: { vi: 'năm', en: ['year', 'years'] },
};

/** A unit's name after an amount: "3 ngày làm việc", "1 year", "12 months". */
export function unitLabel(unit: RuleUnit, amount: number, lang: Lang): string {
  const names = UNITS[unit];
  return lang === 'vi' ? names.vi : names.en[amount === 1 ? 0 : 1];
}

/**
 * A rule's value as a person reads it: "3 ngày làm việc", "6–12 tháng", "1 năm", "3",
 * "từ đủ 14 tuổi"; null when the value is not known yet.
 */
export function ruleValueText(value: RuleValue | null, lang: Lang): string | null {
  if (value === null) return null;
  switch (value.kind) {
    case 'duration':
      return `${value.amount} ${unitLabel(value.unit, value.amount, lang)}`;
    case 'range':
      return `${value.min}–${value.max} ${unitLabel(value.unit, value.max, lang)}`;
    case 'count':
      return String(value.value);
    case 'age':
      return lang === 'vi' ? `từ đủ ${value.years} tuổi` : `from age ${value.years}`;
  }
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** The weekday of an ISO date (`2026-02-17` → "Thứ Ba"), whatever the computer's time zone. */
export function weekdayOf(iso: string, lang: Lang): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[lang][day] ?? '';
}

/** "Điều 5 – Luật Phòng, chống ma túy 2021", or only the document when no article is named. */
export function citationText(citation: { document: string; article?: string }): string {
  return citation.article ? `${citation.article} – ${citation.document}` : citation.document;
}
