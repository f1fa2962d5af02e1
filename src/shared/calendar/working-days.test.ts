import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAW_ONLY_CALENDAR, type WorkCalendar } from './holidays';
import { addDays, fromEpochDay, toEpochDay } from './iso-date';
import { addWorkingDays, deadlineOf, isWorkingDay, workingDayOnOrAfter } from './working-days';

const keep = { endOnDayOff: 'keep' } as const;
const nextWorkingDay = { endOnDayOff: 'next-working-day' } as const;

describe('working days', () => {
  it('does not count the event day (BLDS 2015 Điều 147(2))', () => {
    // Thursday 06/03/2025: Friday, Monday, Tuesday.
    expect(addWorkingDays('2025-03-06', 3, LAW_ONLY_CALENDAR)).toBe('2025-03-11');
    // An event on a Saturday: Monday is the first working day.
    expect(addWorkingDays('2025-03-08', 1, LAW_ONLY_CALENDAR)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-06', 0, LAW_ONLY_CALENDAR)).toBe('2025-03-06');
    expect(() => addWorkingDays('2025-03-06', -1, LAW_ONLY_CALENDAR)).toThrow(RangeError);
  });

  it('carries a 3-working-day deadline across Tết', () => {
    // Default Tết 2025: 28/01–01/02 with Saturday 01/02 compensated on Monday 03/02.
    expect(addWorkingDays('2025-01-27', 3, LAW_ONLY_CALENDAR)).toBe('2025-02-06');
    // Default Tết 2026: Monday 16/02 to Friday 20/02.
    expect(addWorkingDays('2026-02-13', 3, LAW_ONLY_CALENDAR)).toBe('2026-02-25');
    expect(isWorkingDay('2026-02-20', LAW_ONLY_CALENDAR)).toBe(false);
  });

  it('skips compensatory days: Giỗ Tổ and 30/4 on a weekend in 2023', () => {
    expect(isWorkingDay('2023-05-02', LAW_ONLY_CALENDAR)).toBe(false);
    expect(isWorkingDay('2023-05-03', LAW_ONLY_CALENDAR)).toBe(false);
    expect(isWorkingDay('2023-05-04', LAW_ONLY_CALENDAR)).toBe(true);
    expect(addWorkingDays('2023-04-28', 1, LAW_ONLY_CALENDAR)).toBe('2023-05-04');
  });

  it('works make-up Saturdays and rests on declared days off', () => {
    // Shaped like 2025: Friday 02/05 off, made up on Saturday 26/04.
    const cal: WorkCalendar = { extraDaysOff: ['2025-05-02'], makeUpWorkingDays: ['2025-04-26'] };
    expect(isWorkingDay('2025-04-26', cal)).toBe(true);
    expect(isWorkingDay('2025-04-26', LAW_ONLY_CALENDAR)).toBe(false);
    expect(isWorkingDay('2025-05-02', cal)).toBe(false);
    expect(addWorkingDays('2025-04-25', 1, cal)).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-29', 1, cal)).toBe('2025-05-05');
    expect(addWorkingDays('2025-04-29', 1, LAW_ONLY_CALENDAR)).toBe('2025-05-02');
  });

  it('ends month and year periods on the corresponding day, moved off a day off only on request', () => {
    // 12 months from 30/04/2025 end on 30/04/2026, a holiday; then 01/05 and a weekend follow.
    expect(deadlineOf('2025-04-30', { unit: 'months', count: 12 }, LAW_ONLY_CALENDAR, keep)).toBe('2026-04-30');
    expect(deadlineOf('2025-04-30', { unit: 'months', count: 12 }, LAW_ONLY_CALENDAR, nextWorkingDay)).toBe('2026-05-04');
    expect(deadlineOf('2024-02-29', { unit: 'years', count: 1 }, LAW_ONLY_CALENDAR, nextWorkingDay)).toBe('2025-02-28');
    expect(deadlineOf('2025-01-31', { unit: 'months', count: 1 }, LAW_ONLY_CALENDAR, nextWorkingDay)).toBe('2025-02-28');
    // 15 days from 01/03/2025 end on Sunday 16/03.
    expect(deadlineOf('2025-03-01', { unit: 'days', count: 15 }, LAW_ONLY_CALENDAR, keep)).toBe('2025-03-16');
    expect(deadlineOf('2025-03-01', { unit: 'days', count: 15 }, LAW_ONLY_CALENDAR, nextWorkingDay)).toBe('2025-03-17');
    expect(deadlineOf('2025-01-27', { unit: 'working-days', count: 3 }, LAW_ONLY_CALENDAR, keep)).toBe('2025-02-06');
  });

  it('always lands on a working day, later for every extra day, with exactly n working days counted', () => {
    const date = fc.integer({ min: toEpochDay('2014-01-01'), max: toEpochDay('2098-12-31') }).map(fromEpochDay);
    const declared = fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 6 });
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), declared, declared, (event, n, offs, makeUps) => {
        const cal: WorkCalendar = {
          extraDaysOff: offs.map((i) => addDays(event, i)),
          makeUpWorkingDays: makeUps.map((i) => addDays(event, i)),
        };
        const end = addWorkingDays(event, n, cal);
        expect(isWorkingDay(end, cal)).toBe(true);
        expect(addWorkingDays(event, n + 1, cal) > end).toBe(true);
        let counted = 0;
        for (let d = addDays(event, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d, cal)) counted++;
        expect(counted).toBe(n);
        expect(workingDayOnOrAfter(end, cal)).toBe(end);
      }),
      { numRuns: 200 },
    );
  });
});
