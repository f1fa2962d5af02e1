import { z } from 'zod';
import { addYears } from '../calendar/iso-date';
import { Reason, RecordId, ShortText } from './fields';
import { ageOn, inOrder, othersIn, plainProblem, requireRule, ruleProblem, termEnd, unconfirmed } from './guards';
import type { FollowUp, ProcedureDefinition, SideStep, StepContext } from './types';

/** Cases that must be determined (Law 73/2021 Điều 27(1), points a–đ; DOMAIN.md §4.4). */
export const DETERMINATION_TRIGGERS = ['a', 'b', 'c', 'd', 'dd'] as const;
/** How the criteria occurred (TT 18/2021/TT-BYT Điều 3). */
export const CRITERIA_PATTERNS = ['together_1_month', 'recurring_12_months', 'neither'] as const;
export const SUBSTANCE_GROUPS = ['opioid', 'stimulant', 'cannabis', 'other'] as const;

const Conclude = z.strictObject({
  result: z.enum(['addicted', 'not_addicted']),
  /** Which of the 6 diagnostic criteria of TT 18/2021 Điều 3 were met. */
  criteriaMet: z.array(z.number().int().min(1).max(6)).max(6),
  criteriaPattern: z.enum(CRITERIA_PATTERNS),
  substanceGroup: z.enum(SUBSTANCE_GROUPS),
});

/** Whether the trigger fits the person's file (Điều 27(1)); `đ` (voluntary) always fits. */
function triggerProblems(ctx: StepContext<{ trigger: string }>) {
  const has = (kind: Parameters<typeof othersIn>[1], states: string[]) => othersIn(ctx.others, kind, states).length > 0;
  // Điều 27(1)(c): during education at commune or within 1 year after it ends.
  const window = requireRule(ctx, 'determination.after_education_window').value;
  const fits: Record<string, boolean> = {
    a: has('illegal_user_management', ['active']),
    b: !ctx.person.hasStableResidence,
    c: ctx.others.some(
      (p) =>
        p.kind === 'education_at_commune' &&
        (['decided', 'active'].includes(p.state) ||
          (p.state === 'completed' &&
            window?.kind === 'duration' &&
            ctx.decidedOn <= addYears(String(p.data.endDate ?? p.lastOn), window.amount))),
    ),
    d: has('post_rehab', ['active']),
    dd: true,
  };
  if (fits[ctx.data.trigger]) return [];
  return [
    plainProblem(
      ['data', 'trigger'],
      'Trường hợp xác định nghiện không khớp với hồ sơ: (a) đang bị quản lý, (b) không có nơi cư trú ổn định, (c) đang hoặc đã giáo dục tại xã, (d) đang quản lý sau cai nghiện (Điều 27(1) Luật 73/2021/QH14).',
      'The determination case does not match the file: (a) under management, (b) no stable residence, (c) under or after education at commune, (d) under post-rehab management (Law 73/2021 Art 27(1)).',
    ),
  ];
}

/**
 * Addiction determination (xác định tình trạng nghiện; Law 73/2021 Điều 27, NĐ 109/2021,
 * TT 18/2021/TT-BYT; result on Mẫu 04). A positive test in a listed situation opens the case; the
 * police file it with a competent health facility, whose staff alone record the result.
 */
