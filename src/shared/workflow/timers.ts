import type { WorkCalendar } from '../calendar/holidays';
import { addDays, daysInMonth, type IsoDate, isoDateOf, parseIsoDate } from '../calendar/iso-date';
import { type Citation, type EffectiveRule, ruleOn } from '../rules';
import { actDeadline } from './guards';
import type { DeadlineSpec } from './types';

/**
 * The timers of DOMAIN.md §12 that run outside the procedures: residence changes, businesses with
 * security conditions, police statistical reports and the Action Month. Pure: a date (and the
 * working-day calendar where working days count) in, a due date with its rule and citation out.
 * Values come from the rule sets where a rule exists; the two without one (police reports, Action
 * Month) are cited data below.
 */

/** A timer's due date, shaped like a procedure's deadline, with the text it rests on. */
export interface TimerDue extends DeadlineSpec {
  citation: Citation;
}

/** How a timer reads a rule: `ruleOn` by default; the server passes one that applies overrides. */
export type RuleLookup = (key: string, date: IsoDate) => EffectiveRule | null;

/** A deadline for an act, from the rule in force on the event; null when no rule set has the rule. */
function actTimer(timer: string, ruleKey: string, event: IsoDate, cal: WorkCalendar | null, lookup: RuleLookup): TimerDue | null {
  const rule = lookup(ruleKey, event);
  if (!rule) return null;
  const value = rule.value?.kind === 'duration' ? rule.value : null;
  let dueOn: IsoDate | null = null;
  // BLDS 2015 Điều 148(1): a period in hours ends with its last hour and is never moved off a day
  // off (Điều 148(5) speaks of a last *day*); with dates only, 24 h from a move end the next day.
  if (value?.unit === 'hours') dueOn = addDays(event, Math.ceil(value.amount / 24));
  else if (value && cal) dueOn = actDeadline(event, value, cal);
  else if (value) throw new Error(`${ruleKey} counts days: its timer needs the working-day calendar`);
  return { timer, ruleKey, startsOn: event, dueOn, confirmed: rule.confirmed, term: false, citation: rule.citation };
}

/**
 * The user's report to the police of the new place of residence, 24 h after the move (Law
 * 120/2025; DOMAIN.md §4.3). Null for a move before 01/07/2026: Law 73/2021 has no such duty.
 */
export function residenceChangeReportDue(movedOn: IsoDate, lookup: RuleLookup = ruleOn) {
  return actTimer('residence_change.report_deadline', 'residence_change.report_deadline', movedOn, null, lookup);
}

/** The commune police's notice to the receiving commune, 24 h after the move (Law 120/2025); null before 01/07/2026. */
export function residenceChangeNotifyDue(movedOn: IsoDate, lookup: RuleLookup = ruleOn) {
  return actTimer('residence_change.notify_deadline', 'residence_change.notify_deadline', movedOn, null, lookup);
}

/** A business's written notice to commune police within 5 days of starting (NĐ 96/2016 Điều 25; DOMAIN.md §6). */
export function businessStartNoticeDue(startedOn: IsoDate, cal: WorkCalendar, lookup: RuleLookup = ruleOn) {
  return actTimer('business.start_notice_deadline', 'business.start_notice_deadline', startedOn, cal, lookup);
}

/** The notice of a lost security-conditions certificate within 3 working days (NĐ 96/2016 Điều 25). */
export function lostCertificateNoticeDue(lostOn: IsoDate, cal: WorkCalendar, lookup: RuleLookup = ruleOn) {
  return actTimer('business.lost_certificate_notice_deadline', 'business.lost_certificate_notice_deadline', lostOn, cal, lookup);
}

/**
 * The business's periodic security report (NĐ 96/2016 Điều 25: quarterly): due on the last day of
 * the reporting period that contains `date`, periods counted from 1 January. The law gives the
 * period, not the day the report is due; the period's last day is a design choice ([DP]).
 */
