import { describe, expect, it } from 'vitest';
import { LAW_ONLY_CALENDAR, type WorkCalendar } from '../calendar/holidays';
import { addDays } from '../calendar/iso-date';
import type { Classification } from '../contracts/persons';
import { type RuleOverride, ruleOn, ruleSetOn } from '../rules';
import { CLASSIFICATION_PRECEDENCE, classificationOf } from './classification';
import { runStep, type StepResult } from './registry';
import {
  actionMonthOf,
  businessSecurityReportDue,
  businessStartNoticeDue,
  lostCertificateNoticeDue,
  POLICE_REPORT_DEADLINES,
  policeReportDeadlines,
  residenceChangeNotifyDue,
  residenceChangeReportDue,
} from './timers';
import type { DeadlineSpec, PersonFacts, Problem, ProcedureFacts, ProcedureKind, StepContext, StepOutcome } from './types';

/**
 * The timers of DOMAIN.md §12 at their boundaries, under the Law 73/2021 and Law 120/2025 rule
 * sets (issue #5). Procedure timers are read from what the real state machines return for a step;
 * the others from timers.ts. Every person, id and decision number here is invented.
 */

type Law = 'law73-2022' | 'law73-2025-03' | 'law73-2025-07' | 'law120-2026';

/** Far after every date below, so no step is refused as "in the future" unless a test says so. */
const TODAY = '2030-12-31';
const fakeId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function personBorn(birthDate: string, more: Partial<PersonFacts> = {}): PersonFacts {
  return { birthDate, birthYear: Number(birthDate.slice(0, 4)), nationality: 'VN', hasStableResidence: true, ...more };
}
const ADULT = personBorn('1990-01-15');

/** A procedure of the fake person, as the guards see it. */
function proc(
  kind: ProcedureKind,
  state: string,
  data: Record<string, unknown> = {},
  lastOn = '2022-01-03',
  n = 1,
): ProcedureFacts {
  return { id: fakeId(n), kind, state, openedOn: lastOn, lastOn, data };
}

interface ContextOptions {
  calendar?: WorkCalendar;
  overrides?: readonly RuleOverride[];
  decisionNo?: string | null;
  helperLoad?: number;
  today?: string;
}

/** The context of a step decided on `date`: the rules in force that day, the law's calendar unless one is given. */
function contextOn(
  date: string,
  person: PersonFacts,
  procedure: ProcedureFacts,
  others: readonly ProcedureFacts[] = [],
  options: ContextOptions = {},
): Omit<StepContext, 'data'> {
  const overrides = options.overrides ?? [];
  const lookup = (ruleSetId: string, ruleKey: string) =>
    overrides.find((o) => o.ruleSetId === ruleSetId && o.ruleKey === ruleKey);
  return {
    person,
    procedure,
    others,
    decidedOn: date,
    decisionNo: options.decisionNo === undefined ? 'QĐ-GIẢ-01' : options.decisionNo,
    rule: (key) => ruleOn(key, date, lookup),
    calendar: options.calendar ?? LAW_ONLY_CALENDAR,
    today: options.today ?? TODAY,
    helperLoad: options.helperLoad,
  };
}

function outcomeOf(result: StepResult): StepOutcome {
  if (!result.ok) throw new Error(`step refused: ${JSON.stringify(result)}`);
  return result.outcome;
}

function problemsOf(result: StepResult): Problem[] {
  if (result.ok) throw new Error(`step accepted: ${JSON.stringify(result.outcome)}`);
  if (result.reason !== 'invalid') throw new Error(`step not allowed; allowed: ${result.allowed.join(', ')}`);
  return result.problems;
}

function problemAt(result: StepResult, path: string): Problem {
  const problem = problemsOf(result).find((p) => p.path.join('.') === path);
  if (!problem) throw new Error(`no problem at ${path}: ${JSON.stringify(problemsOf(result))}`);
  return problem;
}

function opened(outcome: StepOutcome, timer: string): DeadlineSpec {
  const spec = outcome.open?.find((d) => d.timer === timer);
  if (!spec) throw new Error(`no ${timer} in ${JSON.stringify(outcome.open)}`);
  return spec;
}

/** The row's law is the one in force on its date: keeps each table honest about what it covers. */
function expectLaw(date: string, law: Law) {
  expect(ruleSetOn(date)?.id).toBe(law);
}

// Calendars with an administrator's declarations, shaped like the 2025 swap (Friday 02/05 off,
// made up on Saturday 26/04) and invented ones in July 2026.
const OFF_2_MAY_2025: WorkCalendar = { extraDaysOff: ['2025-05-02'], makeUpWorkingDays: [] };
const MAKE_UP_26_APR_2025: WorkCalendar = { extraDaysOff: [], makeUpWorkingDays: ['2025-04-26'] };
const SWAP_2025: WorkCalendar = { extraDaysOff: ['2025-05-02'], makeUpWorkingDays: ['2025-04-26'] };
const OFF_3_JUL_2026: WorkCalendar = { extraDaysOff: ['2026-07-03'], makeUpWorkingDays: [] };
const MAKE_UP_4_JUL_2026: WorkCalendar = { extraDaysOff: [], makeUpWorkingDays: ['2026-07-04'] };
const L = LAW_ONLY_CALENDAR;

const POSITIVE_TEST = {
  grounds: ['a'],
  sampleType: 'urine',
  result: 'positive',
  substances: ['chất giả lập'],
  testingUnit: 'Công an xã Thử Nghiệm (giả)',
};

// ---------------------------------------------------------------------------------------------
// §12 row: decide management of an illegal user, ≤3 working days from the positive result.
// ---------------------------------------------------------------------------------------------
describe('§12 decide management: 3 working days from the positive result (Điều 23 Luật 73/2021)', () => {
  it.each<[string, Law, string, string, WorkCalendar, string]>([
    // label, law, result received, proposed on, calendar, due
    ['Thursday, across a weekend', 'law73-2025-03', '2025-03-06', '2025-03-06', L, '2025-03-11'],
    ['Friday, across a weekend', 'law73-2025-03', '2025-03-07', '2025-03-07', L, '2025-03-12'],
    ['result on a Saturday', 'law73-2022', '2024-03-09', '2024-03-11', L, '2024-03-13'],
    ['proposed two days after the result: counted from the result', 'law73-2025-03', '2025-03-06', '2025-03-10', L, '2025-03-11'],
    ['Monday before Tết 2025 (28/01–01/02, 03/02 compensatory)', 'law73-2022', '2025-01-27', '2025-01-27', L, '2025-02-06'],
    ['Friday before Tết 2025', 'law73-2022', '2025-01-24', '2025-01-24', L, '2025-02-05'],
    ['Friday before Tết 2026 (16–20/02)', 'law73-2025-07', '2026-02-13', '2026-02-13', L, '2026-02-25'],
    ['Thursday before Tết 2026', 'law73-2025-07', '2026-02-12', '2026-02-12', L, '2026-02-24'],
    ['across 30/4–1/5 2025', 'law73-2025-03', '2025-04-29', '2025-04-29', L, '2025-05-06'],
    ['across 30/4–1/5 2025 with 02/05 declared off', 'law73-2025-03', '2025-04-29', '2025-04-29', OFF_2_MAY_2025, '2025-05-07'],
    ['Friday 25/04/2025, law only', 'law73-2025-03', '2025-04-25', '2025-04-25', L, '2025-05-02'],
    [
      'Friday 25/04/2025 with make-up Saturday 26/04',
      'law73-2025-03',
      '2025-04-25',
      '2025-04-25',
      MAKE_UP_26_APR_2025,
      '2025-04-29',
    ],
    ['Monday 28/04/2025, law only', 'law73-2025-03', '2025-04-28', '2025-04-28', L, '2025-05-05'],
    ['Monday 28/04/2025 with the 2025 swap', 'law73-2025-03', '2025-04-28', '2025-04-28', SWAP_2025, '2025-05-06'],
    ['across 2/9 2025 (03/09 by default)', 'law73-2025-07', '2025-08-29', '2025-08-29', L, '2025-09-05'],
    ['last day of Law 73: counted into July 2026', 'law73-2025-07', '2026-06-30', '2026-06-30', L, '2026-07-03'],
    ['first day of Law 120', 'law120-2026', '2026-07-01', '2026-07-01', L, '2026-07-06'],
    ['Friday under Law 120', 'law120-2026', '2026-07-03', '2026-07-03', L, '2026-07-08'],
    ['Law 120 with Friday 03/07/2026 declared off', 'law120-2026', '2026-07-01', '2026-07-01', OFF_3_JUL_2026, '2026-07-07'],
    ['Law 120 with make-up Saturday 04/07/2026', 'law120-2026', '2026-07-01', '2026-07-01', MAKE_UP_4_JUL_2026, '2026-07-04'],
    ['across 2/9 2026', 'law120-2026', '2026-09-01', '2026-09-01', L, '2026-09-08'],
    ['across Tết 2027 (05–09/02, 10–11/02 compensatory)', 'law120-2026', '2027-02-04', '2027-02-04', L, '2027-02-16'],
    ['across 30/4–1/5 2027 (01/05 a Saturday, 03/05 compensatory)', 'law120-2026', '2027-04-29', '2027-04-29', L, '2027-05-06'],
  ])('%s', (_label, law, resultOn, proposedOn, calendar, due) => {
    expectLaw(proposedOn, law);
    const ctx = contextOn(proposedOn, ADULT, proc('illegal_user_management', 'new'), [], { calendar });
    const outcome = outcomeOf(
      runStep('illegal_user_management', 'propose', { basisTestId: fakeId(9), resultReceivedOn: resultOn }, ctx),
    );
    expect(outcome.to).toBe('proposed');
    expect(opened(outcome, 'illegal_user.decision_deadline')).toEqual({
      timer: 'illegal_user.decision_deadline',
      ruleKey: 'illegal_user.decision_deadline',
      startsOn: resultOn,
      dueOn: due,
      confirmed: true,
      term: false,
    });
  });

  it('is closed by the decision', () => {
    const proposed = proc(
      'illegal_user_management',
      'proposed',
      { basisTestId: fakeId(9), resultReceivedOn: '2025-03-06' },
      '2025-03-06',
    );
    const outcome = outcomeOf(runStep('illegal_user_management', 'decide', {}, contextOn('2025-03-11', ADULT, proposed)));
    expect(outcome.close).toContain('illegal_user.decision_deadline');
  });
});

