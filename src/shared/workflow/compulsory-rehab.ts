import { z } from 'zod';
import { addDays, toEpochDay } from '../calendar/iso-date';
import { Months, Reason, RecordId, ShortText } from './fields';
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
  unconfirmed,
} from './guards';
import type { ProcedureDefinition, StepContext } from './types';

/** The cases of Law 73/2021 Điều 32 (adults) and Điều 33 (minors: the first three only). */
export const COMPULSORY_TRIGGERS = ['art32_1', 'art32_2', 'art32_3', 'art32_4'] as const;
const PENDING = ['triggered', 'dossier_compiled', 'filed_with_court', 'court_accepted'] as const;

function isMinorOn(ctx: StepContext<unknown>, date: string): boolean {
  const adult = requireRule(ctx, 'compulsory.adult_min_age').value;
  return adult?.kind === 'age' && ageOn(ctx.person, date) < adult.years;
}

function cancel() {
  return {
    label: { vi: 'Dừng thủ tục (ghi lý do)', en: 'Stop the procedure (give the reason)' },
    from: [...PENDING],
    to: ['cancelled'],
    actors: ['police'] as const,
    decisionRequired: false,
    schema: z.strictObject({ reason: Reason }),
    apply: (ctx: StepContext<{ reason: string }>) => {
      const problems = inOrder(ctx);
      return problems.length > 0
        ? problems
        : {
            to: 'cancelled',
            data: { cancelReason: ctx.data.reason },
            close: ['compulsory.dossier_deadline', 'compulsory.court_decision_deadline'],
          };
    },
  };
}

/**
 * Compulsory rehab (đưa vào cơ sở cai nghiện bắt buộc; Law 73/2021 Điều 32–33, NĐ 116/2021,
 * TTLT 03/2025, Luật XLVPHC Điều 95, Pháp lệnh 01/2022 for minors; DOMAIN.md §4.7). Never under
 * 12; 12–under 18 take the minors' durations and court deadline; the dossier is due within 5
 * working days of discovery; time managed at a facility while the procedure runs is deducted.
 */
