import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysInMonth, fromEpochDay, parseIsoDate, toEpochDay, weekdayOf } from './iso-date';

describe('ISO date arithmetic', () => {
  it('refuses dates that do not exist', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-13-01')).toThrow(RangeError);
    expect(() => parseIsoDate('25-01-01')).toThrow(RangeError);
    expect(() => parseIsoDate('0099-01-01')).toThrow(RangeError);
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('knows weekdays and crosses month and year ends', () => {
    expect(weekdayOf('2025-09-02')).toBe(2); // Tuesday
    expect(weekdayOf('2023-04-30')).toBe(0); // Sunday
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('clamps a month period to the last day of a shorter month (BLDS 2015 Điều 148(3))', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-05-20', 24)).toBe('2027-05-20');
  });

  it('moves 29 February to 28 February in a non-leap year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2096-02-29', 4)).toBe('2100-02-28');
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28');
    expect(addYears('2025-06-30', 2)).toBe('2027-06-30');
  });

  it('round-trips epoch days and never lands a month period past the target month', () => {
    const date = fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2199-12-31') }).map(fromEpochDay);
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), (d, n) => {
        expect(fromEpochDay(toEpochDay(d))).toBe(d);
        const end = parseIsoDate(addMonths(d, n));
        const start = parseIsoDate(d);
        expect(end.year * 12 + end.month - (start.year * 12 + start.month)).toBe(n);
        expect(end.day).toBe(Math.min(start.day, daysInMonth(end.year, end.month)));
      }),
    );
  });
});
