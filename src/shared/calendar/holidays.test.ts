import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidaysOf, isWeeklyRestDay, LAW_ONLY_CALENDAR, type WorkCalendar } from './holidays';

const datesOf = (year: number, key: string, cal: WorkCalendar = LAW_ONLY_CALENDAR) =>
  holidaysOf(year, cal)
    .filter((h) => h.key === key)
    .map((h) => h.date);

describe('holidays of a year', () => {
  it('lists the holidays of Bộ luật Lao động 2019 Điều 112 with names and legal basis', () => {
    const holidays = holidaysOf(2024, LAW_ONLY_CALENDAR);
    const hungKings = holidays.find((h) => h.key === 'hung-kings');
    expect(hungKings).toMatchObject({
      date: '2024-04-18',
      nameVi: 'Giỗ Tổ Hùng Vương',
      nameEn: "Hùng Kings' Commemoration Day",
      legalBasis: 'Bộ luật Lao động 45/2019/QH14, Điều 112(1)(e)',
      provisional: false,
    });
    expect(datesOf(2024, 'new-year')).toEqual(['2024-01-01']);
    expect(datesOf(2024, 'victory-day')).toEqual(['2024-04-30']);
    expect(datesOf(2024, 'labour-day')).toEqual(['2024-05-01']);
    // Default choice, until the year's announcement is entered: 2/9 and the day after.
    expect(datesOf(2024, 'national-day')).toEqual(['2024-09-02', '2024-09-03']);
  });

  it('defaults Tết to the last day of the old year and mùng 1–4, marked provisional', () => {
    const tet = holidaysOf(2026, LAW_ONLY_CALENDAR).filter((h) => h.key === 'tet');
    expect(tet.map((h) => h.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet.every((h) => h.provisional && h.legalBasis.includes('Điều 112(1)(b)'))).toBe(true);
  });

  it('compensates holidays that fall on a weekend on the next working day (Điều 111(3))', () => {
    // 2023: 1/1 was a Sunday; Giỗ Tổ (29/4) a Saturday and 30/4 a Sunday, followed by 1/5.
    expect(datesOf(2023, 'compensatory')).toContain('2023-01-02');
    expect(datesOf(2023, 'hung-kings')).toEqual(['2023-04-29']);
    expect(datesOf(2023, 'compensatory').filter((d) => d.startsWith('2023-05'))).toEqual(['2023-05-02', '2023-05-03']);
    // 2026: Giỗ Tổ (26/4) is a Sunday.
    expect(datesOf(2026, 'compensatory')).toEqual(['2026-04-27']);
    // 2024 default Tết 9–13/02 covers Saturday 10 and Sunday 11: compensated on 14 and 15.
    expect(datesOf(2024, 'compensatory')).toEqual(['2024-02-14', '2024-02-15']);
  });

  it('takes the year’s announcement over the defaults', () => {
    // Shaped like the 2025 announcement: Tết Monday 27/01 to Friday 31/01, and 1/9 next to 2/9.
    const cal: WorkCalendar = {
      extraDaysOff: [],
      makeUpWorkingDays: [],
      yearOverrides: {
        2025: {
          tetDays: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
          nationalDayAdjacent: '2025-09-01',
        },
      },
    };
    expect(datesOf(2025, 'tet', cal)).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(datesOf(2025, 'compensatory', cal)).toEqual([]);
    expect(datesOf(2025, 'compensatory')).toEqual(['2025-02-03']);
    expect(datesOf(2025, 'national-day', cal)).toEqual(['2025-09-01', '2025-09-02']);
    expect(holidaysOf(2025, cal).every((h) => !h.provisional)).toBe(true);
    const announcedCompensation: WorkCalendar = {
      extraDaysOff: [],
      makeUpWorkingDays: [],
      yearOverrides: { 2024: { compensatoryDays: ['2024-02-08'] } },
    };
    expect(datesOf(2024, 'compensatory', announcedCompensation)).toEqual(['2024-02-08']);
  });

  it('refuses announcements that contradict the law', () => {
    const badDay: WorkCalendar = {
      extraDaysOff: [],
      makeUpWorkingDays: [],
      yearOverrides: { 2025: { nationalDayAdjacent: '2025-09-04' } },
    };
    expect(() => holidaysOf(2025, badDay)).toThrow(RangeError);
    const shortTet: WorkCalendar = {
      extraDaysOff: [],
      makeUpWorkingDays: [],
      yearOverrides: { 2025: { tetDays: ['2025-01-29'] } },
    };
    expect(() => holidaysOf(2025, shortTet)).toThrow(RangeError);
  });

  it('uses the 2012 code before 2021 and refuses years with no recorded law', () => {
    expect(datesOf(2020, 'national-day')).toEqual(['2020-09-02']);
    expect(holidaysOf(2020, LAW_ONLY_CALENDAR)[0]?.legalBasis).toContain('10/2012/QH13');
    expect(() => holidaysOf(2013, LAW_ONLY_CALENDAR)).toThrow(RangeError);
  });

  it('lists declared days off once, after the statutory ones', () => {
    const cal: WorkCalendar = { extraDaysOff: ['2025-05-02', '2025-05-02', '2025-04-30', '2026-01-02'], makeUpWorkingDays: [] };
    const declared = holidaysOf(2025, cal).filter((h) => h.key === 'declared');
    expect(declared.map((h) => h.date)).toEqual(['2025-05-02']);
    expect(declared[0]?.nameVi).toBe('Ngày nghỉ theo thông báo');
  });

  it('gives every year 11 statutory days and one compensatory working weekday per weekend holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2199 }), (year) => {
        const holidays = holidaysOf(year, LAW_ONLY_CALENDAR);
        const statutory = holidays.filter((h) => h.key !== 'compensatory');
        const compensatory = holidays.filter((h) => h.key === 'compensatory');
        expect(new Set(statutory.map((h) => h.date)).size).toBe(11);
        expect(compensatory).toHaveLength(statutory.filter((h) => isWeeklyRestDay(h.date)).length);
        expect(new Set(holidays.map((h) => h.date)).size).toBe(holidays.length);
        expect(compensatory.every((h) => !isWeeklyRestDay(h.date))).toBe(true);
        expect(holidays.every((h) => h.date.startsWith(`${year}-`))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