export function businessSecurityReportDue(date: IsoDate, lookup: RuleLookup = ruleOn): TimerDue | null {
  const ruleKey = 'business.security_report_period';
  const rule = lookup(ruleKey, date);
  if (!rule) return null;
  const months = rule.value?.kind === 'duration' && rule.value.unit === 'months' ? rule.value.amount : null;
  const { year, month } = parseIsoDate(date);
  const startMonth = months ? Math.floor((month - 1) / months) * months + 1 : null;
  const startsOn = startMonth ? isoDateOf(year, startMonth, 1) : date;
  const lastMonth = startMonth && months ? startMonth + months - 1 : null;
  const dueOn = lastMonth ? isoDateOf(year, lastMonth, daysInMonth(year, lastMonth)) : null;
  return { timer: ruleKey, ruleKey, startsOn, dueOn, confirmed: rule.confirmed, term: false, citation: rule.citation };
}

/**
 * Periodic police statistical reports (TT 13/2022/TT-BCA, in force 15/06/2022; DOMAIN.md §8): due,
 * in the last month of the period, before the given day of the month at each level. This is the
 * old routing through district police, which no longer exist from 01/03/2025 (DOMAIN.md §1); the
 * current commune → province routing and deadlines are [NC], so the two levels that involved the
 * district are unconfirmed for deadlines after that. Period lengths are [NC]: the caller gives the
 * period's last month.
 */
export const POLICE_REPORT_DEADLINES = {
  citation: { document: 'TT 13/2022/TT-BCA', sources: ['S40'] } satisfies Citation,
  effectiveFrom: '2022-06-15',
  levels: [
    {
      level: 'district',
      recipient: 'Đội CSĐT tội phạm về ma túy Công an cấp huyện',
      beforeDay: 16,
      confirmedUntil: '2025-02-28',
    },
    {
      level: 'province',
      recipient: 'Phòng CSĐT tội phạm về ma túy (PC04) Công an tỉnh',
      beforeDay: 18,
      confirmedUntil: '2025-02-28',
    },
    { level: 'c04', recipient: 'Cục CSĐT tội phạm về ma túy (C04)', beforeDay: 20, confirmedUntil: null },
    { level: 'ministry', recipient: 'Lãnh đạo Bộ Công an (báo cáo tổng hợp của C04)', beforeDay: 24, confirmedUntil: null },
  ],
} as const;

export type PoliceReportLevel = (typeof POLICE_REPORT_DEADLINES.levels)[number]['level'];

/**
 * The deadlines of a period whose last month contains `periodEnd`, one per level: "before the
 * 16th" is due on the 15th. A fixed day of the month, not a period, so it is not moved off a day
 * off. Empty before TT 13/2022 applied (its predecessor's deadlines are not recorded).
 */
export function policeReportDeadlines(periodEnd: IsoDate): (TimerDue & { level: PoliceReportLevel; recipient: string })[] {
  const { year, month } = parseIsoDate(periodEnd);
  const { citation, effectiveFrom, levels } = POLICE_REPORT_DEADLINES;
  return levels
    .map((row) => {
      const dueOn = isoDateOf(year, month, row.beforeDay - 1);
      const confirmed = row.confirmedUntil === null || dueOn <= row.confirmedUntil;
      return {
        timer: `police_report.${row.level}`,
        ruleKey: null,
        startsOn: isoDateOf(year, month, 1),
        dueOn,
        confirmed,
        term: false,
        citation,
        level: row.level,
        recipient: row.recipient,
      };
    })
    .filter((due) => due.dueOn >= effectiveFrom);
}

/** QĐ 93/2001/QĐ-TTg (13/06/2001; DOMAIN.md §7): June is the Action Month, 26 June the national day. */
export const ACTION_MONTH = {
  citation: { document: 'QĐ 93/2001/QĐ-TTg', sources: ['S42'] } satisfies Citation,
  month: 6,
  nationalDay: 26,
} as const;

/** The Action Month (1–30 June) and national day of the year of `date`. */
export function actionMonthOf(date: IsoDate) {
  const { year } = parseIsoDate(date);
  const { month, nationalDay, citation } = ACTION_MONTH;
  return {
    timer: 'action_month',
    ruleKey: null,
    startsOn: isoDateOf(year, month, 1),
    endsOn: isoDateOf(year, month, daysInMonth(year, month)),
    nationalDay: isoDateOf(year, month, nationalDay),
    confirmed: true,
    citation,
  };
}
