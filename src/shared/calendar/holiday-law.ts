/**
 * Public holidays as the law states them, as data with their citation. What a law leaves to the
 * Prime Minister's yearly decision (which days of Tết, which day next to 2/9) is a default here;
 * the year's announcement replaces it through `WorkCalendar.yearOverrides`.
 */

/** Stable identifiers of the public holidays. */
export type HolidayKey = 'new-year' | 'tet' | 'hung-kings' | 'victory-day' | 'labour-day' | 'national-day';

/** A holiday's names, shown to users in either language. */
export interface HolidayName {
  nameVi: string;
  nameEn: string;
}

/** A holiday on a fixed day of the solar (Gregorian) or lunar calendar. */
export interface FixedHolidayRule extends HolidayName {
  key: Exclude<HolidayKey, 'tet'>;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  legalBasis: string;
}

/** One labour code's holiday provisions, for the Gregorian years it governs. */
export interface HolidayLaw {
  fromYear: number;
  toYear: number | null;
  fixedDays: FixedHolidayRule[];
  /** Number of Tết days; the Prime Minister chooses which each year. */
  tetDayCount: number;
  tetLegalBasis: string;
  /** Days off next to 2/9 (0 or 1); the Prime Minister chooses 1/9 or 3/9 each year. */
  nationalDayAdjacentCount: number;
  nationalDayAdjacentLegalBasis: string;
  /** Provision giving a compensatory day off when a holiday falls on a weekly rest day. */
  compensationLegalBasis: string;
}

export const HOLIDAY_NAMES: Record<HolidayKey | 'compensatory' | 'declared', HolidayName> = {
  'new-year': { nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
  tet: { nameVi: 'Tết Âm lịch', nameEn: 'Lunar New Year (Tết)' },
  'hung-kings': { nameVi: 'Giỗ Tổ Hùng Vương', nameEn: "Hùng Kings' Commemoration Day" },
  'victory-day': { nameVi: 'Ngày Chiến thắng', nameEn: 'Victory Day (Reunification Day)' },
  'labour-day': { nameVi: 'Ngày Quốc tế lao động', nameEn: "International Workers' Day" },
  'national-day': { nameVi: 'Quốc khánh', nameEn: 'National Day' },
  compensatory: { nameVi: 'Nghỉ bù', nameEn: 'Compensatory day off' },
  declared: { nameVi: 'Ngày nghỉ theo thông báo', nameEn: 'Declared day off' },
};

const BLLD_2019 = 'Bộ luật Lao động 45/2019/QH14';
const BLLD_2012 = 'Bộ luật Lao động 10/2012/QH13';

function fixedDays(code: string, article: string, nationalDayDays: string): FixedHolidayRule[] {
  return [
    {
      key: 'new-year',
      calendar: 'solar',
      month: 1,
      day: 1,
      legalBasis: `${code}, ${article}(1)(a)`,
      ...HOLIDAY_NAMES['new-year'],
    },
    {
      key: 'hung-kings',
      calendar: 'lunar',
      month: 3,
      day: 10,
      legalBasis: `${code}, ${article}(1)(e)`,
      ...HOLIDAY_NAMES['hung-kings'],
    },
    {
      key: 'victory-day',
      calendar: 'solar',
      month: 4,
      day: 30,
      legalBasis: `${code}, ${article}(1)(c)`,
      ...HOLIDAY_NAMES['victory-day'],
    },
    {
      key: 'labour-day',
      calendar: 'solar',
      month: 5,
      day: 1,
      legalBasis: `${code}, ${article}(1)(d)`,
      ...HOLIDAY_NAMES['labour-day'],
    },
    {
      key: 'national-day',
      calendar: 'solar',
      month: 9,
      day: 2,
      legalBasis: `${code}, ${article}(1)(đ) (${nationalDayDays})`,
      ...HOLIDAY_NAMES['national-day'],
    },
  ];
}

/**
 * The labour codes' holiday lists, oldest first. Bộ luật Lao động 45/2019/QH14 (in force
 * 01/01/2021) Điều 112(1): 1/1; Tết, 5 days; 30/4; 1/5; 2/9 and 1 day before or after it; 10/3
 * lunar. Điều 112(3): the Prime Minister fixes the Tết days and the day next to 2/9 each year.
 * Điều 111(3): a weekly rest day falling on a holiday is compensated on the next working day.
 * Bộ luật Lao động 10/2012/QH13 (in force 01/05/2013) Điều 115 gave the same list with 2/9 as a
 * single day; its years start at 2014, the first whole year under it. Unconfirmed: the clause of
 * the 2012 code that gave compensatory days (Điều 110, clause not checked).
 */
export const HOLIDAY_LAWS: readonly HolidayLaw[] = [
  {
    fromYear: 2014,
    toYear: 2020,
    fixedDays: fixedDays(BLLD_2012, 'Điều 115', '1 ngày'),
    tetDayCount: 5,
    tetLegalBasis: `${BLLD_2012}, Điều 115(1)(b) và (3)`,
    nationalDayAdjacentCount: 0,
    nationalDayAdjacentLegalBasis: `${BLLD_2012}, Điều 115(1)(đ)`,
    compensationLegalBasis: `${BLLD_2012}, Điều 110 (khoản chưa xác minh)`,
  },
  {
    fromYear: 2021,
    toYear: null,
    fixedDays: fixedDays(BLLD_2019, 'Điều 112', '02/9 và 01 ngày liền kề'),
    tetDayCount: 5,
    tetLegalBasis: `${BLLD_2019}, Điều 112(1)(b) và (3)`,
    nationalDayAdjacentCount: 1,
    nationalDayAdjacentLegalBasis: `${BLLD_2019}, Điều 112(1)(đ) và (3)`,
    compensationLegalBasis: `${BLLD_2019}, Điều 111(3)`,
  },
];

/**
 * Weekly rest days of state agencies: Saturday and Sunday (0 = Sunday, 6 = Saturday), the
 * 40-hour week of Quyết định 188/1999/QĐ-TTg.
 */
export const WEEKLY_REST_DAYS: readonly number[] = [0, 6];

/** The holiday law governing Gregorian `year`; throws a `RangeError` for years before 2014. */
export function holidayLawOf(year: number): HolidayLaw {
  const law = HOLIDAY_LAWS.find((l) => year >= l.fromYear && (l.toYear === null || year <= l.toYear));
  if (!law) throw new RangeError(`No holiday law is recorded for ${year}`);
  return law;
}
