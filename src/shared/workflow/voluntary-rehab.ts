import { z } from 'zod';
import type { EffectiveRule } from '../rules';
import { Months, Reason, RecordId, ShortText } from './fields';
import {
  deadlineFrom,
  inOrder,
  monthsInRange,
  monthsTermEnd,
  notBefore,
  plainProblem,
  requireRule,
  ruleProblem,
  termDeadline,
  unconfirmed,
} from './guards';
import type { Problem, ProcedureDefinition, StepContext } from './types';

export const REHAB_SETTINGS = ['home_community', 'facility'] as const;
/** Violations recorded on Mẫu 27 that lead to compulsory rehab (NĐ 116/2021 Điều 33). */
export const VOLUNTARY_VIOLATIONS = ['not_carried_out', 'self_terminated', 'used_during_voluntary'] as const;

/** A first rehab or a later one (Law 120/2025: 24 or 36 months). */
function isRepeat(ctx: StepContext<unknown>): boolean {
  return ctx.others.some(
    (p) =>
      p.id !== ctx.procedure.id &&
      ((p.kind === 'voluntary_rehab' && ['completed', 'violated'].includes(p.state)) ||
        (p.kind === 'compulsory_rehab' && ['admitted', 'completed'].includes(p.state))),
  );
}

/**
 * The term the decision sets: a chosen 6–12 months under Law 73/2021, or the fixed 24 (first) or
 * 36 (later) months of Law 120/2025, whose scope for voluntary rehab is unconfirmed.
 */
function durationOf(ctx: StepContext<{ months?: number }>): { months: number; rule: EffectiveRule } | Problem[] {
  const base = requireRule(ctx, 'voluntary_rehab.duration');
  const repeat = isRepeat(ctx) ? ctx.rule('voluntary_rehab.duration_repeat') : null;
  const rule = repeat ?? base;
  const value = rule.value;
  if (value?.kind === 'range') {
    const problems = monthsInRange(rule, ctx.data.months, ['data', 'months']);
    return problems.length > 0 ? problems : { months: ctx.data.months as number, rule };
  }
  if (value?.kind === 'duration' && value.unit === 'months') {
    if (ctx.data.months !== undefined && ctx.data.months !== value.amount)
      return [
        ruleProblem(['data', 'months'], rule, `Thời hạn là ${value.amount} tháng`, `The duration is ${value.amount} months`),
      ];
    return { months: value.amount, rule };
  }
  throw new Error(`voluntary rehab duration has an unexpected value in ${rule.ruleSetId}`);
}

/**
 * Voluntary rehab at home/community or at a facility (Law 73/2021 Điều 30, 31; NĐ 116/2021;
 * DOMAIN.md §4.5). At home/community the commune chairman decides within 3 working days of a
 * complete registration (TTHC 1.010941); the commune (home) or the facility certifies completion,
 * which opens post-rehab management; a violation recorded on Mẫu 27 opens the compulsory path.
 */
