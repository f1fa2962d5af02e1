import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from './iso-date';
import { fromLunarDate, leapMonthOf, toLunarDate } from './lunar';

const tet = (year: number) => fromLunarDate({ year, month: 1, day: 1, leap: false });

describe('Vietnamese lunar calendar', () => {
  it('dates Tết as Việt Nam does (UTC+7)', () => {
    // 2007 and 1985: the new moon fell before midnight in UTC+7 but after it in China's UTC+8,
    // so China's New Year was 18/02/2007 and 20/02/1985.
    expect(tet(2007)).toBe('2007-02-17');
    expect(tet(1985)).toBe('1985-01-21');
    expect(tet(2023)).toBe('2023-01-22');
    expect(tet(2024)).toBe('2024-02-10');
    expect(tet(2025)).toBe('2025-01-29');
    expect(tet(2026)).toBe('2026-02-17');
    expect(tet(2027)).toBe('2027-02-06');
  });

  it('dates Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    const hungKings = (year: number) => fromLunarDate({ year, month: 3, day: 10, leap: false });
    expect(hungKings(2024)).toBe('2024-04-18');
    expect(hungKings(2025)).toBe('2025-04-07');
    expect(hungKings(2026)).toBe('2026-04-26');
  });

  it('places leap months', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2024)).toBeNull();
    // 2023 repeated month 2: the ordinary one from 20/02, the leap one from 22/03.
    expect(fromLunarDate({ year: 2023, month: 2, day: 1, leap: false })).toBe('2023-02-20');
    expect(fromLunarDate({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(toLunarDate('2023-04-19')).toEqual({ year: 2023, month: 2, day: 29, leap: true });
    expect(toLunarDate('2023-04-20')).toEqual({ year: 2023, month: 3, day: 1, leap: false });
    expect(() => fromLunarDate({ year: 2024, month: 2, day: 1, leap: true })).toThrow(RangeError);
  });

  it('gives the lunar date of days around Tết and refuses days that do not exist', () => {
    expect(toLunarDate('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(toLunarDate('2025-01-29')).toEqual({ year: 2025, month: 1, day: 1, leap: false });
    // Month 12 of 2024 had 29 days: there was no "30 Tết" before Tết 2025.
    expect(() => fromLunarDate({ year: 2024, month: 12, day: 30, leap: false })).toThrow(RangeError);
    expect(() => fromLunarDate({ year: 1700, month: 1, day: 1, leap: false })).toThrow(RangeError);
  });

  it('round-trips every day and numbers days 1–30 without gaps', () => {
    const day = fc.integer({ min: toEpochDay('1801-01-01'), max: toEpochDay('2198-12-31') });
    fc.assert(
      fc.property(day, (epochDay) => {
        const date = fromEpochDay(epochDay);
        const lunar = toLunarDate(date);
        expect(fromLunarDate(lunar)).toBe(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        const next = toLunarDate(fromEpochDay(epochDay + 1));
        expect(next.day === lunar.day + 1 || next.day === 1).toBe(true);
      }),
    );
  });
});
