import { z } from 'zod';
import { addMonths } from '../calendar/iso-date';
import { Dates, Reason, RecordId } from './fields';
import { ageOn, deadlineFrom, inOrder, plainProblem, requireRule, ruleProblem } from './guards';
import type { Problem, ProcedureDefinition, StepContext } from './types';

export const OST_PHASES = ['induction', 'dose_adjustment', 'maintenance', 'tapering'] as const;
/**
 * Why treatment ends (NĐ 90/2016 as amended by NĐ 155/2018): at the patient's wish; abandoned
 * (tự ý bỏ điều trị); or for violation: non-compliance, opioid-positive tests after maintenance,
 * positive for other drugs, harming others or public order.
 */
export const OST_TERMINATIONS = [
  'patient_request',
  'abandoned',
  'noncompliance',
  'positive_opioid',
  'positive_other',
  'public_order',
] as const;

const Terminate = z.strictObject({
  reason: z.enum(OST_TERMINATIONS),
  /** Dates of the non-compliances or positive tests the termination rests on. */
  occurrences: Dates.default([]),
  description: Reason.optional(),
});

/** The count-within-window rules of termination for violation. */
function violationProblems(ctx: StepContext<z.infer<typeof Terminate>>): Problem[] {
  const check = (countKey: string, windowKey: string, from: string | null, vi: string, en: string): Problem[] => {
    const count = requireRule(ctx, countKey);
    const window = requireRule(ctx, windowKey);
    if (count.value?.kind !== 'count' || window.value?.kind !== 'duration') return [];
    const months = window.value.unit === 'years' ? window.value.amount * 12 : window.value.amount;
    // With `from` (positives), the window is the 12 months after reaching maintenance (DOMAIN.md
    // §4.6 "within 12 months after reaching maintenance dose"; the rule's title says the same), not
    // any 12 months later on; without it (non-compliance), any 6 months.
    const until = from === null ? null : addMonths(from, months);
    const dates = [...ctx.data.occurrences]
      .sort()
      .filter((d) => (from === null || d >= from) && (until === null || d <= until) && d <= ctx.decidedOn);
    const needed = count.value.value;
    const fits = dates.some((first, i) => {
      const last = dates[i + needed - 1];
      return last !== undefined && last <= addMonths(first, months);
    });
    return fits ? [] : [ruleProblem(['data', 'occurrences'], count, vi, en)];
  };
  if (ctx.data.reason === 'noncompliance')
    return check(
      'ost.termination_noncompliance_count',
      'ost.termination_noncompliance_window',
      null,
      'Chấm dứt vì không tuân thủ cần ít nhất 2 lần trong 6 tháng',
      'Termination for non-compliance needs at least 2 within 6 months',
    );
  if (ctx.data.reason === 'positive_opioid') {
    const maintenance = ctx.procedure.data.maintenanceOn as string | undefined;
    if (!maintenance)
      return [plainProblem(['data', 'reason'], 'Chưa đạt liều duy trì.', 'The maintenance dose has not been reached.')];
    return check(
      'ost.termination_positive_count',
      'ost.termination_positive_window',
      maintenance,
      'Chấm dứt vì dương tính cần ít nhất 2 lần liên tiếp trong 12 tháng sau khi đạt liều duy trì',
      'Termination for positive tests needs 2 consecutive within 12 months after maintenance',
    );
  }
  return [];
}

/**
 * Opioid substitution treatment (methadone; NĐ 90/2016/NĐ-CP amended by NĐ 155/2018; DOMAIN.md
 * §4.6). The facility head accepts within 10 working days of a valid registration; under 16 needs
 * a parent's or guardian's written consent. Abandoning or being terminated for violation opens
 * the compulsory path (Law 73/2021 Điều 32(3)); completion opens post-rehab management.
 */