// ---------------------------------------------------------------------------------------------
// §12 row: management of an illegal user lasts 1 year from the decision date.
// ---------------------------------------------------------------------------------------------
describe('§12 management period: 1 year from the decision, last day kept even on a day off', () => {
  it.each<[string, Law, string, string]>([
    ['29/02/2024 ends on 28/02/2025', 'law73-2022', '2024-02-29', '2025-02-28'],
    ['month end 31/01', 'law73-2022', '2024-01-31', '2025-01-31'],
    ['Friday 03/03/2023 ends on Sunday 03/03/2024 (kept)', 'law73-2022', '2023-03-03', '2024-03-03'],
    ['ends on a Tết day, 17/02/2026 (kept)', 'law73-2022', '2025-02-17', '2026-02-17'],
    ['last day of the first rule set', 'law73-2022', '2025-02-28', '2026-02-28'],
    ['decision in 2025', 'law73-2025-03', '2025-03-10', '2026-03-10'],
    ['Saturday 08/03/2025 ends on Sunday 08/03/2026 (kept)', 'law73-2025-03', '2025-03-08', '2026-03-08'],
    ['31/12', 'law73-2025-07', '2025-12-31', '2026-12-31'],
    ['decided the day before Law 120: runs into it unchanged', 'law73-2025-07', '2026-06-30', '2027-06-30'],
    ['first day of Law 120', 'law120-2026', '2026-07-01', '2027-07-01'],
    ['28/02/2027 stays 28/02 in leap 2028', 'law120-2026', '2027-02-28', '2028-02-28'],
    ['29/02/2028 ends on 28/02/2029', 'law120-2026', '2028-02-29', '2029-02-28'],
    ['Friday 05/03/2027 ends on Sunday 05/03/2028 (kept)', 'law120-2026', '2027-03-05', '2028-03-05'],
    ['ends on Tết 2028, 25/01/2028 (kept)', 'law120-2026', '2027-01-25', '2028-01-25'],
    ['month end 31/08', 'law120-2026', '2027-08-31', '2028-08-31'],
  ])('%s', (_label, law, decidedOn, endDate) => {
    expectLaw(decidedOn, law);
    const proposed = proc(
      'illegal_user_management',
      'proposed',
      { basisTestId: fakeId(9), resultReceivedOn: decidedOn },
      decidedOn,
    );
    const outcome = outcomeOf(runStep('illegal_user_management', 'decide', {}, contextOn(decidedOn, ADULT, proposed)));
    expect(outcome.to).toBe('active');
    expect(outcome.data).toMatchObject({ startDate: decidedOn, endDate });
    expect(opened(outcome, 'illegal_user.management_end')).toEqual({
      timer: 'illegal_user.management_end',
      ruleKey: 'illegal_user.management_duration',
      startsOn: decidedOn,
      dueOn: endDate,
      confirmed: true,
      term: true,
    });
    expect(outcome.unconfirmedRules).toEqual([]);
  });

  it.each<[Law, string, string]>([
    ['law73-2025-07', '2026-03-09', '2026-03-10'],
    ['law120-2026', '2027-06-30', '2027-07-01'],
  ])('under %s the period cannot be closed before its last day (%s refused, %s accepted)', (law, early, last) => {
    const active = proc(
      'illegal_user_management',
      'active',
      { startDate: addDays(last, -365), endDate: last },
      addDays(last, -365),
    );
    expectLaw(early, law);
    expect(
      problemAt(runStep('illegal_user_management', 'expire', {}, contextOn(early, ADULT, active)), 'decidedOn'),
    ).toBeDefined();
    expect(outcomeOf(runStep('illegal_user_management', 'expire', {}, contextOn(last, ADULT, active))).to).toBe('expired');
  });
});

