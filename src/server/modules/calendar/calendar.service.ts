import { holidaysOf, isWeeklyRestDay, type WorkCalendar, type YearOverride } from '@shared/calendar/holidays';
import { addDays, type IsoDate, isoDateOf, parseIsoDate } from '@shared/calendar/iso-date';
import { addWorkingDays, isWorkingDay } from '@shared/calendar/working-days';
import { type CalendarYearBody, CalendarYearDeclaration, type CalendarYearDto } from '@shared/contracts/calendar';
import { FIELD_MESSAGES, type FieldMessageKey } from '@shared/errors';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/client';
import type { CalendarYearTable } from '../../db/types';
import { auditCall, requireActor, requirePermission, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import * as repo from './calendar.repo';

type Row = Selectable<CalendarYearTable>;

/** Every year's declarations as one `WorkCalendar` (a few rows: one per year declared). */
export function workCalendarOf(rows: readonly Pick<Row, 'year' | 'declaration'>[]): WorkCalendar {
  const yearOverrides: Record<number, YearOverride> = {};
  const extraDaysOff: IsoDate[] = [];
  const makeUpWorkingDays: IsoDate[] = [];
  for (const row of rows) {
    const declaration = CalendarYearDeclaration.parse(row.declaration);
    const { tetDays, nationalDayAdjacent, compensatoryDays } = declaration;
    yearOverrides[row.year] = {
      ...(tetDays ? { tetDays: tetDays as IsoDate[] } : {}),
      ...(nationalDayAdjacent ? { nationalDayAdjacent: nationalDayAdjacent as IsoDate } : {}),
      ...(compensatoryDays ? { compensatoryDays: compensatoryDays as IsoDate[] } : {}),
    };
    extraDaysOff.push(...(declaration.extraDaysOff as IsoDate[]));
    makeUpWorkingDays.push(...(declaration.makeUpWorkingDays as IsoDate[]));
  }
  return { extraDaysOff, makeUpWorkingDays, yearOverrides };
}

/** The calendar in force, for services that compute legal deadlines inside their transaction. */
export async function loadWorkCalendar(trx: Executor): Promise<WorkCalendar> {
  return workCalendarOf(await repo.listYears(trx));
}

function daysOfYear(year: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = isoDateOf(year, 1, 1); parseIsoDate(day).year === year; day = addDays(day, 1)) days.push(day);
  return days;
}

function present(year: number, cal: WorkCalendar, row: Row | undefined): CalendarYearDto {
  return {
    year,
    holidays: holidaysOf(year, cal).map((h) => ({ ...h })),
    workingDayCount: daysOfYear(year).filter((day) => isWorkingDay(day, cal)).length,
    declaration: row ? CalendarYearDeclaration.parse(row.declaration) : null,
    document: row?.document ?? null,
    version: row?.version ?? null,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

/** A year's days off (law, compensation, declarations) and its number of working days. */
export async function getCalendarYear(ctx: ServiceContext, year: number): Promise<CalendarYearDto> {
  const actor = requireActor(ctx);
  const rows = await inScope(ctx.db, scopeOf(actor), (trx) => repo.listYears(trx), ctx.clock());
  return present(
    year,
    workCalendarOf(rows),
    rows.find((row) => row.year === year),
  );
}

/** The date "within `days` working days of `from`" falls on, under the calendar in force. */
export async function workingDaysFrom(ctx: ServiceContext, from: string, days: number) {
  const actor = requireActor(ctx);
  const cal = await inScope(ctx.db, scopeOf(actor), (trx) => loadWorkCalendar(trx), ctx.clock());
  return { from, days, date: addWorkingDays(from as IsoDate, days, cal) };
}

type Issue = { path: (string | number)[]; message: string };

/** What the law and the days themselves require of a year's declaration (field errors). */
function declarationIssues(
  ctx: ServiceContext,
  year: number,
  declaration: CalendarYearDeclaration,
  others: readonly Row[],
): Issue[] {
  const issue = (path: (string | number)[], key: FieldMessageKey): Issue => ({
    path: ['body', 'declaration', ...path],
    message: FIELD_MESSAGES[key][ctx.locale],
  });
  const issues: Issue[] = [];
  const lists = ['tetDays', 'compensatoryDays', 'extraDaysOff', 'makeUpWorkingDays'] as const;
  for (const list of lists) {
    (declaration[list] ?? []).forEach((day, i) => {
      if (parseIsoDate(day as IsoDate).year !== year) issues.push(issue([list, i], 'CALENDAR_DAY_YEAR'));
    });
  }
  declaration.makeUpWorkingDays.forEach((day, i) => {
    if (!isWeeklyRestDay(day as IsoDate)) issues.push(issue(['makeUpWorkingDays', i], 'CALENDAR_MAKE_UP'));
  });
  if (issues.length > 0) return issues;
  // The law's own checks (the number of Tết days, 1/9 or 3/9) run when the year is computed.
  const without = workCalendarOf([...others, { year, declaration: { ...declaration, extraDaysOff: [] } }]);
  try {
    holidaysOf(year, without);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [
      /Quốc khánh/.test(error.message)
        ? issue(['nationalDayAdjacent'], 'CALENDAR_NATIONAL_DAY')
        : /Tết/.test(error.message)
          ? issue(['tetDays'], 'CALENDAR_TET_DAYS')
          : issue(['compensatoryDays'], 'CALENDAR_DAY_YEAR'),
    ];
  }
  declaration.extraDaysOff.forEach((day, i) => {
    if (!isWorkingDay(day as IsoDate, without)) issues.push(issue(['extraDaysOff', i], 'CALENDAR_DAY_OFF'));
  });
  return issues;
}

/**
 * Enters or replaces a year's declarations (system administrator; `version` as read, none for a
 * first entry). Audited as `calendar.update` with the year and the announcement.
 */
export async function putCalendarYear(ctx: ServiceContext, year: number, body: CalendarYearBody): Promise<CalendarYearDto> {
  const actor = requirePermission(ctx, 'setting:manage');
  const now = ctx.clock();
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const current = await repo.findYearForUpdate(trx, year);
      if ((current?.version ?? undefined) !== body.version) {
        throw new AppError(
          'VERSION_CONFLICT',
          {},
          undefined,
          undefined,
          current ? { current: present(year, await loadWorkCalendar(trx), current) } : {},
        );
      }
      const others = (await repo.listYears(trx)).filter((row) => row.year !== year);
      const issues = declarationIssues(ctx, year, body.declaration, others);
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', {}, issues);
      const changes = {
        declaration: JSON.stringify(body.declaration),
        document: body.document,
        updated_at: now,
        updated_by: actor.userId,
      };
      const saved = current
        ? await repo.updateYear(trx, year, current.version, changes)
        : await repo.insertYear(trx, { year, ...changes });
      if (!saved) throw new AppError('VERSION_CONFLICT');
      await auditCall(trx, ctx, actor, {
        action: 'calendar.update',
        outcome: 'success',
        recordKind: 'calendar',
        recordId: String(year),
        details: { version: saved.version, document: body.document },
      });
      return present(year, workCalendarOf([...others, saved]), saved);
    },
    now,
  );
}
