import type { WorkCalendar } from '../calendar/holidays';
import { addMonths, type IsoDate, parseIsoDate } from '../calendar/iso-date';
import { type DeadlineOptions, deadlineOf, type PeriodLength } from '../calendar/working-days';
import { formatDateVi } from '../dates';
import type { EffectiveRule, RuleValue } from '../rules';
import type { DeadlineSpec, PersonFacts, Problem, ProcedureFacts, StepContext } from './types';

/**
 * Building blocks of the procedures' guards: ages, dates in order, legal ranges and deadlines, each
 * problem worded with the rule and citation it enforces.
 */

/**
 * Age in whole years on a date. A record with a year of birth only counts as born on 31 December,
 * so doubt falls on the protective side (younger), as row-level security does (migration 0006).
 */
export function ageOn(person: PersonFacts, date: IsoDate): number {
  const birth = parseIsoDate(person.birthDate ?? `${person.birthYear}-12-31`);
  const on = parseIsoDate(date);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

export function citationText(rule: EffectiveRule): string {
  const { document, article } = rule.citation;
  return article ? `${article} ${document}` : document;
}

/** A problem citing a rule. */
export function ruleProblem(path: Problem['path'], rule: EffectiveRule, vi: string, en: string): Problem {
  const cite = citationText(rule);
  return {
    path,
    message: { vi: `${vi} (${cite}).`, en: `${en} (${cite}).` },
    rule: { key: rule.key, citation: rule.citation },
  };
}

export function plainProblem(path: Problem['path'], vi: string, en: string): Problem {
  return { path, message: { vi, en } };
}

/** The rule in force, or a thrown error: rule data missing a key is a programming fault. */
export function requireRule(ctx: StepContext<unknown>, key: string): EffectiveRule {
  const rule = ctx.rule(key);
  if (!rule) throw new Error(`rule ${key} is not defined on ${ctx.decidedOn}`);
  return rule;
}

/** A decision dated before the event it decides on is refused (issue #5, guards). */
export function notBefore(ctx: StepContext<unknown>, event: IsoDate, what: { vi: string; en: string }): Problem[] {
  if (ctx.decidedOn >= event) return [];
  return [
    plainProblem(
      ['decidedOn'],
      `Ngày quyết định không được trước ${what.vi} (${formatDateVi(event)}).`,
      `The decision date cannot be before ${what.en} (${event}).`,
    ),
  ];
}

/** Dates in the future are refused: the system records decisions made, not planned. */
export function notInFuture(ctx: StepContext<unknown>): Problem[] {
  if (ctx.decidedOn <= ctx.today) return [];
  return [
    plainProblem(['decidedOn'], 'Ngày quyết định không được sau ngày hôm nay.', 'The decision date cannot be in the future.'),
  ];
}

/** The order every step keeps: not in the future, not before the procedure's last step. */
export function inOrder(ctx: StepContext<unknown>): Problem[] {
  const last = ctx.procedure.state === 'new' ? null : ctx.procedure.lastOn;
  return [
    ...notInFuture(ctx),
    ...(last ? notBefore(ctx, last, { vi: 'bước trước của thủ tục', en: 'the previous step of the procedure' }) : []),
  ];
}

/** A rule value as a calendar period. */
export function periodOf(value: RuleValue & { kind: 'duration' }): PeriodLength {
  if (value.unit === 'hours') return { unit: 'days', count: Math.ceil(value.amount / 24) };
  const unit = value.unit === 'working_days' ? 'working-days' : value.unit;
  return { unit, count: value.amount };
}

/**
 * The last day of an act's deadline: working days end on a working day; a deadline in calendar
 * days that ends on a day off moves to the next working day (Bộ luật Dân sự 2015 Điều 148(5)).
 */
export function actDeadline(event: IsoDate, value: RuleValue & { kind: 'duration' }, cal: WorkCalendar): IsoDate {
  return deadlineOf(event, periodOf(value), cal, { endOnDayOff: 'next-working-day' });
}

/**
 * The last day of a term that simply runs (management, rehab, post-rehab): the day the period
 * reaches, day off or not (Điều 147: the start day is not counted; Điều 148(3): a month-end clamp).
 */
export function termEnd(start: IsoDate, value: RuleValue & { kind: 'duration' }, cal: WorkCalendar): IsoDate {
  const keep: DeadlineOptions = { endOnDayOff: 'keep' };
  return deadlineOf(start, periodOf(value), cal, keep);
}

/** A term of `months` months from `start`. */
export function monthsTermEnd(start: IsoDate, months: number): IsoDate {
  return addMonths(start, months);
}

/** An act's deadline from a rule; `dueOn` null when the rule has no value ([NC], none set). */
export function deadlineFrom(ctx: StepContext<unknown>, timer: string, ruleKey: string, startsOn: IsoDate): DeadlineSpec {
  const rule = requireRule(ctx, ruleKey);
  const value = rule.value;
  const dueOn = value && value.kind === 'duration' ? actDeadline(startsOn, value, ctx.calendar) : null;
  return { timer, ruleKey, startsOn, dueOn, confirmed: rule.confirmed, term: false };
}

/** A term's end as a deadline record (for the work queue: "management ends in 7 days"). */
export function termDeadline(
  timer: string,
  ruleKey: string | null,
  startsOn: IsoDate,
  endOn: IsoDate,
  confirmed: boolean,
): DeadlineSpec {
  return { timer, ruleKey, startsOn, dueOn: endOn, confirmed, term: true };
}

/** Checks a chosen number of months against a legal range rule. */
export function monthsInRange(rule: EffectiveRule, months: number | undefined, path: Problem['path']): Problem[] {
  const value = rule.value;
  if (value?.kind !== 'range') return [];
  if (months !== undefined && months >= value.min && months <= value.max) return [];
  return [
    ruleProblem(
      path,
      rule,
      `Thời hạn phải từ ${value.min} đến ${value.max} tháng`,
      `The duration must be ${value.min} to ${value.max} months`,
    ),
  ];
}

/** The person's procedures of a kind in one of the states. */
export function othersIn(others: readonly ProcedureFacts[], kind: ProcedureFacts['kind'], states: readonly string[]) {
  return others.filter((p) => p.kind === kind && states.includes(p.state));
}

export function unconfirmed(...rules: (EffectiveRule | null)[]): string[] {
  return rules.filter((r): r is EffectiveRule => r !== null && !r.confirmed).map((r) => r.key);
}