// ---------------------------------------------------------------------------------------------
// §12 row: residence change, 24 h (Law 120/2025 only).
// ---------------------------------------------------------------------------------------------
describe('§12 residence change: 24 h to report and to notify, from 01/07/2026 only', () => {
  it.each<[string, Law, string, string | null]>([
    ['a move under Law 73 has no such duty', 'law73-2022', '2025-02-10', null],
    ['the day before Law 120', 'law73-2025-07', '2026-06-30', null],
    ['the first day of Law 120', 'law120-2026', '2026-07-01', '2026-07-02'],
    ['a Friday: 24 h end on the Saturday, not moved', 'law120-2026', '2026-07-03', '2026-07-04'],
    ['the eve of 2/9: ends on the holiday, not moved', 'law120-2026', '2026-09-01', '2026-09-02'],
    ['31/12 ends in the next year', 'law120-2026', '2026-12-31', '2027-01-01'],
    ['during Tết 2027', 'law120-2026', '2027-02-05', '2027-02-06'],
  ])('%s (%s, moved %s)', (_label, law, movedOn, due) => {
    expectLaw(movedOn, law);
    for (const [timer, due24] of [
      ['residence_change.report_deadline', residenceChangeReportDue(movedOn)],
      ['residence_change.notify_deadline', residenceChangeNotifyDue(movedOn)],
    ] as const) {
      if (due === null) {
        expect(due24).toBeNull();
        continue;
      }
      expect(due24).toMatchObject({ timer, ruleKey: timer, startsOn: movedOn, dueOn: due, confirmed: true, term: false });
      expect(due24?.citation.document).toContain('120/2025');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// §12 row: voluntary home/community decision, ≤3 working days from a complete registration.
// ---------------------------------------------------------------------------------------------
describe('§12 voluntary home/community decision: 3 working days (TTHC 1.010941)', () => {
  it.each<[string, Law, string, WorkCalendar, string]>([
    ['across a weekend', 'law73-2025-03', '2025-03-06', L, '2025-03-11'],
    ['across Tết 2025', 'law73-2022', '2025-01-27', L, '2025-02-06'],
    ['across Tết 2026', 'law73-2025-07', '2026-02-13', L, '2026-02-25'],
    ['with a make-up Saturday', 'law73-2025-03', '2025-04-25', MAKE_UP_26_APR_2025, '2025-04-29'],
    ['with a declared day off', 'law73-2025-03', '2025-04-29', OFF_2_MAY_2025, '2025-05-07'],
    ['Law 120', 'law120-2026', '2026-07-01', L, '2026-07-06'],
    ['Law 120 with a declared day off', 'law120-2026', '2026-07-01', OFF_3_JUL_2026, '2026-07-07'],
    ['Law 120 across Tết 2027', 'law120-2026', '2027-02-04', L, '2027-02-16'],
  ])('%s (%s, registered %s)', (_label, law, registeredOn, calendar, due) => {
    expectLaw(registeredOn, law);
    const ctx = contextOn(registeredOn, ADULT, proc('voluntary_rehab', 'new'), [], { calendar });
    const outcome = outcomeOf(runStep('voluntary_rehab', 'register', { setting: 'home_community' }, ctx));
    expect(opened(outcome, 'voluntary_rehab.decision_deadline')).toMatchObject({
      ruleKey: 'voluntary_rehab.decision_deadline',
      startsOn: registeredOn,
      dueOn: due,
      confirmed: true,
    });
  });

  it('opens no commune deadline for a facility registration', () => {
    const ctx = contextOn('2025-03-06', ADULT, proc('voluntary_rehab', 'new'));
    const outcome = outcomeOf(runStep('voluntary_rehab', 'register', { setting: 'facility', facilityId: fakeId(5) }, ctx));
    expect(outcome.open).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// §12 row: voluntary rehab term, 6–12 months (Law 73) or 24/36 months (Law 120, scope [NC]).
// ---------------------------------------------------------------------------------------------
const registered = (on: string) => proc('voluntary_rehab', 'registered', { setting: 'home_community', registeredOn: on }, on, 30);

describe('§12 voluntary rehab term under Law 73: a chosen 6–12 months', () => {
  it.each<[Law, string, number | undefined, string | null]>([
    ['law73-2025-03', '2025-03-10', 5, null],
    ['law73-2025-03', '2025-03-10', 13, null],
    ['law73-2025-03', '2025-03-10', undefined, null],
    ['law73-2025-03', '2025-03-10', 6, '2025-09-10'],
    ['law73-2025-03', '2025-03-10', 12, '2026-03-10'],
    ['law73-2025-07', '2025-08-31', 6, '2026-02-28'],
    ['law73-2022', '2023-08-31', 6, '2024-02-29'],
    ['law73-2025-07', '2026-06-30', 12, '2027-06-30'],
    ['law73-2025-07', '2026-06-30', 24, null],
  ])('%s, decided %s, %s months → %s', (law, decidedOn, months, endDate) => {
    expectLaw(decidedOn, law);
    const data = months === undefined ? {} : { months };
    const result = runStep('voluntary_rehab', 'decide', data, contextOn(decidedOn, ADULT, registered(decidedOn)));
    if (endDate === null) {
      const problem = problemAt(result, 'data.months');
      expect(problem.rule?.key).toBe('voluntary_rehab.duration');
      expect(problem.rule?.citation.document).toContain('73/2021');
      expect(problem.message.vi).toContain('6 đến 12 tháng');
      expect(problem.message.vi).toContain('73/2021');
      return;
    }
    const outcome = outcomeOf(result);
    expect(outcome.data).toMatchObject({ months, startDate: decidedOn, endDate, durationRule: 'voluntary_rehab.duration' });
    expect(opened(outcome, 'voluntary_rehab.term_end')).toMatchObject({ dueOn: endDate, term: true, confirmed: true });
    expect(outcome.unconfirmedRules).toEqual([]);
  });
});

describe('§12 voluntary rehab term under Law 120: 24 months first, 36 later (unconfirmed)', () => {
  const completedBefore = proc('voluntary_rehab', 'completed', {}, '2025-01-10', 31);
  const violatedBefore = proc('voluntary_rehab', 'violated', {}, '2025-01-10', 31);
  const compulsoryBefore = proc('compulsory_rehab', 'completed', {}, '2025-01-10', 32);
  const withdrawnBefore = proc('voluntary_rehab', 'withdrawn', {}, '2025-01-10', 33);
  it.each<[string, string, readonly ProcedureFacts[], number | undefined, string, number, string | null]>([
    // label, decided, others, months asked, rule, months applied, end (null: refused)
    ['first, months omitted', '2026-07-01', [], undefined, 'voluntary_rehab.duration', 24, '2028-07-01'],
    ['first, 24 given', '2026-07-01', [], 24, 'voluntary_rehab.duration', 24, '2028-07-01'],
    ['first, month end', '2026-08-31', [], undefined, 'voluntary_rehab.duration', 24, '2028-08-31'],
    ['first, from 29/02/2028', '2028-02-29', [], undefined, 'voluntary_rehab.duration', 24, '2030-02-28'],
    [
      'first after a withdrawn registration',
      '2026-07-01',
      [withdrawnBefore],
      undefined,
      'voluntary_rehab.duration',
      24,
      '2028-07-01',
    ],
    ['first, 12 months asked', '2026-07-01', [], 12, 'voluntary_rehab.duration', 24, null],
    ['first, 36 months asked', '2026-07-01', [], 36, 'voluntary_rehab.duration', 24, null],
    [
      'second after a completed one',
      '2026-07-01',
      [completedBefore],
      undefined,
      'voluntary_rehab.duration_repeat',
      36,
      '2029-07-01',
    ],
    ['second, 36 given', '2026-07-01', [completedBefore], 36, 'voluntary_rehab.duration_repeat', 36, '2029-07-01'],
    [
      'second after a violated one',
      '2026-10-31',
      [violatedBefore],
      undefined,
      'voluntary_rehab.duration_repeat',
      36,
      '2029-10-31',
    ],
    [
      'second after compulsory rehab',
      '2026-07-01',
      [compulsoryBefore],
      undefined,
      'voluntary_rehab.duration_repeat',
      36,
      '2029-07-01',
    ],
    ['second, 24 months asked', '2026-07-01', [completedBefore], 24, 'voluntary_rehab.duration_repeat', 36, null],
  ])('%s', (_label, decidedOn, others, asked, ruleKey, months, endDate) => {
    expectLaw(decidedOn, 'law120-2026');
    const data = asked === undefined ? {} : { months: asked };
    const result = runStep('voluntary_rehab', 'decide', data, contextOn(decidedOn, ADULT, registered(decidedOn), others));
    if (endDate === null) {
      const problem = problemAt(result, 'data.months');
      expect(problem.rule?.key).toBe(ruleKey);
      expect(problem.rule?.citation.document).toContain('120/2025');
      expect(problem.message.vi).toContain(`${months} tháng`);
      return;
    }
    const outcome = outcomeOf(result);
    expect(outcome.data).toMatchObject({ months, endDate, durationRule: ruleKey });
    expect(opened(outcome, 'voluntary_rehab.term_end')).toMatchObject({ ruleKey, dueOn: endDate, confirmed: false, term: true });
    expect(outcome.unconfirmedRules).toEqual([ruleKey]);
  });
});

// ---------------------------------------------------------------------------------------------
// §12 rows: OST acceptance (≤10 working days) and termination for violation (counts in windows).
// ---------------------------------------------------------------------------------------------
describe('§12 OST acceptance: 10 working days from a valid registration (NĐ 90/2016)', () => {
  it.each<[string, Law, string, WorkCalendar, string]>([
    ['two weekends', 'law73-2025-03', '2025-03-03', L, '2025-03-17'],
    ['across Tết 2026', 'law73-2025-07', '2026-02-13', L, '2026-03-06'],
    ['across 30/4–1/5 2025', 'law73-2025-03', '2025-04-25', L, '2025-05-13'],
    ['across 30/4–1/5 2025 with 02/05 declared off', 'law73-2025-03', '2025-04-25', OFF_2_MAY_2025, '2025-05-14'],
    ['Law 120', 'law120-2026', '2026-07-01', L, '2026-07-15'],
    ['Law 120 across 2/9', 'law120-2026', '2026-09-01', L, '2026-09-17'],
  ])('%s (%s, registered %s)', (_label, law, on, calendar, due) => {
    expectLaw(on, law);
    const ctx = contextOn(on, ADULT, proc('ost', 'new'), [], { calendar });
    const outcome = outcomeOf(runStep('ost', 'register', { facilityId: fakeId(5) }, ctx));
    expect(opened(outcome, 'ost.acceptance_deadline')).toMatchObject({
      ruleKey: 'ost.acceptance_deadline',
      dueOn: due,
      confirmed: true,
    });
  });

  it.each<[string, boolean, boolean]>([
    ['2026-02-27', false, false],
    ['2026-02-27', true, true],
    ['2026-03-02', false, true],
  ])('under 16 needs written consent: registered %s, consent %s → accepted %s', (on, parentalConsent, accepted) => {
    const result = runStep(
      'ost',
      'register',
      { facilityId: fakeId(5), parentalConsent },
      contextOn(on, personBorn('2010-03-01'), proc('ost', 'new')),
    );
    if (accepted) expect(result.ok).toBe(true);
    else expect(problemAt(result, 'data.parentalConsent').rule?.key).toBe('ost.min_age_without_consent');
  });
});

describe('§12 OST termination for violation', () => {
  const inMaintenance = (since: string) =>
    proc('ost', 'active', { phase: 'maintenance', maintenanceOn: since, acceptedOn: '2024-10-01' }, since);

  it.each<[string, string, string[], boolean]>([
    ['2 non-compliances exactly 6 months apart', '2025-07-15', ['2025-01-10', '2025-07-10'], true],
    ['6 months and 1 day apart', '2025-07-15', ['2025-01-10', '2025-07-11'], false],
    ['well within 6 months', '2025-07-15', ['2025-01-10', '2025-03-01'], true],
    ['only one', '2025-07-15', ['2025-03-01'], false],
    ['the second is after the decision', '2025-07-15', ['2025-01-10', '2025-07-20'], false],
    ['an older one, then 2 close together', '2025-07-15', ['2024-06-01', '2025-01-10', '2025-07-11', '2025-07-12'], true],
    ['Law 120: 28/02 + 6 months', '2026-09-01', ['2026-02-28', '2026-08-28'], true],
    ['Law 120: 28/02 + 6 months + 1 day', '2026-09-01', ['2026-02-28', '2026-08-29'], false],
    ['Law 120: 31/08 + 6 months is 28/02', '2027-03-01', ['2026-08-31', '2027-02-28'], true],
    ['Law 120: 31/08 then 01/03', '2027-03-01', ['2026-08-31', '2027-03-01'], false],
  ])('non-compliance: %s', (_label, decidedOn, occurrences, accepted) => {
    const result = runStep(
      'ost',
      'terminate',
      { reason: 'noncompliance', occurrences },
      contextOn(decidedOn, ADULT, inMaintenance('2025-01-06')),
    );
    if (!accepted) {
      expect(problemAt(result, 'data.occurrences').rule?.key).toBe('ost.termination_noncompliance_count');
      return;
    }
    expect(outcomeOf(result).followUps).toEqual([
      expect.objectContaining({ kind: 'compulsory_rehab', action: 'trigger', data: { trigger: 'art32_3', ostId: fakeId(1) } }),
    ]);
  });

  // DOMAIN.md §4.6: "≥2 consecutive opioid-positive tests within 12 months after reaching
  // maintenance dose": both positives fall in the 12 months that follow reaching maintenance.
  it.each<[string, string, string, string[], boolean]>([
    ['2 positives soon after maintenance', '2025-01-06', '2025-03-05', ['2025-02-01', '2025-03-01'], true],
    ['the second on the last day of the 12 months', '2025-01-06', '2026-01-10', ['2026-01-05', '2026-01-06'], true],
    ['the second the day after the 12 months', '2025-01-06', '2026-01-10', ['2026-01-06', '2026-01-07'], false],
    ['both more than 12 months after maintenance', '2025-01-06', '2026-04-05', ['2026-03-01', '2026-04-01'], false],
    ['the first before maintenance', '2025-01-06', '2025-02-01', ['2024-12-20', '2025-01-15'], false],
    ['only one', '2025-01-06', '2025-02-01', ['2025-01-15'], false],
    ['Law 120: 12 months to the day', '2026-07-01', '2027-07-05', ['2026-08-01', '2027-07-01'], true],
    ['Law 120: 12 months and 1 day', '2026-07-01', '2027-07-05', ['2026-08-01', '2027-07-02'], false],
  ])('opioid positives: %s', (_label, maintenanceOn, decidedOn, occurrences, accepted) => {
    const result = runStep(
      'ost',
      'terminate',
      { reason: 'positive_opioid', occurrences },
      contextOn(decidedOn, ADULT, inMaintenance(maintenanceOn)),
    );
    if (accepted) expect(outcomeOf(result).to).toBe('terminated');
    else expect(problemAt(result, 'data.occurrences').rule?.key).toBe('ost.termination_positive_count');
  });

  it('refuses opioid positives before the maintenance dose is reached', () => {
    const inInduction = proc('ost', 'active', { phase: 'dose_adjustment' }, '2025-01-06');
    const result = runStep(
      'ost',
      'terminate',
      { reason: 'positive_opioid', occurrences: ['2025-02-01', '2025-02-10'] },
      contextOn('2025-02-15', ADULT, inInduction),
    );
    expect(problemAt(result, 'data.reason')).toBeDefined();
  });

  it.each<[string, boolean]>([
    ['patient_request', false],
    ['abandoned', true],
    ['positive_other', true],
  ])('termination for %s opens the compulsory path: %s', (reason, opens) => {
    const outcome = outcomeOf(
      runStep('ost', 'terminate', { reason }, contextOn('2025-03-05', ADULT, inMaintenance('2025-01-06'))),
    );
    expect((outcome.followUps ?? []).length > 0).toBe(opens);
  });
});

// ---------------------------------------------------------------------------------------------
// §12 rows: compulsory rehab — dossier, durations, reduction, court deadlines.
// ---------------------------------------------------------------------------------------------
describe('§12 compulsory dossier: 5 working days from discovering an Art 32 case', () => {
  it.each<[string, Law, string, WorkCalendar, string]>([
    ['across a weekend', 'law73-2025-03', '2025-03-06', L, '2025-03-13'],
    ['across Tết 2025', 'law73-2022', '2025-01-27', L, '2025-02-10'],
    ['across Tết 2026', 'law73-2025-07', '2026-02-12', L, '2026-02-26'],
    ['across 30/4–1/5 2025', 'law73-2025-03', '2025-04-29', L, '2025-05-08'],
    ['across 30/4–1/5 2025 with 02/05 declared off', 'law73-2025-03', '2025-04-29', OFF_2_MAY_2025, '2025-05-09'],
    ['with a make-up Saturday', 'law73-2025-03', '2025-04-25', MAKE_UP_26_APR_2025, '2025-05-05'],
    ['Law 120', 'law120-2026', '2026-07-01', L, '2026-07-08'],
    ['Law 120 across 2/9', 'law120-2026', '2026-08-31', L, '2026-09-09'],
  ])('%s (%s, discovered %s)', (_label, law, on, calendar, due) => {
    expectLaw(on, law);
    const ctx = contextOn(on, ADULT, proc('compulsory_rehab', 'new'), [], { calendar });
    const outcome = outcomeOf(runStep('compulsory_rehab', 'trigger', { trigger: 'art32_1', violationRecordId: fakeId(7) }, ctx));
    expect(opened(outcome, 'compulsory.dossier_deadline')).toMatchObject({
      ruleKey: 'compulsory.dossier_deadline',
      startsOn: on,
      dueOn: due,
      confirmed: true,
    });
  });

  it('is closed by the dossier, which needs the person’s "addicted" result', () => {
    const triggered = proc('compulsory_rehab', 'triggered', { trigger: 'art32_1', discoveredOn: '2025-03-06' }, '2025-03-06');
    const addicted = proc('determination', 'addicted', {}, '2025-03-01', 40);
    const notAddicted = proc('determination', 'not_addicted', {}, '2025-03-01', 41);
    const data = (n: number) => ({ mau30: true, mau27RecordNo: 'BB-GIẢ-27', determinationId: fakeId(n) });
    const ok = outcomeOf(
      runStep('compulsory_rehab', 'compile_dossier', data(40), contextOn('2025-03-12', ADULT, triggered, [addicted])),
    );
    expect(ok.close).toContain('compulsory.dossier_deadline');
    const refused = runStep(
      'compulsory_rehab',
      'compile_dossier',
      data(41),
      contextOn('2025-03-12', ADULT, triggered, [notAddicted]),
    );
    expect(problemAt(refused, 'data.determinationId')).toBeDefined();
  });
});

describe('§12 compulsory rehab terms: adults 12–24 months, minors 6–12 (age on the decision date)', () => {
  const accepted = (on: string) => proc('compulsory_rehab', 'court_accepted', { acceptedOn: on }, on);
  it.each<[string, Law, PersonFacts, string, number, string | null]>([
    // label, law, person, decided on, months, range applied (null: refused)
    ['adult 11 months', 'law73-2025-03', ADULT, '2025-03-10', 11, null],
    ['adult 12 months', 'law73-2025-03', ADULT, '2025-03-10', 12, 'compulsory.adult_duration'],
    ['adult 24 months', 'law73-2025-03', ADULT, '2025-03-10', 24, 'compulsory.adult_duration'],
    ['adult 25 months', 'law73-2025-03', ADULT, '2025-03-10', 25, null],
    ['minor 5 months', 'law73-2025-03', personBorn('2010-05-10'), '2025-03-10', 5, null],
    ['minor 6 months', 'law73-2025-03', personBorn('2010-05-10'), '2025-03-10', 6, 'compulsory.minor_duration'],
    ['minor 12 months', 'law73-2025-03', personBorn('2010-05-10'), '2025-03-10', 12, 'compulsory.minor_duration'],
    ['minor 13 months', 'law73-2025-03', personBorn('2010-05-10'), '2025-03-10', 13, null],
    [
      'aged 17 (the day before 18): 6 months',
      'law73-2025-07',
      personBorn('2008-05-10'),
      '2026-05-09',
      6,
      'compulsory.minor_duration',
    ],
    ['aged 17 (the day before 18): 18 months refused', 'law73-2025-07', personBorn('2008-05-10'), '2026-05-09', 18, null],
    ['aged 18 that day: 18 months', 'law73-2025-07', personBorn('2008-05-10'), '2026-05-10', 18, 'compulsory.adult_duration'],
    ['aged 18 that day: 6 months refused', 'law73-2025-07', personBorn('2008-05-10'), '2026-05-10', 6, null],
    [
      'year of birth only counts as born 31/12: 30/12 minor',
      'law73-2025-07',
      { ...ADULT, birthDate: null, birthYear: 2007 },
      '2025-12-30',
      6,
      'compulsory.minor_duration',
    ],
    [
      'year of birth only: 31/12 adult',
      'law73-2025-07',
      { ...ADULT, birthDate: null, birthYear: 2007 },
      '2025-12-31',
      12,
      'compulsory.adult_duration',
    ],
    ['Law 120 adult 11 months', 'law120-2026', ADULT, '2026-07-10', 11, null],
    ['Law 120 adult 12 months', 'law120-2026', ADULT, '2026-07-10', 12, 'compulsory.adult_duration'],
    ['Law 120 adult 24 months', 'law120-2026', ADULT, '2026-07-10', 24, 'compulsory.adult_duration'],
    ['Law 120 adult 25 months', 'law120-2026', ADULT, '2026-07-10', 25, null],
    ['Law 120 minor 5 months', 'law120-2026', personBorn('2011-05-10'), '2026-07-10', 5, null],
    ['Law 120 minor 6 months', 'law120-2026', personBorn('2011-05-10'), '2026-07-10', 6, 'compulsory.minor_duration'],
    ['Law 120 minor 12 months', 'law120-2026', personBorn('2011-05-10'), '2026-07-10', 12, 'compulsory.minor_duration'],
    ['Law 120 minor 13 months', 'law120-2026', personBorn('2011-05-10'), '2026-07-10', 13, null],
    ['Law 120 aged 17: minors’ range', 'law120-2026', personBorn('2008-07-15'), '2026-07-14', 12, 'compulsory.minor_duration'],
    ['Law 120 aged 17: 13 refused', 'law120-2026', personBorn('2008-07-15'), '2026-07-14', 13, null],
    ['Law 120 aged 18: adults’ range', 'law120-2026', personBorn('2008-07-15'), '2026-07-15', 13, 'compulsory.adult_duration'],
  ])('%s', (_label, law, person, decidedOn, months, ruleKey) => {
    expectLaw(decidedOn, law);
    const result = runStep(
      'compulsory_rehab',
      'court_decide',
      { applied: true, months },
      contextOn(decidedOn, person, accepted('2025-01-06')),
    );
    if (ruleKey === null) {
      const problem = problemAt(result, 'data.months');
      expect(['compulsory.adult_duration', 'compulsory.minor_duration']).toContain(problem.rule?.key);
      return;
    }
    const outcome = outcomeOf(result);
    expect(outcome.data).toMatchObject({
      months,
      durationRule: ruleKey,
      minorAtDecision: ruleKey === 'compulsory.minor_duration',
    });
  });

  it.each<[PersonFacts, string, number, string]>([
    [personBorn('2008-05-10'), '2026-05-09', 18, 'compulsory.minor_duration'],
    [personBorn('2008-05-10'), '2026-05-10', 6, 'compulsory.adult_duration'],
  ])('the refusal cites the range of the person’s age (%#)', (person, decidedOn, months, ruleKey) => {
    const result = runStep(
      'compulsory_rehab',
      'court_decide',
      { applied: true, months },
      contextOn(decidedOn, person, accepted('2025-01-06')),
    );
    expect(problemAt(result, 'data.months').rule?.key).toBe(ruleKey);
  });

  it('a court that does not apply the measure needs no duration', () => {
    const outcome = outcomeOf(
      runStep('compulsory_rehab', 'court_decide', { applied: false }, contextOn('2025-03-10', ADULT, accepted('2025-01-06'))),
    );
    expect(outcome.to).toBe('court_rejected');
  });

  // §12 gives the court decision as the start; the term itself runs from admission to the facility
  // (compulsory-rehab.ts), less the days managed at a facility meanwhile (NĐ 116/2021 Điều 45).
  it.each<[string, Law, string, Record<string, unknown>, string, number]>([
    ['12 months from admission', 'law73-2025-03', '2025-03-10', { months: 12 }, '2026-03-10', 0],
    ['24 months from 29/02/2024', 'law73-2022', '2024-02-29', { months: 24 }, '2026-02-28', 0],
    [
      '10 days at a facility meanwhile are deducted',
      'law73-2025-03',
      '2025-03-10',
      { months: 12, interimMode: 'facility', interimSince: '2025-02-28' },
      '2026-02-28',
      10,
    ],
    [
      'time with the family is not deducted',
      'law73-2025-03',
      '2025-03-10',
      { months: 12, interimMode: 'family', interimSince: '2025-02-28' },
      '2026-03-10',
      0,
    ],
    ['Law 120: 18 months', 'law120-2026', '2026-07-10', { months: 18 }, '2028-01-10', 0],
  ])('term end at admission: %s', (_label, law, admittedOn, data, endDate, deducted) => {
    expectLaw(admittedOn, law);
    const decided = proc(
      'compulsory_rehab',
      'court_decided',
      { durationRule: 'compulsory.adult_duration', ...data },
      '2024-01-05',
    );
    const outcome = outcomeOf(
      runStep('compulsory_rehab', 'admit', { facilityId: fakeId(6) }, contextOn(admittedOn, ADULT, decided)),
    );
    expect(outcome.data).toMatchObject({ startDate: admittedOn, endDate, interimDaysDeducted: deducted });
    expect(opened(outcome, 'compulsory.term_end')).toMatchObject({ dueOn: endDate, term: true });
  });
});

describe('§12 compulsory reduction: 3–6 months, only after half the term', () => {
  const admitted = (startDate: string, endDate: string, more: Record<string, unknown> = {}) =>
    proc('compulsory_rehab', 'admitted', { startDate, endDate, months: 12, ...more }, startDate);
  it.each<[string, Law, string, string, string, number, string | null]>([
    // label, law, start, end, decided, months, new end (or the refused field)
    ['the day before half of 10/03/2025–10/03/2026', 'law73-2025-07', '2025-03-10', '2026-03-10', '2025-09-08', 3, 'decidedOn'],
    ['on half the term, 3 months', 'law73-2025-07', '2025-03-10', '2026-03-10', '2025-09-09', 3, '2025-12-10'],
    ['on half the term, 6 months', 'law73-2025-07', '2025-03-10', '2026-03-10', '2025-09-09', 6, '2025-09-10'],
    ['2 months', 'law73-2025-07', '2025-03-10', '2026-03-10', '2025-09-09', 2, 'data.months'],
    ['7 months', 'law73-2025-07', '2025-03-10', '2026-03-10', '2025-09-09', 7, 'data.months'],
    ['Law 120: the day before half', 'law120-2026', '2026-07-01', '2027-07-01', '2026-12-30', 4, 'decidedOn'],
    ['Law 120: on half the term', 'law120-2026', '2026-07-01', '2027-07-01', '2026-12-31', 4, '2027-03-01'],
    [
      'Law 120: 24 months across 29/02/2028, the day before half',
      'law120-2026',
      '2026-07-10',
      '2028-07-10',
      '2027-07-10',
      3,
      'decidedOn',
    ],
    ['Law 120: 24 months across 29/02/2028, on half', 'law120-2026', '2026-07-10', '2028-07-10', '2027-07-11', 3, '2028-04-10'],
  ])('%s', (_label, law, start, end, decidedOn, months, expected) => {
    expectLaw(decidedOn, law);
    const result = runStep('compulsory_rehab', 'reduce', { months }, contextOn(decidedOn, ADULT, admitted(start, end)));
    if (expected === 'decidedOn' || expected === 'data.months') {
      expect(problemAt(result, expected).rule?.key).toBe('compulsory.reduction');
      return;
    }
    const outcome = outcomeOf(result);
    expect(outcome.data).toMatchObject({ reducedMonths: months, endDate: expected, originalEndDate: end });
    expect(opened(outcome, 'compulsory.term_end').dueOn).toBe(expected);
  });

  it('reduces once only', () => {
    const result = runStep(
      'compulsory_rehab',
      'reduce',
      { months: 3 },
      contextOn('2025-10-01', ADULT, admitted('2025-03-10', '2025-12-10', { reducedMonths: 3 })),
    );
    expect(problemAt(result, 'action')).toBeDefined();
  });
});

describe('§12 court decision deadlines, from acceptance (thụ lý)', () => {
  const filed = (on: string) => proc('compulsory_rehab', 'filed_with_court', { filedOn: on }, on);
  const MINOR = personBorn('2010-05-10');
  // Pháp lệnh 01/2022: "within 15 days" is in calendar days; a 15th day that is a day off moves to
  // the next working day (BLDS 2015 Điều 148(5)), as every act's deadline in days does (guards.ts).
  it.each<[string, Law, string, WorkCalendar, string]>([
    ['15th day a Tuesday', 'law73-2025-03', '2025-03-03', L, '2025-03-18'],
    ['15th day a Saturday → Monday', 'law73-2025-03', '2025-03-07', L, '2025-03-24'],
    ['15th day 30/04 → after 1/5', 'law73-2025-03', '2025-04-15', L, '2025-05-02'],
    ['15th day 30/04 with 02/05 declared off', 'law73-2025-03', '2025-04-15', OFF_2_MAY_2025, '2025-05-05'],
    ['15th day in Tết 2026 → after Tết', 'law73-2025-07', '2026-02-02', L, '2026-02-23'],
    ['Law 120: 15th day a Thursday', 'law120-2026', '2026-07-01', L, '2026-07-16'],
    ['Law 120: 15th day a Saturday → Monday', 'law120-2026', '2026-07-03', L, '2026-07-20'],
    [
      'Law 120: 15th day a make-up Saturday stays',
      'law120-2026',
      '2026-07-03',
      { extraDaysOff: [], makeUpWorkingDays: ['2026-07-18'] },
      '2026-07-18',
    ],
    ['Law 120: 15th day 2/9 → Friday 04/09', 'law120-2026', '2026-08-18', L, '2026-09-04'],
  ])('juvenile: %s', (_label, law, acceptedOn, calendar, due) => {
    expectLaw(acceptedOn, law);
    const outcome = outcomeOf(
      runStep('compulsory_rehab', 'court_accept', {}, contextOn(acceptedOn, MINOR, filed(acceptedOn), [], { calendar })),
    );
    expect(opened(outcome, 'compulsory.court_decision_deadline')).toEqual({
      timer: 'compulsory.court_decision_deadline',
      ruleKey: 'compulsory.minor_court_decision_deadline',
      startsOn: acceptedOn,
      dueOn: due,
      confirmed: true,
      term: false,
    });
    expect(outcome.unconfirmedRules).toEqual([]);
  });

  it.each<[Law, string]>([
    ['law73-2025-03', '2025-03-03'],
    ['law73-2025-07', '2025-09-15'],
    ['law120-2026', '2026-07-01'],
  ])('adult under %s: no confirmed deadline, none computed', (law, acceptedOn) => {
    expectLaw(acceptedOn, law);
    const outcome = outcomeOf(runStep('compulsory_rehab', 'court_accept', {}, contextOn(acceptedOn, ADULT, filed(acceptedOn))));
    expect(opened(outcome, 'compulsory.court_decision_deadline')).toMatchObject({
      ruleKey: 'compulsory.adult_court_decision_deadline',
      dueOn: null,
      confirmed: false,
    });
    expect(outcome.unconfirmedRules).toEqual(['compulsory.adult_court_decision_deadline']);
  });

  it('adult with an administrator’s value: computed, still unconfirmed, inherited by Law 120', () => {
    const override: RuleOverride = {
      ruleSetId: 'law73-2022',
      ruleKey: 'compulsory.adult_court_decision_deadline',
      value: { kind: 'duration', amount: 10, unit: 'working_days' },
      citation: 'Giá trị giả lập cho kiểm thử',
      version: 1,
      updatedAt: '2026-01-01T00:00:00Z',
      updatedBy: null,
    };
    const ctx = contextOn('2026-07-01', ADULT, filed('2026-07-01'), [], { overrides: [override] });
    const outcome = outcomeOf(runStep('compulsory_rehab', 'court_accept', {}, ctx));
    expect(opened(outcome, 'compulsory.court_decision_deadline')).toMatchObject({ dueOn: '2026-07-15', confirmed: false });
  });
});

// ---------------------------------------------------------------------------------------------
// §12 row: post-rehab management, 1 year or 2 years, counted from completion.
// ---------------------------------------------------------------------------------------------
describe('§12 post-rehab management: from the completion date, 1 year or 2 years (Điều 40)', () => {
  it.each<[Law, string, string, string, string, string]>([
    // law, basis, completed, decided, end, rule
    ['law73-2025-03', 'voluntary', '2025-03-10', '2025-03-14', '2026-03-10', 'post_rehab.duration_default'],
    ['law73-2022', 'ost', '2024-02-29', '2024-03-04', '2025-02-28', 'post_rehab.duration_default'],
    ['law73-2025-07', 'compulsory_minor', '2025-08-31', '2025-09-04', '2026-08-31', 'post_rehab.duration_default'],
    ['law73-2025-03', 'compulsory_adult', '2025-03-10', '2025-03-14', '2027-03-10', 'post_rehab.duration_after_adult_compulsory'],
    ['law73-2022', 'compulsory_adult', '2024-02-29', '2024-03-01', '2026-02-28', 'post_rehab.duration_after_adult_compulsory'],
    ['law120-2026', 'compulsory_adult', '2026-06-30', '2026-07-02', '2028-06-30', 'post_rehab.duration_after_adult_compulsory'],
    ['law120-2026', 'voluntary', '2026-07-01', '2026-07-03', '2027-07-01', 'post_rehab.duration_default'],
    ['law120-2026', 'ost', '2027-02-28', '2027-03-02', '2028-02-28', 'post_rehab.duration_default'],
    ['law120-2026', 'compulsory_minor', '2026-10-31', '2026-11-03', '2027-10-31', 'post_rehab.duration_default'],
    ['law120-2026', 'compulsory_adult', '2026-07-01', '2026-07-03', '2028-07-01', 'post_rehab.duration_after_adult_compulsory'],
    ['law120-2026', 'compulsory_adult', '2028-02-29', '2028-03-02', '2030-02-28', 'post_rehab.duration_after_adult_compulsory'],
  ])('%s: %s completed %s, decided %s → %s', (law, basis, completedOn, decidedOn, endDate, ruleKey) => {
    expectLaw(decidedOn, law);
    const proposed = proc('post_rehab', 'proposed', { basis, completedOn }, completedOn);
    const outcome = outcomeOf(runStep('post_rehab', 'decide', {}, contextOn(decidedOn, ADULT, proposed)));
    expect(outcome.data).toMatchObject({ startDate: completedOn, endDate, durationRule: ruleKey });
    expect(opened(outcome, 'post_rehab.term_end')).toEqual({
      timer: 'post_rehab.term_end',
      ruleKey,
      startsOn: completedOn,
      dueOn: endDate,
      confirmed: true,
      term: true,
    });
  });

  it.each<[string, ProcedureKind, ProcedureFacts, Record<string, unknown>, string]>([
    [
      'voluntary rehab',
      'voluntary_rehab',
      proc('voluntary_rehab', 'active', { endDate: '2025-09-10' }, '2025-03-10'),
      { stagesCompleted: true },
      'voluntary',
    ],
    ['OST', 'ost', proc('ost', 'active', { phase: 'tapering' }, '2025-03-10'), {}, 'ost'],
    [
      'compulsory, decided as a minor',
      'compulsory_rehab',
      proc('compulsory_rehab', 'admitted', { endDate: '2025-09-10', minorAtDecision: true }, '2025-03-10'),
      {},
      'compulsory_minor',
    ],
    [
      'compulsory, decided as an adult',
      'compulsory_rehab',
      proc('compulsory_rehab', 'admitted', { endDate: '2025-09-10', minorAtDecision: false }, '2025-03-10'),
      {},
      'compulsory_adult',
    ],
  ])('completing %s proposes post-rehab on the basis that sets its length', (_label, kind, procedure, data, basis) => {
    const outcome = outcomeOf(runStep(kind, 'complete', data, contextOn('2025-09-10', ADULT, procedure)));
    expect(outcome.followUps?.[0]).toMatchObject({
      kind: 'post_rehab',
      action: 'propose',
      data: { basis, completedOn: '2025-09-10' },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// §12 rows: education at commune — limitation, term, helper, load.
// ---------------------------------------------------------------------------------------------
describe('§12 education at commune (NĐ 120/2021)', () => {
  const proposedWith = (violationDates: string[]) =>
    proc('education_at_commune', 'proposed', { violationDates }, violationDates.at(-1));

  it.each<[string, Law, string[], string, string | null]>([
    // label, law, violations, decided, refused field (null: accepted)
    ['on the last day of the 3 months', 'law73-2025-03', ['2025-01-05', '2025-02-10', '2025-03-10'], '2025-06-10', null],
    ['the day after', 'law73-2025-03', ['2025-01-05', '2025-02-10', '2025-03-10'], '2025-06-11', 'decidedOn'],
    ['30/11 + 3 months is 28/02', 'law73-2025-07', ['2025-09-01', '2025-10-15', '2025-11-30'], '2026-02-28', null],
    ['01/03 is one day late', 'law73-2025-07', ['2025-09-01', '2025-10-15', '2025-11-30'], '2026-03-01', 'decidedOn'],
    ['Law 120: last day', 'law120-2026', ['2026-03-01', '2026-05-01', '2026-07-15'], '2026-10-15', null],
    ['Law 120: the day after', 'law120-2026', ['2026-03-01', '2026-05-01', '2026-07-15'], '2026-10-16', 'decidedOn'],
  ])('limitation 3 months from the last violation: %s', (_label, law, violations, decidedOn, refused) => {
    expectLaw(decidedOn, law);
    const result = runStep(
      'education_at_commune',
      'decide',
      { months: 3 },
      contextOn(decidedOn, ADULT, proposedWith(violations)),
    );
    if (refused === null) expect(outcomeOf(result).to).toBe('decided');
    else expect(problemAt(result, refused).rule?.key).toBe('education_at_commune.limitation');
  });

  it.each<[string, Law, string[], string, boolean]>([
    [
      'three uses, the first 6 months before the last',
      'law73-2025-03',
      ['2024-09-10', '2025-02-10', '2025-03-10'],
      '2025-03-20',
      true,
    ],
    ['the first 6 months and 1 day before', 'law73-2025-03', ['2024-09-09', '2025-02-10', '2025-03-10'], '2025-03-20', false],
    ['two uses only', 'law73-2025-03', ['2025-02-10', '2025-03-10'], '2025-03-20', false],
    ['Law 120: three within 6 months', 'law120-2026', ['2026-01-15', '2026-04-01', '2026-07-15'], '2026-07-20', true],
    ['Law 120: the first too old', 'law120-2026', ['2026-01-14', '2026-04-01', '2026-07-15'], '2026-07-20', false],
  ])('third use within 6 months: %s', (_label, law, violationDates, decidedOn, accepted) => {
    expectLaw(decidedOn, law);
    const result = runStep(
      'education_at_commune',
      'propose',
      { violationDates },
      contextOn(decidedOn, ADULT, proc('education_at_commune', 'new')),
    );
    if (accepted) expect(outcomeOf(result).to).toBe('proposed');
    else expect(problemAt(result, 'data.violationDates').rule?.key).toBe('education_at_commune.violation_count');
  });

  it.each<[Law, string, number, string | null]>([
    ['law73-2025-03', '2025-03-31', 2, null],
    ['law73-2025-03', '2025-03-31', 3, '2025-06-30'],
    ['law73-2025-07', '2025-11-30', 3, '2026-02-28'],
    ['law73-2025-03', '2025-03-31', 6, '2025-09-30'],
    ['law73-2025-03', '2025-03-31', 7, null],
    ['law120-2026', '2026-08-31', 2, null],
    ['law120-2026', '2026-08-31', 3, '2026-11-30'],
    ['law120-2026', '2026-08-31', 6, '2027-02-28'],
    ['law120-2026', '2026-08-31', 7, null],
  ])('term 3–6 months: %s, decided %s, %s months → %s', (law, decidedOn, months, endDate) => {
    expectLaw(decidedOn, law);
    const violations = [addDays(decidedOn, -60), addDays(decidedOn, -30), decidedOn];
    const result = runStep('education_at_commune', 'decide', { months }, contextOn(decidedOn, ADULT, proposedWith(violations)));
    if (endDate === null) {
      expect(problemAt(result, 'data.months').rule?.key).toBe('education_at_commune.duration');
      return;
    }
    const outcome = outcomeOf(result);
    expect(outcome.data).toMatchObject({ months, startDate: decidedOn, endDate });
    expect(opened(outcome, 'education_at_commune.term_end')).toMatchObject({ dueOn: endDate, term: true, confirmed: true });
  });

  it.each<[string, Law, string, WorkCalendar, string]>([
    ['across a weekend', 'law73-2025-03', '2025-03-06', L, '2025-03-13'],
    ['across 30/4–1/5 2025', 'law73-2025-03', '2025-04-29', L, '2025-05-08'],
    ['across Tết 2026', 'law73-2025-07', '2026-02-11', L, '2026-02-25'],
    ['Law 120', 'law120-2026', '2026-07-01', L, '2026-07-08'],
    [
      'Law 120 with Monday 06/07 declared off',
      'law120-2026',
      '2026-07-01',
      { extraDaysOff: ['2026-07-06'], makeUpWorkingDays: [] },
      '2026-07-09',
    ],
  ])('helper within 5 working days of the decision: %s', (_label, law, decidedOn, calendar, due) => {
    expectLaw(decidedOn, law);
    const violations = [addDays(decidedOn, -60), addDays(decidedOn, -30), decidedOn];
    const outcome = outcomeOf(
      runStep(
        'education_at_commune',
        'decide',
        { months: 3 },
        contextOn(decidedOn, ADULT, proposedWith(violations), [], { calendar }),
      ),
    );
    expect(opened(outcome, 'education_at_commune.helper_deadline')).toMatchObject({
      ruleKey: 'education_at_commune.helper_deadline',
      dueOn: due,
      confirmed: true,
      term: false,
    });
  });

  it.each<[number | undefined, boolean]>([
    [undefined, true],
    [0, true],
    [2, true],
    [3, false],
    [4, false],
  ])('a helper already with %s persons may take one more: %s', (helperLoad, accepted) => {
    const decided = proc(
      'education_at_commune',
      'decided',
      { months: 3, startDate: '2025-03-10', endDate: '2025-06-10' },
      '2025-03-10',
    );
    const result = runStep(
      'education_at_commune',
      'assign_helper',
      { helperName: 'Người giúp đỡ giả' },
      contextOn('2025-03-12', ADULT, decided, [], { helperLoad }),
    );
    if (accepted) expect(outcomeOf(result).close).toContain('education_at_commune.helper_deadline');
    else expect(problemAt(result, 'data.helperName').rule?.key).toBe('education_at_commune.max_persons_per_helper');
  });

  it.each<[string, PersonFacts, boolean]>([
    ['a Vietnamese citizen', ADULT, true],
    ['a foreigner', { ...ADULT, nationality: 'LA' }, false],
    ['aged 13 at the last use', personBorn('2011-03-11'), false],
    ['aged 14 at the last use', personBorn('2011-03-10'), true],
  ])('applies to %s: %s', (_label, person, accepted) => {
    const ctx = contextOn('2025-03-20', person, proc('education_at_commune', 'new'));
    const result = runStep(
      'education_at_commune',
      'propose',
      { violationDates: ['2025-01-05', '2025-02-10', '2025-03-10'] },
      ctx,
    );
    if (accepted) expect(outcomeOf(result).to).toBe('proposed');
    else expect(problemAt(result, 'data.violationDates')).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------
// §12 rows: determination — the window after education; certificate validity (Law 120).
// ---------------------------------------------------------------------------------------------
describe('§12 determination after education: a 1-year window from the end of the measure', () => {
  const educated = (state: string, endDate: string) =>
    proc('education_at_commune', state, { endDate, completedOn: endDate }, endDate, 50);
  it.each<[string, Law, ProcedureFacts, string, string]>([
    // label, law (of the test), education, tested on, what opens
    ['during the measure', 'law73-2025-03', educated('active', '2025-06-10'), '2025-04-01', 'determination:c'],
    ['decided, not started', 'law73-2025-03', educated('decided', '2025-06-10'), '2025-03-12', 'determination:c'],
    ['the day after it ended', 'law73-2025-03', educated('completed', '2025-03-10'), '2025-03-11', 'determination:c'],
    ['the last day of the year', 'law73-2025-07', educated('completed', '2025-03-10'), '2026-03-10', 'determination:c'],
    [
      'the day after the window: management instead',
      'law73-2025-07',
      educated('completed', '2025-03-10'),
      '2026-03-11',
      'illegal_user_management:propose',
    ],
    ['Law 120: the last day of the year', 'law120-2026', educated('completed', '2026-07-15'), '2027-07-15', 'determination:c'],
    [
      'Law 120: the day after',
      'law120-2026',
      educated('completed', '2026-07-15'),
      '2027-07-16',
      'illegal_user_management:propose',
    ],
    [
      'Law 120: ended 29/02/2028, last day 28/02/2029',
      'law120-2026',
      educated('completed', '2028-02-29'),
      '2029-02-28',
      'determination:c',
    ],
    [
      'Law 120: ended 29/02/2028, 01/03/2029 too late',
      'law120-2026',
      educated('completed', '2028-02-29'),
      '2029-03-01',
      'illegal_user_management:propose',
    ],
  ])('%s', (_label, law, education, testedOn, opens) => {
    expectLaw(testedOn, law);
    const outcome = outcomeOf(
      runStep(
        'drug_test',
        'record',
        POSITIVE_TEST,
        contextOn(testedOn, ADULT, proc('drug_test', 'new', {}, testedOn, 10), [education]),
      ),
    );
    const [followUp, ...rest] = outcome.followUps ?? [];
    expect(rest).toEqual([]);
    const [kind, what] = opens.split(':');
    expect(followUp?.kind).toBe(kind);
    if (kind === 'determination') expect(followUp?.data).toEqual({ trigger: what, basisTestId: fakeId(10) });
    else expect(followUp?.data).toEqual({ basisTestId: fakeId(10), resultReceivedOn: testedOn });
  });
});

describe('§12 determination certificate validity: 6 months, Law 120 only (unconfirmed)', () => {
  const requested = (on: string) =>
    proc('determination', 'requested', { trigger: 'dd', facilityId: fakeId(5), requestedOn: on }, on);
  const conclude = {
    result: 'addicted',
    criteriaMet: [1, 2, 3],
    criteriaPattern: 'together_1_month',
    substanceGroup: 'stimulant',
  };
  it.each<[Law, string, string | null]>([
    ['law73-2022', '2024-08-31', null],
    ['law73-2025-07', '2026-06-30', null],
    ['law120-2026', '2026-07-01', '2027-01-01'],
    ['law120-2026', '2026-08-31', '2027-02-28'],
    ['law120-2026', '2027-08-31', '2028-02-29'],
  ])('%s: result on %s valid until %s', (law, on, validUntil) => {
    expectLaw(on, law);
    const outcome = outcomeOf(runStep('determination', 'conclude', conclude, contextOn(on, ADULT, requested(on))));
    expect(outcome.data).toMatchObject({ resultOn: on, validUntil, formRef: 'NĐ109-Mẫu04' });
    expect(outcome.unconfirmedRules).toEqual(validUntil === null ? [] : ['determination.certificate_validity']);
  });
});

// ---------------------------------------------------------------------------------------------
// §12 rows outside the procedures (timers.ts): businesses, police reports, Action Month.
// ---------------------------------------------------------------------------------------------
describe('§12 business start notice: within 5 days (NĐ 96/2016 Điều 25)', () => {
  it.each<[string, Law | null, string, WorkCalendar, string | null]>([
    ['before the first rule set: no rule', null, '2021-12-31', L, null],
    ['5th day a Saturday → Monday', 'law73-2025-03', '2025-03-03', L, '2025-03-10'],
    ['5th day a Sunday → Monday', 'law73-2025-03', '2025-03-04', L, '2025-03-10'],
    ['5th day a Tuesday', 'law73-2025-03', '2025-03-06', L, '2025-03-11'],
    ['5th day 30/04 → 02/05', 'law73-2025-03', '2025-04-25', L, '2025-05-02'],
    ['5th day 30/04 with 02/05 declared off → 05/05', 'law73-2025-03', '2025-04-25', OFF_2_MAY_2025, '2025-05-05'],
    ['5th day in Tết 2024 → after the compensatory days', 'law73-2022', '2024-02-07', L, '2024-02-16'],
    ['5th day in Tết 2026', 'law73-2025-07', '2026-02-11', L, '2026-02-23'],
    ['Law 120: 5th day a Monday', 'law120-2026', '2026-07-01', L, '2026-07-06'],
    ['Law 120: 5th day 2/9 → Friday', 'law120-2026', '2026-08-28', L, '2026-09-04'],
    ['Law 120: 5th day a Saturday → Monday', 'law120-2026', '2026-07-06', L, '2026-07-13'],
    [
      'Law 120: 5th day a make-up Saturday stays',
      'law120-2026',
      '2026-07-06',
      { extraDaysOff: [], makeUpWorkingDays: ['2026-07-11'] },
      '2026-07-11',
    ],
  ])('%s', (_label, law, startedOn, calendar, due) => {
    expect(ruleSetOn(startedOn)?.id ?? null).toBe(law);
    const timer = businessStartNoticeDue(startedOn, calendar);
    if (due === null) {
      expect(timer).toBeNull();
      return;
    }
    expect(timer).toMatchObject({
      ruleKey: 'business.start_notice_deadline',
      startsOn: startedOn,
      dueOn: due,
      confirmed: true,
      term: false,
    });
    expect(timer?.citation.document).toContain('NĐ 96/2016');
  });
});

describe('§12 lost security certificate: within 3 working days', () => {
  it.each<[string, Law, string, WorkCalendar, string]>([
    ['across a weekend', 'law73-2025-03', '2025-03-06', L, '2025-03-11'],
    ['across Tết 2025', 'law73-2022', '2025-01-27', L, '2025-02-06'],
    ['across Tết 2026', 'law73-2025-07', '2026-02-13', L, '2026-02-25'],
    ['with a declared day off', 'law73-2025-03', '2025-04-29', OFF_2_MAY_2025, '2025-05-07'],
    ['with a make-up Saturday', 'law73-2025-03', '2025-04-25', MAKE_UP_26_APR_2025, '2025-04-29'],
    ['Law 120 across 2/9', 'law120-2026', '2026-09-01', L, '2026-09-08'],
    ['Law 120 across Tết 2027', 'law120-2026', '2027-02-04', L, '2027-02-16'],
    ['Law 120 with a declared day off', 'law120-2026', '2026-07-01', OFF_3_JUL_2026, '2026-07-07'],
  ])('%s', (_label, law, lostOn, calendar, due) => {
    expectLaw(lostOn, law);
    expect(lostCertificateNoticeDue(lostOn, calendar)).toMatchObject({
      ruleKey: 'business.lost_certificate_notice_deadline',
      dueOn: due,
      confirmed: true,
    });
  });
});

describe('§12 business security report: quarterly, due at the quarter’s end', () => {
  it.each<[Law, string, string, string]>([
    ['law73-2022', '2024-02-14', '2024-01-01', '2024-03-31'],
    ['law73-2025-03', '2025-03-31', '2025-01-01', '2025-03-31'],
    ['law73-2025-03', '2025-04-01', '2025-04-01', '2025-06-30'],
    ['law73-2025-07', '2025-09-30', '2025-07-01', '2025-09-30'],
    ['law73-2025-07', '2025-12-31', '2025-10-01', '2025-12-31'],
    ['law120-2026', '2026-07-01', '2026-07-01', '2026-09-30'],
    ['law120-2026', '2026-11-15', '2026-10-01', '2026-12-31'],
  ])('%s: %s falls in the quarter %s–%s', (law, date, startsOn, dueOn) => {
    expectLaw(date, law);
    expect(businessSecurityReportDue(date)).toMatchObject({
      ruleKey: 'business.security_report_period',
      startsOn,
      dueOn,
      confirmed: true,
    });
  });
});

describe('§12 police statistical reports: before the 16th/18th/20th/24th of the period’s last month (TT 13/2022)', () => {
  it('keeps the day numbers of TT 13/2022 as cited data', () => {
    expect(POLICE_REPORT_DEADLINES.levels.map((l) => l.beforeDay)).toEqual([16, 18, 20, 24]);
    expect(POLICE_REPORT_DEADLINES.citation.document).toBe('TT 13/2022/TT-BCA');
  });

  it.each<[string, string, [string, boolean][]]>([
    // label, period end, [due, confirmed] per level: district, province, C04, ministry
    ['before TT 13/2022 applied', '2022-05-31', []],
    [
      'its first month',
      '2022-06-30',
      [
        ['2022-06-15', true],
        ['2022-06-17', true],
        ['2022-06-19', true],
        ['2022-06-23', true],
      ],
    ],
    [
      'the last month with district police',
      '2025-02-28',
      [
        ['2025-02-15', true],
        ['2025-02-17', true],
        ['2025-02-19', true],
        ['2025-02-23', true],
      ],
    ],
    [
      'without district police: routing unconfirmed',
      '2025-03-31',
      [
        ['2025-03-15', false],
        ['2025-03-17', false],
        ['2025-03-19', true],
        ['2025-03-23', true],
      ],
    ],
    [
      'under Law 120',
      '2026-12-31',
      [
        ['2026-12-15', false],
        ['2026-12-17', false],
        ['2026-12-19', true],
        ['2026-12-23', true],
      ],
    ],
  ])('%s (%s)', (_label, periodEnd, expected) => {
    const due = policeReportDeadlines(periodEnd);
    expect(due.map((d) => [d.dueOn, d.confirmed])).toEqual(expected);
    for (const d of due) expect(d).toMatchObject({ ruleKey: null, citation: { document: 'TT 13/2022/TT-BCA' } });
    if (due.length > 0) expect(due.map((d) => d.level)).toEqual(['district', 'province', 'c04', 'ministry']);
  });
});

describe('§12 Action Month: 1–30 June, national day 26 June (QĐ 93/2001/QĐ-TTg)', () => {
  it.each<[string, string, string, string]>([
    ['2025-03-10', '2025-06-01', '2025-06-30', '2025-06-26'],
    ['2026-06-30', '2026-06-01', '2026-06-30', '2026-06-26'],
    ['2027-12-31', '2027-06-01', '2027-06-30', '2027-06-26'],
  ])('in the year of %s', (date, startsOn, endsOn, nationalDay) => {
    expect(actionMonthOf(date)).toMatchObject({ startsOn, endsOn, nationalDay, ruleKey: null, confirmed: true });
    expect(actionMonthOf(date).citation.document).toBe('QĐ 93/2001/QĐ-TTg');
  });
});

// ---------------------------------------------------------------------------------------------
// Guards named by issue #5.
// ---------------------------------------------------------------------------------------------
describe('guards: ages for compulsory rehab', () => {
  it.each<[Law, PersonFacts, string, string, string | null]>([
    // law, person, decided, trigger, refused field (null: accepted)
    ['law73-2025-07', personBorn('2014-05-10'), '2026-05-09', 'art32_1', 'decidedOn'],
    ['law73-2025-07', personBorn('2014-05-10'), '2026-05-10', 'art32_1', null],
    ['law120-2026', personBorn('2014-08-10'), '2026-08-09', 'art32_3', 'decidedOn'],
    ['law120-2026', personBorn('2014-08-10'), '2026-08-10', 'art32_3', null],
    ['law73-2025-07', personBorn('2008-05-10'), '2026-05-09', 'art32_4', 'data.trigger'],
    ['law73-2025-07', personBorn('2008-05-10'), '2026-05-10', 'art32_4', null],
    ['law120-2026', personBorn('2008-07-15'), '2026-07-14', 'art32_4', 'data.trigger'],
    ['law120-2026', personBorn('2008-07-15'), '2026-07-15', 'art32_4', null],
  ])('%s: born %o, %s, %s', (law, person, decidedOn, trigger, refused) => {
    expectLaw(decidedOn, law);
    const result = runStep(
      'compulsory_rehab',
      'trigger',
      { trigger },
      contextOn(decidedOn, person, proc('compulsory_rehab', 'new')),
    );
    if (refused === null) {
      expect(outcomeOf(result).to).toBe('triggered');
      return;
    }
    const problem = problemAt(result, refused);
    if (refused === 'decidedOn') expect(problem.rule?.key).toBe('compulsory.min_age');
    else expect(problem.message.vi).toContain('Điều 33');
  });

  it('marks a 12-year-old’s case as a minor’s', () => {
    const outcome = outcomeOf(
      runStep(
        'compulsory_rehab',
        'trigger',
        { trigger: 'art32_1' },
        contextOn('2026-05-10', personBorn('2014-05-10'), proc('compulsory_rehab', 'new')),
      ),
    );
    expect(outcome.data).toMatchObject({ minor: true, discoveredOn: '2026-05-10' });
  });
});

describe('guards: what a positive test opens', () => {
  const testOn = '2025-03-10';
  const record = (others: ProcedureFacts[], person: PersonFacts = ADULT) =>
    outcomeOf(
      runStep('drug_test', 'record', POSITIVE_TEST, contextOn(testOn, person, proc('drug_test', 'new', {}, testOn, 10), others)),
    );
  it.each<[string, ProcedureFacts[], PersonFacts, string | null]>([
    ['under management: determination (a)', [proc('illegal_user_management', 'active', {}, '2025-01-10', 2)], ADULT, 'a'],
    ['under post-rehab: determination (d)', [proc('post_rehab', 'active', {}, '2025-01-10', 2)], ADULT, 'd'],
    ['no stable residence: determination (b)', [], { ...ADULT, hasStableResidence: false }, 'b'],
    ['first detection: management proposed', [], ADULT, 'management'],
    [
      'management expired: management proposed again',
      [proc('illegal_user_management', 'expired', {}, '2025-01-10', 2)],
      ADULT,
      'management',
    ],
    ['in voluntary rehab: nothing automatic', [proc('voluntary_rehab', 'active', {}, '2025-01-10', 2)], ADULT, null],
    [
      'a determination already open: no second one',
      [proc('illegal_user_management', 'active', {}, '2025-01-10', 2), proc('determination', 'to_request', {}, '2025-03-01', 3)],
      ADULT,
      null,
    ],
    [
      'management already proposed: no second proposal',
      [proc('illegal_user_management', 'proposed', {}, '2025-03-01', 2)],
      ADULT,
      null,
    ],
  ])('%s', (_label, others, person, opens) => {
    const followUps = record(others, person).followUps ?? [];
    if (opens === null) expect(followUps).toEqual([]);
    else if (opens === 'management')
      expect(followUps).toEqual([
        expect.objectContaining({
          kind: 'illegal_user_management',
          action: 'propose',
          data: { basisTestId: fakeId(10), resultReceivedOn: testOn },
        }),
      ]);
    else
      expect(followUps).toEqual([
        expect.objectContaining({
          kind: 'determination',
          action: 'open_case',
          data: { trigger: opens, basisTestId: fakeId(10) },
        }),
      ]);
  });

  it('the determination request it opens is taken by the system only', () => {
    const managed = proc('illegal_user_management', 'active', {}, '2025-01-10', 2);
    const [followUp] = record([managed]).followUps ?? [];
    const ctx = contextOn(testOn, ADULT, proc('determination', 'new'), [managed]);
    expect(runStep('determination', 'open_case', followUp?.data, ctx)).toEqual({
      ok: false,
      reason: 'not_allowed',
      allowed: ['request'],
    });
    expect(outcomeOf(runStep('determination', 'open_case', followUp?.data, ctx, { system: true })).to).toBe('to_request');
  });

  it('the management it proposes carries the 3-working-day deadline from the test', () => {
    const [followUp] = record([]).followUps ?? [];
    const outcome = outcomeOf(
      runStep(
        'illegal_user_management',
        'propose',
        followUp?.data,
        contextOn(testOn, ADULT, proc('illegal_user_management', 'new')),
      ),
    );
    expect(opened(outcome, 'illegal_user.decision_deadline').dueOn).toBe('2025-03-13');
  });
});

// Relapse (tái nghiện, NĐ 116/2021 Điều 3(6); DOMAIN.md §2) is a fact at any age, so the post-rehab
// management ends as relapsed for a minor too; only the compulsory trigger of Điều 32(4) is not
// listed for minors (Điều 33; DOMAIN.md §4.7).
describe('guards: relapse during post-rehab (Điều 32(4); minors excluded by Điều 33)', () => {
  const postRehab = proc(
    'post_rehab',
    'active',
    { basis: 'voluntary', startDate: '2025-01-10', endDate: '2026-01-10' },
    '2025-01-10',
    21,
  );
  const requestedD = (on: string) =>
    proc('determination', 'requested', { trigger: 'd', facilityId: fakeId(5), requestedOn: on }, on, 20);
  const addicted = {
    result: 'addicted',
    criteriaMet: [1, 2, 5],
    criteriaPattern: 'recurring_12_months',
    substanceGroup: 'opioid',
  };
  it.each<[string, Law, PersonFacts, string, boolean]>([
    ['adult, Law 73', 'law73-2025-03', ADULT, '2025-03-20', true],
    ['aged 17, Law 73', 'law73-2025-07', personBorn('2008-05-10'), '2026-05-09', false],
    ['aged 18 that day, Law 73', 'law73-2025-07', personBorn('2008-05-10'), '2026-05-10', true],
    ['adult, Law 120', 'law120-2026', ADULT, '2026-07-20', true],
    ['aged 17, Law 120', 'law120-2026', personBorn('2008-07-15'), '2026-07-14', false],
  ])('%s', (_label, law, person, on, opensCompulsory) => {
    expectLaw(on, law);
    const outcome = outcomeOf(runStep('determination', 'conclude', addicted, contextOn(on, person, requestedD(on), [postRehab])));
    expect(outcome.sideSteps).toEqual([{ procedureId: fakeId(21), action: 'relapse', data: { determinationId: fakeId(20) } }]);
    if (!opensCompulsory) {
      expect(outcome.followUps).toEqual([]);
      return;
    }
    expect(outcome.followUps).toEqual([
      expect.objectContaining({
        kind: 'compulsory_rehab',
        action: 'trigger',
        data: { trigger: 'art32_4', determinationId: fakeId(20) },
      }),
    ]);
    // The follow-up and the side step are steps the real machines accept.
    const [followUp] = outcome.followUps ?? [];
    expect(
      outcomeOf(runStep('compulsory_rehab', 'trigger', followUp?.data, contextOn(on, person, proc('compulsory_rehab', 'new'))))
        .to,
    ).toBe('triggered');
    const [side] = outcome.sideSteps ?? [];
    const relapse = outcomeOf(runStep('post_rehab', 'relapse', side?.data, contextOn(on, person, postRehab), { system: true }));
    expect(relapse).toMatchObject({ to: 'relapsed', close: ['post_rehab.term_end'] });
  });

  it.each<[string, Record<string, unknown>, ProcedureFacts]>([
    [
      'a result of "not addicted"',
      { result: 'not_addicted', criteriaMet: [1], criteriaPattern: 'neither', substanceGroup: 'opioid' },
      requestedD('2025-03-20'),
    ],
    [
      'a case (a) result',
      addicted,
      proc('determination', 'requested', { trigger: 'a', facilityId: fakeId(5) }, '2025-03-20', 20),
    ],
  ])('%s relapses nothing', (_label, data, determination) => {
    const outcome = outcomeOf(
      runStep('determination', 'conclude', data, contextOn('2025-03-20', ADULT, determination, [postRehab])),
    );
    expect(outcome.sideSteps).toBeUndefined();
    expect(outcome.followUps).toBeUndefined();
  });
});

describe('guards: at least 3 of the 6 criteria (TT 18/2021 Điều 3)', () => {
  const requested = proc('determination', 'requested', { trigger: 'dd', facilityId: fakeId(5) }, '2025-03-10');
  it.each<[string, number[], string, string | null]>([
    // result, criteria, pattern, refused field (null: accepted)
    ['addicted', [1, 2], 'together_1_month', 'data.criteriaMet'],
    ['addicted', [1, 2, 3], 'together_1_month', null],
    ['addicted', [2, 4, 6], 'recurring_12_months', null],
    ['addicted', [1, 2, 3, 4, 5, 6], 'neither', 'data.criteriaMet'],
    ['addicted', [1, 1, 2], 'together_1_month', 'data.criteriaMet'],
    ['not_addicted', [1, 2], 'together_1_month', null],
    ['not_addicted', [1, 2, 3, 4], 'neither', null],
    ['not_addicted', [1, 2, 3], 'together_1_month', 'data.result'],
    ['not_addicted', [3, 4, 5, 6], 'recurring_12_months', 'data.result'],
  ])('%s with %j (%s)', (result, criteriaMet, criteriaPattern, refused) => {
    const data = { result, criteriaMet, criteriaPattern, substanceGroup: 'cannabis' };
    const step = runStep('determination', 'conclude', data, contextOn('2025-03-20', ADULT, requested));
    if (refused === null) expect(outcomeOf(step).to).toBe(result);
    else problemAt(step, refused);
  });
});

describe('guards: dates and decisions', () => {
  it.each<[string, ProcedureKind, string, ProcedureFacts, Record<string, unknown>, string]>([
    [
      'management decided before the positive result',
      'illegal_user_management',
      'decide',
      proc('illegal_user_management', 'proposed', { resultReceivedOn: '2025-03-10' }, '2025-03-05'),
      {},
      '2025-03-09',
    ],
    [
      'management proposed before the result it rests on',
      'illegal_user_management',
      'propose',
      proc('illegal_user_management', 'new'),
      { basisTestId: fakeId(9), resultReceivedOn: '2025-03-10' },
      '2025-03-09',
    ],
    [
      'post-rehab decided before completion',
      'post_rehab',
      'decide',
      proc('post_rehab', 'proposed', { basis: 'ost', completedOn: '2025-03-10' }, '2025-03-01'),
      {},
      '2025-03-09',
    ],
    [
      'voluntary rehab certified before its term ends',
      'voluntary_rehab',
      'complete',
      proc('voluntary_rehab', 'active', { endDate: '2025-09-10' }, '2025-03-10'),
      { stagesCompleted: true },
      '2025-09-09',
    ],
    ['a step dated before the previous step', 'ost', 'accept', proc('ost', 'registered', {}, '2025-03-10'), {}, '2025-03-09'],
  ])('refuses %s', (_label, kind, action, procedure, data, decidedOn) => {
    problemAt(runStep(kind, action, data, contextOn(decidedOn, ADULT, procedure)), 'decidedOn');
  });

  it('refuses a date after today', () => {
    const result = runStep(
      'ost',
      'accept',
      {},
      contextOn('2025-03-11', ADULT, proc('ost', 'registered', {}, '2025-03-10'), [], { today: '2025-03-10' }),
    );
    problemAt(result, 'decidedOn');
  });

  it('needs a decision number where the law makes the step a decision', () => {
    const proposed = proc('illegal_user_management', 'proposed', { resultReceivedOn: '2025-03-10' }, '2025-03-10');
    problemAt(
      runStep('illegal_user_management', 'decide', {}, contextOn('2025-03-11', ADULT, proposed, [], { decisionNo: null })),
      'decisionNo',
    );
  });

  it.each<[ProcedureKind, string, string, string[]]>([
    ['illegal_user_management', 'new', 'decide', ['propose']],
    ['illegal_user_management', 'active', 'decide', ['stop', 'expire']],
    ['determination', 'new', 'open_case', ['request']],
    ['post_rehab', 'active', 'relapse', ['complete']],
    ['compulsory_rehab', 'court_decided', 'court_decide', ['interim_management', 'admit']],
    ['ost', 'completed', 'terminate', []],
    ['drug_test', 'positive', 'record', []],
    ['voluntary_rehab', 'registered', 'no_such_action', ['decide', 'record_violation', 'withdraw']],
  ])('%s in state %s: %s is not allowed', (kind, state, action, allowed) => {
    expect(runStep(kind, action, {}, contextOn('2025-03-10', ADULT, proc(kind, state, {}, '2025-03-01')))).toEqual({
      ok: false,
      reason: 'not_allowed',
      allowed,
    });
  });
});

describe('classificationOf: precedence when several procedures run', () => {
  const PRODUCERS: Record<Exclude<Classification, 'NONE'>, ProcedureFacts> = {
    COMPULSORY_REHAB: proc('compulsory_rehab', 'admitted', {}, '2025-03-01', 61),
    COMPULSORY_PROCEDURE_PENDING: proc('compulsory_rehab', 'triggered', {}, '2025-03-01', 62),
    VOLUNTARY_REHAB_FACILITY: proc('voluntary_rehab', 'active', { setting: 'facility' }, '2025-03-01', 63),
    VOLUNTARY_REHAB_HOME_COMMUNITY: proc('voluntary_rehab', 'active', { setting: 'home_community' }, '2025-03-01', 64),
    OST_PATIENT: proc('ost', 'active', {}, '2025-03-01', 65),
    COMMUNE_EDUCATION_MEASURE: proc('education_at_commune', 'active', {}, '2025-03-01', 66),
    POST_REHAB_MANAGEMENT: proc('post_rehab', 'active', {}, '2025-03-01', 67),
    ADDICT_NOT_IN_TREATMENT: proc('determination', 'addicted', {}, '2025-03-01', 68),
    ILLEGAL_USER_UNDER_MANAGEMENT: proc('illegal_user_management', 'active', {}, '2025-03-01', 69),
  };
  const pairs = CLASSIFICATION_PRECEDENCE.flatMap((higher, i) =>
    CLASSIFICATION_PRECEDENCE.slice(i + 1).map((lower) => [higher, lower] as const),
  );

  it.each(pairs)('%s wins over %s', (higher, lower) => {
    const a = PRODUCERS[higher as Exclude<Classification, 'NONE'>];
    const b = PRODUCERS[lower as Exclude<Classification, 'NONE'>];
    expect(classificationOf([b, a])).toBe(higher);
    expect(classificationOf([a, b])).toBe(higher);
  });

  it.each<[string, ProcedureFacts[], Classification]>([
    ['nothing', [], 'NONE'],
    ['management expired', [proc('illegal_user_management', 'expired')], 'NONE'],
    [
      'addicted, then only registered for voluntary rehab',
      [proc('determination', 'addicted', {}, '2025-03-01', 1), proc('voluntary_rehab', 'registered', {}, '2025-03-05', 2)],
      'ADDICT_NOT_IN_TREATMENT',
    ],
    [
      'addicted, then OST refused',
      [proc('determination', 'addicted', {}, '2025-03-01', 1), proc('ost', 'refused', {}, '2025-03-05', 2)],
      'ADDICT_NOT_IN_TREATMENT',
    ],
    [
      'addicted after an OST completed earlier',
      [proc('determination', 'addicted', {}, '2025-03-01', 1), proc('ost', 'completed', {}, '2024-03-05', 2)],
      'ADDICT_NOT_IN_TREATMENT',
    ],
    [
      'addicted, then voluntary rehab completed',
      [proc('determination', 'addicted', {}, '2025-03-01', 1), proc('voluntary_rehab', 'completed', {}, '2025-10-05', 2)],
      'NONE',
    ],
    [
      'addicted, rehab completed, under post-rehab',
      [
        proc('determination', 'addicted', {}, '2025-03-01', 1),
        proc('voluntary_rehab', 'completed', {}, '2025-10-05', 2),
        proc('post_rehab', 'active', {}, '2025-10-06', 3),
      ],
      'POST_REHAB_MANAGEMENT',
    ],
    [
      'voluntary rehab still registered only, under management',
      [
        proc('voluntary_rehab', 'registered', {}, '2025-03-05', 2),
        proc('illegal_user_management', 'active', {}, '2025-01-01', 3),
      ],
      'ILLEGAL_USER_UNDER_MANAGEMENT',
    ],
  ])('%s → %s', (_label, procedures, expected) => {
    expect(classificationOf(procedures)).toBe(expected);
  });
});
