import { z } from 'zod';
import { addMonths } from '../calendar/iso-date';
import { Dates, Months, Reason, ShortText } from './fields';
import {
  ageOn,
  deadlineFrom,
  inOrder,
  monthsInRange,
  monthsTermEnd,
  notBefore,
  plainProblem,
  requireRule,
  ruleProblem,
  termDeadline,
} from './guards';
import type { Problem, ProcedureDefinition, StepContext } from './types';

/** Eligibility (NĐ 120/2021; DOMAIN.md §4.8): 14+, not a foreigner, a third use within 6 months, within 3 months of it. */
function eligibility(ctx: StepContext<unknown>, violationDates: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const dates = [...violationDates].sort();
  const last = dates.at(-1);
  if (ctx.person.nationality !== 'VN')
    problems.push(
      plainProblem(
        ['data', 'violationDates'],
        'Không áp dụng giáo dục tại xã, phường, thị trấn đối với người nước ngoài (NĐ 120/2021/NĐ-CP).',
        'Education at commune does not apply to foreigners (NĐ 120/2021).',
      ),
    );
  const minAge = requireRule(ctx, 'education_at_commune.min_age');
  if (last && minAge.value?.kind === 'age' && ageOn(ctx.person, last) < minAge.value.years)
    problems.push(
      ruleProblem(
        ['data', 'violationDates'],
        minAge,
        `Chỉ áp dụng với người từ đủ ${minAge.value.years} tuổi`,
        `Only from age ${minAge.value.years}`,
      ),
    );
  const count = requireRule(ctx, 'education_at_commune.violation_count');
  const window = requireRule(ctx, 'education_at_commune.violation_window');
  if (count.value?.kind === 'count' && window.value?.kind === 'duration') {
    const needed = count.value.value;
    const months = window.value.amount;
    const recent = last ? dates.filter((d) => d >= addMonths(last, -months)) : [];
    if (recent.length < needed)
      problems.push(
        ruleProblem(
          ['data', 'violationDates'],
          count,
          `Cần ${needed} lần sử dụng trái phép (2 lần đã bị xử phạt và lần thứ ba bị lập biên bản) trong ${window.value.amount} tháng`,
          `Needs ${needed} uses (two sanctioned, the third recorded) within ${window.value.amount} months`,
        ),
      );
  }
  const limitation = requireRule(ctx, 'education_at_commune.limitation');
  if (last && limitation.value?.kind === 'duration' && ctx.decidedOn > addMonths(last, limitation.value.amount))
    problems.push(
      ruleProblem(
        ['decidedOn'],
        limitation,
        `Đã hết thời hiệu ${limitation.value.amount} tháng kể từ lần vi phạm cuối`,
        `The ${limitation.value.amount}-month limitation has run out`,
      ),
    );
  if (last) problems.push(...notBefore(ctx, last, { vi: 'lần vi phạm cuối', en: 'the last violation' }));
  return problems;
}

/**
 * Education at commune (giáo dục tại xã, phường, thị trấn; NĐ 120/2021; DOMAIN.md §4.8): 3–6
 * months; a helper assigned within 5 working days of the decision, at most 3 persons per helper.
 * The decision-maker is unconfirmed (the commune chairman under the general rule).
 */