export const COMPULSORY_REHAB: ProcedureDefinition = {
  kind: 'compulsory_rehab',
  label: { vi: 'Đưa vào cơ sở cai nghiện bắt buộc', en: 'Compulsory rehab' },
  citation: 'Điều 32, 33 Luật 73/2021/QH14; NĐ 116/2021/NĐ-CP; TTLT 03/2025',
  facilityLinked: 'rehab',
  states: {
    triggered: {
      label: { vi: 'Thuộc trường hợp Điều 32, chờ lập hồ sơ', en: 'Art 32 case, dossier to compile' },
      active: true,
      classification: 'COMPULSORY_PROCEDURE_PENDING',
    },
    dossier_compiled: {
      label: { vi: 'Đã lập hồ sơ', en: 'Dossier compiled' },
      active: true,
      classification: 'COMPULSORY_PROCEDURE_PENDING',
    },
    filed_with_court: {
      label: { vi: 'Đã chuyển Tòa án', en: 'Filed with the court' },
      active: true,
      classification: 'COMPULSORY_PROCEDURE_PENDING',
    },
    court_accepted: {
      label: { vi: 'Tòa án đã thụ lý', en: 'Accepted by the court' },
      active: true,
      classification: 'COMPULSORY_PROCEDURE_PENDING',
    },
    court_decided: {
      label: { vi: 'Có quyết định của Tòa án, chờ đưa vào cơ sở', en: 'Court decided, awaiting admission' },
      active: true,
      classification: 'COMPULSORY_PROCEDURE_PENDING',
    },
    court_rejected: { label: { vi: 'Tòa án không áp dụng', en: 'Court did not apply it' }, active: false },
    admitted: {
      label: { vi: 'Đang chấp hành tại cơ sở', en: 'In the facility' },
      active: true,
      classification: 'COMPULSORY_REHAB',
    },
    completed: { label: { vi: 'Chấp hành xong', en: 'Completed' }, active: false },
    cancelled: { label: { vi: 'Dừng thủ tục', en: 'Stopped' }, active: false },
  },
  actions: {
    trigger: {
      label: { vi: 'Ghi nhận trường hợp phải cai nghiện bắt buộc', en: 'Record a compulsory-rehab case' },
      from: ['new'],
      to: ['triggered'],
      actors: ['police', 'system'],
      decisionRequired: false,
      schema: z.strictObject({
        trigger: z.enum(COMPULSORY_TRIGGERS),
        determinationId: RecordId.optional(),
        violationRecordId: RecordId.optional(),
        ostId: RecordId.optional(),
      }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const min = requireRule(ctx, 'compulsory.min_age');
        if (min.value?.kind === 'age' && ageOn(ctx.person, ctx.decidedOn) < min.value.years)
          problems.push(
            ruleProblem(
              ['decidedOn'],
              min,
              `Không áp dụng cai nghiện bắt buộc với người dưới ${min.value.years} tuổi`,
              `No compulsory rehab under ${min.value.years}`,
            ),
          );
        else if (ctx.data.trigger === 'art32_4' && isMinorOn(ctx, ctx.decidedOn))
          problems.push(
            plainProblem(
              ['data', 'trigger'],
              'Tái nghiện trong thời gian quản lý sau cai nghiện không là căn cứ đối với người dưới 18 tuổi (Điều 33 Luật 73/2021/QH14).',
              'Relapse during post-rehab is not a ground for persons under 18 (Law 73/2021 Art 33).',
            ),
          );
        if (problems.length > 0) return problems;
        return {
          to: 'triggered',
          data: { ...ctx.data, discoveredOn: ctx.decidedOn, minor: isMinorOn(ctx, ctx.decidedOn) },
          open: [deadlineFrom(ctx, 'compulsory.dossier_deadline', 'compulsory.dossier_deadline', ctx.decidedOn)],
        };
      },
    },
    compile_dossier: {
      label: { vi: 'Lập hồ sơ đề nghị (Mẫu 30, Mẫu 27, kết quả xác định)', en: 'Compile the dossier (forms 30, 27, result)' },
      from: ['triggered'],
      to: ['dossier_compiled'],
      actors: ['police'],
      decisionRequired: false,
      schema: z.strictObject({ mau30: z.literal(true), mau27RecordNo: ShortText, determinationId: RecordId }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const result = ctx.others.find((p) => p.id === ctx.data.determinationId);
        if (result?.kind !== 'determination' || result.state !== 'addicted')
          problems.push(
            plainProblem(
              ['data', 'determinationId'],
              'Hồ sơ phải kèm kết quả xác định tình trạng nghiện là nghiện của chính người này (NĐ 116/2021/NĐ-CP).',
              'The dossier needs this person’s determination result "addicted" (NĐ 116/2021).',
            ),
          );
        if (problems.length > 0) return problems;
        return {
          to: 'dossier_compiled',
          data: { ...ctx.data, dossierOn: ctx.decidedOn },
          close: ['compulsory.dossier_deadline'],
        };
      },
    },
    interim_management: {
      label: { vi: 'Quản lý trong thời gian làm thủ tục', en: 'Interim management' },
      from: ['dossier_compiled', 'filed_with_court', 'court_accepted', 'court_decided'],
      to: ['dossier_compiled', 'filed_with_court', 'court_accepted', 'court_decided'],
      actors: ['police'],
      decisionRequired: false,
      schema: z.strictObject({
        mode: z.enum(['family', 'facility']),
        /** The family's written confirmation, Mẫu 35 (NĐ 116/2021 Điều 44). */
        mau35: z.boolean().default(false),
        facilityId: RecordId.optional(),
      }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (ctx.data.mode === 'family' && (!ctx.person.hasStableResidence || !ctx.data.mau35))
          problems.push(
            plainProblem(
              ['data', 'mode'],
              'Giao gia đình quản lý khi có nơi cư trú ổn định và gia đình xác nhận bằng Mẫu 35 (Điều 44 NĐ 116/2021/NĐ-CP).',
              'Family management needs a stable residence and the family’s form 35 (NĐ 116/2021 Art 44).',
            ),
          );
        if (ctx.data.mode === 'facility' && !ctx.data.facilityId)
          problems.push(plainProblem(['data', 'facilityId'], 'Chọn cơ sở quản lý.', 'Choose the facility.'));
        if (problems.length > 0) return problems;
        return {
          to: ctx.procedure.state,
          data: { interimMode: ctx.data.mode, interimSince: ctx.decidedOn, interimFacilityId: ctx.data.facilityId ?? null },
        };
      },
    },
    file_with_court: {
      label: { vi: 'Chuyển hồ sơ đến Tòa án nhân dân khu vực', en: 'File with the regional court' },
      from: ['dossier_compiled'],
      to: ['filed_with_court'],
      actors: ['police'],
      decisionRequired: false,
      schema: z.strictObject({ court: ShortText }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        return problems.length > 0
          ? problems
          : { to: 'filed_with_court', data: { court: ctx.data.court, filedOn: ctx.decidedOn } };
      },
    },
    court_accept: {
      label: { vi: 'Tòa án thụ lý', en: 'Court accepts the case' },
      from: ['filed_with_court'],
      to: ['court_accepted'],
      actors: ['police', 'court'],
      decisionRequired: false,
      schema: z.strictObject({ caseNo: ShortText.optional() }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (problems.length > 0) return problems;
        const key = isMinorOn(ctx, ctx.decidedOn)
          ? 'compulsory.minor_court_decision_deadline'
          : 'compulsory.adult_court_decision_deadline';
        return {
          to: 'court_accepted',
          data: { ...ctx.data, acceptedOn: ctx.decidedOn },
          open: [deadlineFrom(ctx, 'compulsory.court_decision_deadline', key, ctx.decidedOn)],
          unconfirmedRules: unconfirmed(ctx.rule(key)),
        };
      },
    },
    court_decide: {
      label: { vi: 'Quyết định của Tòa án', en: 'Court decision' },
      from: ['court_accepted'],
      to: ['court_decided', 'court_rejected'],
      actors: ['police', 'court'],
      decisionRequired: true,
      schema: z.strictObject({ applied: z.boolean(), months: Months.optional() }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const minor = isMinorOn(ctx, ctx.decidedOn);
        const rule = requireRule(ctx, minor ? 'compulsory.minor_duration' : 'compulsory.adult_duration');
        if (ctx.data.applied) problems.push(...monthsInRange(rule, ctx.data.months, ['data', 'months']));
        if (problems.length > 0) return problems;
        if (!ctx.data.applied)
          return { to: 'court_rejected', data: { courtDecidedOn: ctx.decidedOn }, close: ['compulsory.court_decision_deadline'] };
        return {
          to: 'court_decided',
          data: { courtDecidedOn: ctx.decidedOn, months: ctx.data.months, minorAtDecision: minor, durationRule: rule.key },
          close: ['compulsory.court_decision_deadline'],
        };
      },
    },
    admit: {
      label: { vi: 'Đưa vào cơ sở cai nghiện bắt buộc', en: 'Admit to the facility' },
      from: ['court_decided'],
      to: ['admitted'],
      actors: ['police', 'rehab'],
      decisionRequired: false,
      schema: z.strictObject({ facilityId: RecordId }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        if (problems.length > 0) return problems;
        const d = ctx.procedure.data;
        // NĐ 116/2021 Điều 45: time managed at a facility during the procedure counts toward the term.
        const deducted =
          d.interimMode === 'facility' && typeof d.interimSince === 'string'
            ? Math.max(0, toEpochDay(ctx.decidedOn) - toEpochDay(d.interimSince))
            : 0;
        const endDate = addDays(monthsTermEnd(ctx.decidedOn, Number(d.months)), -deducted);
        return {
          to: 'admitted',
          data: { facilityId: ctx.data.facilityId, startDate: ctx.decidedOn, endDate, interimDaysDeducted: deducted },
          open: [termDeadline('compulsory.term_end', String(d.durationRule), ctx.decidedOn, endDate, true)],
        };
      },
    },
    reduce: {
      label: { vi: 'Giảm thời hạn', en: 'Reduce the term' },
      from: ['admitted'],
      to: ['admitted'],
      actors: ['rehab', 'court', 'police'],
      decisionRequired: true,
      schema: z.strictObject({ months: Months }),
      apply: (ctx) => {
        const problems = inOrder(ctx);
        const d = ctx.procedure.data;
        const rule = requireRule(ctx, 'compulsory.reduction');
        problems.push(...monthsInRange(rule, ctx.data.months, ['data', 'months']));
        if (d.reducedMonths) problems.push(plainProblem(['action'], 'Thời hạn đã được giảm.', 'The term was already reduced.'));
        const start = toEpochDay(String(d.startDate));
        const half = addDays(String(d.startDate), Math.ceil((toEpochDay(String(d.endDate)) - start) / 2));
        if (ctx.decidedOn < half)
          problems.push(
            ruleProblem(
              ['decidedOn'],
              rule,
              'Chỉ xét giảm khi đã chấp hành một nửa thời hạn',
              'Only after half the term has been served',
            ),
          );
        if (problems.length > 0) return problems;
        const endDate = monthsTermEnd(String(d.endDate), -ctx.data.months);
        return {
          to: 'admitted',
          data: { reducedMonths: ctx.data.months, endDate, originalEndDate: d.endDate },
          close: ['compulsory.term_end'],
          open: [termDeadline('compulsory.term_end', rule.key, String(d.startDate), endDate, rule.confirmed)],
        };
      },
    },
    complete: {
      label: { vi: 'Chấp hành xong', en: 'Complete' },
      from: ['admitted'],
      to: ['completed'],
      actors: ['rehab', 'police'],
      decisionRequired: true,
      schema: z.strictObject({}),
      apply: (ctx) => {
        const end = String(ctx.procedure.data.endDate);
        const problems = [...inOrder(ctx), ...notBefore(ctx, end, { vi: 'ngày hết thời hạn', en: 'the end of the term' })];
        if (problems.length > 0) return problems;
        const basis = ctx.procedure.data.minorAtDecision ? 'compulsory_minor' : 'compulsory_adult';
        return {
          to: 'completed',
          data: { completedOn: ctx.decidedOn },
          close: ['compulsory.term_end'],
          followUps: [
            {
              kind: 'post_rehab',
              action: 'propose',
              data: { basis, completedOn: ctx.decidedOn, rehabId: ctx.procedure.id },
              reason:
                basis === 'compulsory_adult'
                  ? 'Chấp hành xong cai nghiện bắt buộc (người thành niên): quản lý sau cai nghiện 2 năm (Điều 40)'
                  : 'Chấp hành xong cai nghiện bắt buộc (người chưa thành niên): quản lý sau cai nghiện 1 năm (Điều 40)',
            },
          ],
        };
      },
    },
    cancel: cancel(),
  },
};
