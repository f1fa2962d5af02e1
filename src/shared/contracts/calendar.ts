import { z } from 'zod';
import { fieldError } from '../errors';
import { IsoDate, userText } from './common';

/** Years the holiday law of src/shared/calendar covers (Bộ luật Lao động 2012 onwards). */
export const CalendarYearParams = z.strictObject({ year: z.coerce.number().int().min(2014).max(2199) });

/**
 * What an administrator enters for a year, from that year's official announcement: the Tết days
 * and the day next to Quốc khánh as chosen (they replace the default rule), the compensatory days
 * as announced, and the swaps of a bridge day with a Saturday.
 */
export const CalendarYearDeclaration = z.strictObject({
  tetDays: z.array(IsoDate).max(10).optional(),
  nationalDayAdjacent: IsoDate.optional(),
  compensatoryDays: z.array(IsoDate).max(10).optional(),
  extraDaysOff: z.array(IsoDate).max(20).default([]),
  makeUpWorkingDays: z.array(IsoDate).max(20).default([]),
});
export type CalendarYearDeclaration = z.infer<typeof CalendarYearDeclaration>;

export const CalendarYearBody = z.strictObject({
  declaration: CalendarYearDeclaration,
  /** The announcement it comes from (e.g. "Thông báo số …/TB-BNV"). */
  document: userText({ min: 3, max: 300, message: 'CALENDAR_DOCUMENT' }),
  /** The version read; absent for a year without declarations yet. */
  version: z.number().int().min(1).optional(),
});
export type CalendarYearBody = z.infer<typeof CalendarYearBody>;

export const HolidayDto = z.object({
  date: z.string(),
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  legalBasis: z.string(),
  /** From the default rule, until the year's announcement is entered. */
  provisional: z.boolean(),
});

export const CalendarYearDto = z.object({
  year: z.number().int(),
  holidays: z.array(HolidayDto),
  /** Days off that are not weekends, and working days in the year, under this calendar. */
  workingDayCount: z.number().int(),
  declaration: CalendarYearDeclaration.nullable(),
  document: z.string().nullable(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type CalendarYearDto = z.infer<typeof CalendarYearDto>;

/** "Within N working days of <from>": the date a deadline falls on. */
export const WorkingDaysQuery = z.strictObject({
  from: IsoDate,
  days: z.coerce.number().int().min(0).max(366, fieldError('WORKING_DAYS')),
});
export const WorkingDaysDto = z.object({ from: z.string(), days: z.number().int(), date: z.string() });