export const OST: ProcedureDefinition = {
  kind: 'ost',
  label: { vi: 'Điều trị thay thế (Methadone)', en: 'Opioid substitution treatment' },
  citation: 'NĐ 90/2016/NĐ-CP, sửa đổi bởi NĐ 155/2018/NĐ-CP',
  facilityLinked: 'health',
  states: {
    registered: { label: { vi: 'Đã đăng ký, chờ tiếp nhận', en: 'Registered, awaiting acceptance' }, active: true },
    refused: { label: { vi: 'Không tiếp nhận', en: 'Not accepted' }, active: false },
    active: { label: { vi: 'Đang điều trị', en: 'In treatment' }, active: true, classification: 'OST_PATIENT' },
    completed: { label: { vi: 'Hoàn thành điều trị', en: 'Treatment completed' }, active: false },
    terminated: { label: { vi: 'Chấm dứt điều trị', en: 'Treatment terminated' }, active: false },
  },
  actions: {
    register: {
      label: { vi: 'Đăng ký điều trị', en: 'Register for treatment' },
      from: ['new'],
      to: ['registered'],
      actors: ['health', 'police'],
      decisionRequired: false,
      schema: z.strictObject({ facilityId: RecordId, parentalConsent: z.boolean().default(false) }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const age = requireRule(ctx, 'ost.min_age_without_consent');
        if (age.value?.kind === 'age' && ageOn(ctx.person, ctx.decidedOn) < age.value.years && !ctx.data.parentalConsent)
          problems.push(
            ruleProblem(
              ['data', 'parentalConsent'],
              age,
              `Người dưới ${age.value.years} tuổi cần đồng ý bằng văn bản của cha, mẹ hoặc người giám hộ`,
              `Under ${age.value.years} needs the written consent of a parent or guardian`,
            ),
          );
        if (problems.length > 0) return problems;
        return {
          to: 'registered',
          data: { ...ctx.data, registeredOn: ctx.decidedOn },
          open: [deadlineFrom(ctx, 'ost.acceptance_deadline', 'ost.acceptance_deadline', ctx.decidedOn)],
        };
      },
    },
    accept: {
      label: { vi: 'Tiếp nhận điều trị', en: 'Accept' },
      from: ['registered'],
      to: ['active'],
      actors: ['health'],
      decisionRequired: true,
      schema: z.strictObject({}),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        return problems.length > 0
          ? problems
          : { to: 'active', data: { acceptedOn: ctx.decidedOn, phase: 'induction' }, close: ['ost.acceptance_deadline'] };
      },
    },
    refuse: {
      label: { vi: 'Không tiếp nhận (ghi lý do)', en: 'Refuse (give the reason)' },
      from: ['registered'],
      to: ['refused'],
      actors: ['health'],
      decisionRequired: false,
      schema: z.strictObject({ reason: Reason }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        return problems.length > 0
          ? problems
          : { to: 'refused', data: { refuseReason: ctx.data.reason }, close: ['ost.acceptance_deadline'] };
      },
    },
    advance_phase: {
      label: { vi: 'Chuyển giai đoạn điều trị', en: 'Move to the next phase' },
      from: ['active'],
      to: ['active'],
      actors: ['health'],
      decisionRequired: false,
      schema: z.strictObject({ phase: z.enum(OST_PHASES) }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const current = OST_PHASES.indexOf(String(ctx.procedure.data.phase) as (typeof OST_PHASES)[number]);
        if (OST_PHASES.indexOf(ctx.data.phase) !== current + 1)
          problems.push(
            plainProblem(
              ['data', 'phase'],
              'Giai đoạn điều trị đi theo thứ tự: dò liều → điều chỉnh liều → duy trì → giảm liều.',
              'Phases go in order: induction → dose adjustment → maintenance → tapering.',
            ),
          );
        if (problems.length > 0) return problems;
        const data: Record<string, unknown> = { phase: ctx.data.phase };
        if (ctx.data.phase === 'maintenance') data.maintenanceOn = ctx.decidedOn;
        return { to: 'active', data };
      },
    },
    complete: {
      label: { vi: 'Hoàn thành điều trị', en: 'Complete treatment' },
      from: ['active'],
      to: ['completed'],
      actors: ['health'],
      decisionRequired: true,
      schema: z.strictObject({}),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (ctx.procedure.data.phase !== 'tapering')
          problems.push(
            plainProblem(['action'], 'Chỉ hoàn thành sau giai đoạn giảm liều.', 'Completion follows the tapering phase.'),
          );
        if (problems.length > 0) return problems;
        return {
          to: 'completed',
          data: { completedOn: ctx.decidedOn },
          followUps: [
            {
              kind: 'post_rehab',
              action: 'propose',
              data: { basis: 'ost', completedOn: ctx.decidedOn, rehabId: ctx.procedure.id },
              reason: 'Hoàn thành điều trị thay thế: quản lý sau cai nghiện 1 năm (Điều 40 Luật 73/2021/QH14)',
            },
          ],
        };
      },
    },
    terminate: {
      label: { vi: 'Chấm dứt điều trị', en: 'Terminate treatment' },
      from: ['active'],
      to: ['terminated'],
      actors: ['health'],
      decisionRequired: true,
      schema: Terminate,
      apply: (ctx) => {
        const problems = [...inOrder(ctx), ...violationProblems(ctx)];
        if (problems.length > 0) return problems;
        const data = { terminationReason: ctx.data.reason, terminatedOn: ctx.decidedOn };
        if (ctx.data.reason === 'patient_request') return { to: 'terminated', data };
        return {
          to: 'terminated',
          data,
          followUps: [
            {
              kind: 'compulsory_rehab',
              action: 'trigger',
              data: { trigger: 'art32_3', ostId: ctx.procedure.id },
              reason: 'Tự ý chấm dứt hoặc bị chấm dứt điều trị thay thế do vi phạm (Điều 32(3) Luật 73/2021/QH14)',
            },
          ],
        };
      },
    },
  },
};