export const VOLUNTARY_REHAB: ProcedureDefinition = {
  kind: 'voluntary_rehab',
  label: { vi: 'Cai nghiện ma túy tự nguyện', en: 'Voluntary rehab' },
  citation: 'Điều 30, 31 Luật 73/2021/QH14; NĐ 116/2021/NĐ-CP',
  facilityLinked: 'rehab',
  states: {
    registered: { label: { vi: 'Đã đăng ký, chờ quyết định', en: 'Registered, awaiting decision' }, active: true },
    active: { label: { vi: 'Đang cai nghiện', en: 'In rehab' }, active: true },
    completed: { label: { vi: 'Hoàn thành', en: 'Completed' }, active: false },
    violated: { label: { vi: 'Vi phạm (Mẫu 27)', en: 'Violation recorded (form 27)' }, active: false },
    withdrawn: { label: { vi: 'Rút đăng ký', en: 'Withdrawn' }, active: false },
  },
  actions: {
    register: {
      label: { vi: 'Đăng ký cai nghiện tự nguyện', en: 'Register for voluntary rehab' },
      from: ['new'],
      to: ['registered'],
      actors: ['police', 'people_committee', 'rehab'],
      decisionRequired: false,
      schema: z.strictObject({
        setting: z.enum(REHAB_SETTINGS),
        facilityId: RecordId.optional(),
        provider: ShortText.optional(),
        determinationId: RecordId.optional(),
      }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (ctx.data.setting === 'facility' && !ctx.data.facilityId)
          problems.push(plainProblem(['data', 'facilityId'], 'Chọn cơ sở cai nghiện.', 'Choose the rehab facility.'));
        if (problems.length > 0) return problems;
        const open =
          ctx.data.setting === 'home_community'
            ? [deadlineFrom(ctx, 'voluntary_rehab.decision_deadline', 'voluntary_rehab.decision_deadline', ctx.decidedOn)]
            : [];
        return { to: 'registered', data: { ...ctx.data, registeredOn: ctx.decidedOn }, open };
      },
    },
    decide: {
      label: { vi: 'Quyết định cai nghiện / tiếp nhận', en: 'Decide / admit' },
      from: ['registered'],
      to: ['active'],
      actors: ['people_committee', 'rehab'],
      decisionRequired: true,
      schema: z.strictObject({ months: Months.optional() }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const duration = durationOf(ctx);
        if (Array.isArray(duration)) problems.push(...duration);
        if (problems.length > 0 || Array.isArray(duration)) return problems;
        const endDate = monthsTermEnd(ctx.decidedOn, duration.months);
        return {
          to: 'active',
          data: { months: duration.months, startDate: ctx.decidedOn, endDate, durationRule: duration.rule.key },
          close: ['voluntary_rehab.decision_deadline'],
          open: [termDeadline('voluntary_rehab.term_end', duration.rule.key, ctx.decidedOn, endDate, duration.rule.confirmed)],
          unconfirmedRules: unconfirmed(duration.rule),
        };
      },
    },
    complete: {
      label: { vi: 'Cấp giấy chứng nhận hoàn thành', en: 'Certify completion' },
      from: ['active'],
      to: ['completed'],
      actors: ['people_committee', 'rehab'],
      decisionRequired: true,
      schema: z.strictObject({ stagesCompleted: z.literal(true) }),
      apply: (ctx) => {
        const end = String(ctx.procedure.data.endDate);
        const problems = [
          ...inOrder(ctx),
          ...notBefore(ctx, end, { vi: 'ngày hết thời hạn cai nghiện', en: 'the end of the term' }),
        ];
        if (problems.length > 0) return problems;
        return {
          to: 'completed',
          data: { completedOn: ctx.decidedOn },
          close: ['voluntary_rehab.term_end'],
          followUps: [
            {
              kind: 'post_rehab',
              action: 'propose',
              data: { basis: 'voluntary', completedOn: ctx.decidedOn, rehabId: ctx.procedure.id },
              reason: 'Hoàn thành cai nghiện tự nguyện: quản lý sau cai nghiện 1 năm (Điều 40 Luật 73/2021/QH14)',
            },
          ],
        };
      },
    },
    record_violation: {
      label: { vi: 'Lập biên bản vi phạm (Mẫu 27)', en: 'Record a violation (form 27)' },
      from: ['registered', 'active'],
      to: ['violated'],
      actors: ['police', 'people_committee'],
      decisionRequired: true,
      schema: z.strictObject({ violation: z.enum(VOLUNTARY_VIOLATIONS), description: Reason.optional() }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (problems.length > 0) return problems;
        const trigger = ctx.data.violation === 'used_during_voluntary' ? 'art32_2' : 'art32_1';
        return {
          to: 'violated',
          data: { violation: ctx.data.violation, violationOn: ctx.decidedOn, formRef: 'NĐ116-Mẫu27' },
          close: ['voluntary_rehab.decision_deadline', 'voluntary_rehab.term_end'],
          followUps: [
            {
              kind: 'compulsory_rehab',
              action: 'trigger',
              data: { trigger, violationRecordId: ctx.procedure.id },
              reason: 'Vi phạm cai nghiện tự nguyện (Điều 32 Luật 73/2021/QH14; Điều 33 NĐ 116/2021/NĐ-CP)',
            },
          ],
        };
      },
    },
    withdraw: {
      label: { vi: 'Rút đăng ký', en: 'Withdraw' },
      from: ['registered'],
      to: ['withdrawn'],
      actors: ['police', 'people_committee', 'rehab'],
      decisionRequired: false,
      schema: z.strictObject({ reason: Reason }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        return problems.length > 0
          ? problems
          : { to: 'withdrawn', data: { withdrawReason: ctx.data.reason }, close: ['voluntary_rehab.decision_deadline'] };
      },
    },
  },
};