export const EDUCATION_AT_COMMUNE: ProcedureDefinition = {
  kind: 'education_at_commune',
  label: { vi: 'Giáo dục tại xã, phường, thị trấn', en: 'Education at commune' },
  citation: 'NĐ 120/2021/NĐ-CP; Luật Xử lý vi phạm hành chính',
  states: {
    proposed: { label: { vi: 'Đề nghị áp dụng', en: 'Proposed' }, active: true },
    decided: {
      label: { vi: 'Đã quyết định, chờ phân công người giúp đỡ', en: 'Decided, helper to assign' },
      active: true,
      classification: 'COMMUNE_EDUCATION_MEASURE',
    },
    active: { label: { vi: 'Đang chấp hành', en: 'In progress' }, active: true, classification: 'COMMUNE_EDUCATION_MEASURE' },
    completed: { label: { vi: 'Chấp hành xong', en: 'Completed' }, active: false },
    cancelled: { label: { vi: 'Không áp dụng', en: 'Not applied' }, active: false },
  },
  actions: {
    propose: {
      label: { vi: 'Đề nghị giáo dục tại xã', en: 'Propose education at commune' },
      from: ['new'],
      to: ['proposed'],
      actors: ['police'],
      decisionRequired: false,
      schema: z.strictObject({ violationDates: Dates.min(1) }),
      apply: (ctx) => {
        const problems = [...inOrder(ctx), ...eligibility(ctx, ctx.data.violationDates)];
        return problems.length > 0 ? problems : { to: 'proposed', data: { violationDates: [...ctx.data.violationDates].sort() } };
      },
    },
    decide: {
      label: { vi: 'Quyết định áp dụng', en: 'Decide' },
      from: ['proposed'],
      to: ['decided'],
      actors: ['people_committee'],
      decisionRequired: true,
      schema: z.strictObject({ months: Months }),
      apply: (ctx) => {
        const dates = (ctx.procedure.data.violationDates as string[] | undefined) ?? [];
        const rule = requireRule(ctx, 'education_at_commune.duration');
        const problems = [
          ...inOrder(ctx),
          ...eligibility(ctx, dates),
          ...monthsInRange(rule, ctx.data.months, ['data', 'months']),
        ];
        if (problems.length > 0) return problems;
        const endDate = monthsTermEnd(ctx.decidedOn, ctx.data.months);
        return {
          to: 'decided',
          data: { months: ctx.data.months, startDate: ctx.decidedOn, endDate },
          open: [
            deadlineFrom(ctx, 'education_at_commune.helper_deadline', 'education_at_commune.helper_deadline', ctx.decidedOn),
            termDeadline('education_at_commune.term_end', rule.key, ctx.decidedOn, endDate, rule.confirmed),
          ],
        };
      },
    },
    assign_helper: {
      label: { vi: 'Phân công người giúp đỡ', en: 'Assign a helper' },
      from: ['decided'],
      to: ['active'],
      actors: ['people_committee', 'police'],
      decisionRequired: false,
      schema: z.strictObject({ helperName: ShortText }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const max = requireRule(ctx, 'education_at_commune.max_persons_per_helper');
        if (max.value?.kind === 'count' && (ctx.helperLoad ?? 0) >= max.value.value)
          problems.push(
            ruleProblem(
              ['data', 'helperName'],
              max,
              `Một người giúp đỡ không quá ${max.value.value} người cùng lúc`,
              `A helper has at most ${max.value.value} persons at a time`,
            ),
          );
        if (problems.length > 0) return problems;
        return {
          to: 'active',
          data: { helperName: ctx.data.helperName, helperAssignedOn: ctx.decidedOn },
          close: ['education_at_commune.helper_deadline'],
        };
      },
    },
    complete: {
      label: { vi: 'Chấp hành xong', en: 'Complete' },
      from: ['active'],
      to: ['completed'],
      actors: ['people_committee', 'police'],
      decisionRequired: false,
      schema: z.strictObject({}),
      apply: (ctx) => {
        const end = String(ctx.procedure.data.endDate);
        const problems = [...inOrder(ctx), ...notBefore(ctx, end, { vi: 'ngày hết thời hạn', en: 'the end of the term' })];
        return problems.length > 0
          ? problems
          : { to: 'completed', data: { completedOn: ctx.decidedOn }, close: ['education_at_commune.term_end'] };
      },
    },
    cancel: {
      label: { vi: 'Không áp dụng (ghi lý do)', en: 'Do not apply (give the reason)' },
      from: ['proposed'],
      to: ['cancelled'],
      actors: ['police', 'people_committee'],
      decisionRequired: false,
      schema: z.strictObject({ reason: Reason }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        return problems.length > 0 ? problems : { to: 'cancelled', data: { cancelReason: ctx.data.reason } };
      },
    },
  },
};