export const DETERMINATION: ProcedureDefinition = {
  kind: 'determination',
  label: { vi: 'Xác định tình trạng nghiện ma túy', en: 'Addiction determination' },
  citation: 'Điều 27 Luật 73/2021/QH14; NĐ 109/2021/NĐ-CP; TT 18/2021/TT-BYT; Mẫu 04',
  facilityLinked: 'health',
  states: {
    to_request: { label: { vi: 'Cần đề nghị xác định', en: 'To be requested' }, active: true },
    requested: { label: { vi: 'Đã đề nghị, chờ kết quả', en: 'Requested, awaiting result' }, active: true },
    addicted: { label: { vi: 'Kết quả: nghiện', en: 'Result: addicted' }, active: false },
    not_addicted: { label: { vi: 'Kết quả: không nghiện', en: 'Result: not addicted' }, active: false },
    withdrawn: { label: { vi: 'Rút đề nghị', en: 'Withdrawn' }, active: false },
  },
  actions: {
    open_case: {
      label: { vi: 'Mở trường hợp phải xác định nghiện', en: 'Open a case to determine' },
      from: ['new'],
      to: ['to_request'],
      actors: ['system'],
      systemOnly: true,
      decisionRequired: false,
      schema: z.strictObject({ trigger: z.enum(DETERMINATION_TRIGGERS), basisTestId: RecordId.optional() }),
      apply: (ctx) => {
        const problems = [...inOrder(ctx), ...triggerProblems(ctx)];
        return problems.length > 0 ? problems : { to: 'to_request', data: { ...ctx.data } };
      },
    },
    request: {
      label: { vi: 'Đề nghị cơ sở y tế xác định', en: 'Request determination from a health facility' },
      from: ['new', 'to_request'],
      to: ['requested'],
      actors: ['police'],
      decisionRequired: false,
      schema: z.strictObject({
        trigger: z.enum(DETERMINATION_TRIGGERS).optional(),
        facilityId: RecordId,
        requestingUnit: ShortText.optional(),
      }),
      apply: (ctx) => {
        const trigger = ctx.data.trigger ?? (ctx.procedure.data.trigger as string | undefined);
        if (!trigger)
          return [
            plainProblem(
              ['data', 'trigger'],
              'Chọn trường hợp xác định nghiện (Điều 27(1)).',
              'Choose the determination case (Art 27(1)).',
            ),
          ];
        const problems = [...inOrder(ctx), ...triggerProblems({ ...ctx, data: { trigger } })];
        if (problems.length > 0) return problems;
        return { to: 'requested', data: { ...ctx.data, trigger, requestedOn: ctx.decidedOn } };
      },
    },
    conclude: {
      label: { vi: 'Ghi kết quả xác định (Mẫu 04)', en: 'Record the result (form 04)' },
      from: ['requested'],
      to: ['addicted', 'not_addicted'],
      actors: ['health'],
      decisionRequired: true,
      schema: Conclude,
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const min = requireRule(ctx, 'determination.min_criteria');
        const needed = min.value?.kind === 'count' ? min.value.value : 3;
        const count = new Set(ctx.data.criteriaMet).size;
        if (count !== ctx.data.criteriaMet.length)
          problems.push(plainProblem(['data', 'criteriaMet'], 'Mỗi tiêu chuẩn chỉ ghi một lần.', 'List each criterion once.'));
        const meets = count >= needed && ctx.data.criteriaPattern !== 'neither';
        if (ctx.data.result === 'addicted' && !meets)
          problems.push(
            ruleProblem(
              ['data', 'criteriaMet'],
              min,
              `Kết luận nghiện cần ít nhất ${needed} trong 6 tiêu chuẩn cùng xuất hiện ít nhất 1 tháng hoặc lặp lại trong 12 tháng`,
              `Addiction needs at least ${needed} of the 6 criteria together for 1 month or recurring within 12 months`,
            ),
          );
        if (ctx.data.result === 'not_addicted' && meets)
          problems.push(
            ruleProblem(
              ['data', 'result'],
              min,
              `Đủ ${needed} tiêu chuẩn trở lên theo thời gian quy định thì kết luận là nghiện`,
              `Meeting ${needed} or more criteria over the required time means addicted`,
            ),
          );
        if (problems.length > 0) return problems;
        const validity = ctx.rule('determination.certificate_validity');
        const validUntil = validity?.value?.kind === 'duration' ? termEnd(ctx.decidedOn, validity.value, ctx.calendar) : null;
        const outcome = {
          to: ctx.data.result,
          data: { ...ctx.data, resultOn: ctx.decidedOn, formRef: 'NĐ109-Mẫu04', validUntil },
          unconfirmedRules: unconfirmed(min, validity),
        };
        if (ctx.data.result !== 'addicted' || ctx.procedure.data.trigger !== 'd') return outcome;
        return { ...outcome, ...relapseDuringPostRehab(ctx) };
      },
    },
    withdraw: {
      label: { vi: 'Rút đề nghị (ghi lý do)', en: 'Withdraw (give the reason)' },
      from: ['to_request', 'requested'],
      to: ['withdrawn'],
      actors: ['police'],
      decisionRequired: false,
      schema: z.strictObject({ reason: Reason }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        return problems.length > 0 ? problems : { to: 'withdrawn', data: { withdrawReason: ctx.data.reason } };
      },
    },
  },
};

/**
 * Relapse (tái nghiện, NĐ 116/2021 Điều 3(6)) during post-rehab management: the management ends as
 * relapsed, and for an adult the compulsory-rehab path opens (Law 73/2021 Điều 32(4)); minors are
 * not listed in Điều 33 for this trigger.
 */
function relapseDuringPostRehab(ctx: StepContext<unknown>): { followUps: FollowUp[]; sideSteps: SideStep[] } {
  const sideSteps = othersIn(ctx.others, 'post_rehab', ['active']).map((p) => ({
    procedureId: p.id,
    action: 'relapse',
    data: { determinationId: ctx.procedure.id },
  }));
  const adultAge = requireRule(ctx, 'compulsory.adult_min_age').value;
  const adult = adultAge?.kind === 'age' && ageOn(ctx.person, ctx.decidedOn) >= adultAge.years;
  const followUps: FollowUp[] = adult
    ? [
        {
          kind: 'compulsory_rehab',
          action: 'trigger',
          data: { trigger: 'art32_4', determinationId: ctx.procedure.id },
          reason: 'Tái nghiện trong thời gian quản lý sau cai nghiện (Điều 32(4) Luật 73/2021/QH14)',
        },
      ]
    : [];
  return { followUps, sideSteps };
}
